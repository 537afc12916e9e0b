import Foundation
import Testing
@testable import QuorumSite
import QuorumTestSupport

/// A reference a template makes is placed at its template line only when it needs a
/// place (it is broken, or external): these check that the place is still the right one.
extension LinkCheckerTests {
    /// The repository's `path` with `marker` replaced by `replacement`.
    func template(_ path: String, replacing marker: String, with replacement: String) throws -> String {
        let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains(marker), "the template changed: \(marker) is not in \(path)")
        return text.replacingOccurrences(of: marker, with: replacement)
    }

    func line(of text: String, in template: String) -> Int {
        template.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
    }

    @Test func aTemplateAnchorBrokenOnSomePagesIsReportedAtItsLineForThosePages() throws {
        let base = try template("base.mustache", replacing: "<main id=\"main\" tabindex=\"-1\">",
                                with: "<main id=\"main\" tabindex=\"-1\">\n<a href=\"#summary\">Summary</a>")
        let report = try check([
            "index.md": page("Home", ""), "about.md": page("About", "## Summary\n\nText.\n"), "guides/one.md": page("One", ""),
        ], templates: ["base.mustache": base])
        #expect(brief(report) == [
            "Templates/base.mustache:\(line(of: "#summary", in: base)):1 broken-anchor: link '#summary': the page has no element with id 'summary' (in guides/one.html and 1 other page)",
        ])
    }

    @Test func aTemplateExternalLinkIsCollectedAtItsTemplateLine() throws {
        let footer = try template("partials/footer.mustache", replacing: "</footer>",
                                  with: "<a href=\"https://example.org/privacy\">Privacy</a>\n</footer>")
        let report = try check(["index.md": page("Home", ""), "guides/one.md": page("One", "")],
                               templates: ["partials/footer.mustache": footer])
        #expect(report.diagnostics.isEmpty, "\(brief(report))")
        #expect(report.externalLinks.map(\.url) == ["https://example.org/privacy"])
        #expect(report.externalLinks.first?.locations.map { "\($0.path.split(separator: "/").suffix(2).joined(separator: "/")):\($0.line)" }
                == ["partials/footer.mustache:\(line(of: "privacy", in: footer))"])
    }

    @Test func aMarkdownLinkAndTheSameTemplateLinkAreEachReportedWhereWritten() throws {
        // index.html has 'contact.html' twice: once from its markdown, once from the footer.
        let footer = try template("partials/footer.mustache", replacing: "</footer>",
                                  with: "<a href=\"{{root}}contact.html\">Contact</a>\n</footer>")
        let report = try check(["index.md": page("Home", "[contact](contact.html)\n"), "about.md": page("About", "")],
                               templates: ["partials/footer.mustache": footer])
        #expect(brief(report) == [
            "pages/index.md:4:1 broken-link: link 'contact.html': there is no contact.html in the output",
            "partials/footer.mustache:\(line(of: "contact.html", in: footer)):1 broken-link: link 'contact.html': there is no contact.html in the output (in about.html and 1 other page)",
        ])
    }

    @Test func aBaseURLLinkInATemplateResolvesIntoTheOutput() throws {
        let footer = try template("partials/footer.mustache", replacing: "</footer>",
                                  with: "<a href=\"https://example.gov.uk/about.html#team\">Team</a>\n<a href=\"https://example.gov.uk/missing.html\">Missing</a>\n</footer>")
        let report = try check(["index.md": page("Home", ""), "about.md": page("About", "## Team\n")],
                               site: "title: T\ncouncil: C\nbase_url: https://example.gov.uk/\n",
                               templates: ["partials/footer.mustache": footer])
        #expect(brief(report) == [
            "partials/footer.mustache:\(line(of: "missing.html", in: footer)):1 broken-link: link 'https://example.gov.uk/missing.html': there is no missing.html in the output (in about.html and 1 other page)",
        ])
        #expect(report.externalLinks.isEmpty)
    }
}

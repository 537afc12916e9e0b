import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// Every kind of broken link, anchor, image and asset, found in the in-memory output and
/// reported where it was written; and the links that must not be reported.
@Suite("Link checking")
struct LinkCheckerTests {
    /// A site built from `pages` (path inside pages/ -> markdown) with the repository's
    /// templates, or with templates changed by `templates` (path -> text).
    func check(_ pages: [String: String], site: String = "title: T\ncouncil: C\n",
               templates: [String: String] = [:], media: Bool = false) throws -> BuildReport {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), templatesFolder = root.appendingPathComponent("Templates")
        var tree = ["site.yaml": site]
        for (path, text) in pages { tree["pages/" + path] = text }
        writeTree(tree, in: content)
        if media {
            try FileManager.default.createDirectory(at: content.appendingPathComponent("media"), withIntermediateDirectories: true)
            try Data([0x47, 0x49, 0x46]).write(to: content.appendingPathComponent("media/chart.png"))
        }
        try FileManager.default.copyItem(at: TestPaths.templates, to: templatesFolder)
        writeTree(templates, in: templatesFolder)
        var options = options(content: content, output: root.appendingPathComponent("public"))
        options.templates = templatesFolder
        let report = SiteBuild.build(options)
        if report.failed {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path),
                    "a broken link must fail the build with nothing written")
        }
        return report
    }

    func page(_ title: String, _ body: String) -> String { "---\ntitle: \(title)\n---\n\(body)" }

    func brief(_ report: BuildReport) -> [String] {
        report.diagnostics.map { d in
            let path = d.location.path.split(separator: "/").suffix(2).joined(separator: "/")
            return "\(path):\(d.location.line):\(d.location.column) \(d.code): \(d.message)"
        }
    }

    @Test func validLinksOfEveryKindPass() throws {
        let report = try check([
            "index.md": page("Home", """
                [About](about.html) [team](about.html#our-team) [top](#top) [here](#section-one)
                [folder](guides/) [folder without slash](guides) [query](about.html?x=1#our-team)
                [mail](mailto:someone@example.org) [phone](tel:+441234) ![chart](media/chart.png)
                [canonical](https://example.gov.uk/about.html#our-team) [root](/about.html)

                ## Section one
                """),
            "about.md": page("About", "## Our team\n\n[home](index.html) [up](./index.html)\n"),
            "guides/index.md": page("Guides", "[back](../about.html#our-team) [self](./)\n"),
        ], site: "title: T\ncouncil: C\nbase_url: https://example.gov.uk\n", media: true)
        #expect(report.diagnostics.isEmpty, "\(brief(report))")
        #expect(report.wrote)
    }

    @Test func aBrokenPageLinkIsReportedAtItsMarkdownLine() throws {
        let report = try check([
            "index.md": page("Home", "Intro.\n\nRead [about us](abuot.html) and [more](guides/missing.html).\n"),
            "about.md": page("About", "x"),
        ])
        #expect(report.failed)
        #expect(brief(report) == [
            "pages/index.md:6:6 broken-link: link 'abuot.html': there is no abuot.html in the output; did you mean 'about.html'?",
            "pages/index.md:6:33 broken-link: link 'guides/missing.html': there is no guides/missing.html in the output",
        ])
    }

    @Test func brokenAnchorsOnTheSameAndOtherPages() throws {
        let report = try check([
            "index.md": page("Home", "## Financial implications\n\n[a](#financial-implication)\n\n[b](about.html#nowhere)\n"),
            "about.md": page("About", "## Team\n"),
        ])
        #expect(brief(report) == [
            "pages/index.md:6:1 broken-anchor: link '#financial-implication': the page has no element with id 'financial-implication'; did you mean 'financial-implications'?",
            "pages/index.md:8:1 broken-anchor: link 'about.html#nowhere': about.html has no element with id 'nowhere'",
        ])
    }

    @Test func aBrokenImageIsAnAssetError() throws {
        let report = try check(["index.md": page("Home", "![Chart of vacancies](media/vacancies.png)\n")], media: true)
        #expect(brief(report) == [
            "pages/index.md:4:1 broken-asset: asset 'media/vacancies.png': there is no media/vacancies.png in the output",
        ])
    }

    @Test func aLinkAboveTheSiteRootIsBroken() throws {
        let report = try check(["index.md": page("Home", "[x](../../outside.html)\n")])
        #expect(brief(report) == ["pages/index.md:4:1 broken-link: '../../outside.html' points outside the site"])
    }

    @Test func linksInNestedPagesResolveFromTheirFolder() throws {
        let report = try check([
            "index.md": page("Home", ""),
            "careers/asye.md": page("ASYE", "[ok](../index.html) [broken](index.html)\n"),
        ])
        #expect(brief(report) == [
            "careers/asye.md:4:21 broken-link: link 'index.html': there is no careers/index.html in the output",
        ])
    }

    @Test func templateLinksAreReportedOnceAtTheTemplateLine() throws {
        let base = try String(contentsOf: TestPaths.templates.appendingPathComponent("base.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"{{root}}assets/quorum.css\">",
                                  with: "<link rel=\"stylesheet\" href=\"{{root}}assets/quorum.css\">\n<link rel=\"stylesheet\" href=\"{{root}}assets/print.css\">")
            .replacingOccurrences(of: "href=\"#main\"", with: "href=\"#content\"")
        let report = try check([
            "index.md": page("Home", ""), "about.md": page("About", ""), "guides/one.md": page("One", ""),
        ], templates: ["base.mustache": base])
        let printLine = base.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("print.css") }! + 1
        let skipLine = base.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("#content") }! + 1
        #expect(brief(report) == [
            "Templates/base.mustache:\(printLine):1 broken-asset: asset 'assets/print.css': there is no assets/print.css in the output (in about.html and 2 other pages)",
            "Templates/base.mustache:\(skipLine):1 broken-anchor: link '#content': the page has no element with id 'content' (in about.html and 2 other pages)",
        ])
    }

    @Test func aTemplateLinkThatCannotBeFoundIsReportedAtThePagesTemplate() throws {
        // The header links to the home page through {{root}}index.html; with no home page
        // the link is broken, and the value is not written as such in any template.
        let report = try check(["about.md": page("About", "")])
        #expect(brief(report) == [
            "partials/header.mustache:3:1 broken-link: link 'index.html': there is no index.html in the output (in about.html)",
        ])
    }

    @Test func everyBrokenLinkIsReportedAtOnce() throws {
        let body = (1...5).map { "[l\($0)](missing-\($0).html)" }.joined(separator: "\n\n")
        let report = try check(["index.md": page("Home", body)])
        #expect(report.errorCount == 5)
        #expect(report.diagnostics.map(\.location.line) == [4, 6, 8, 10, 12])
    }

    @Test func externalLinksAreCollectedNotFetched() throws {
        let report = try check(["index.md": page("Home", "[a](https://example.org/a) <https://example.org/a>\n\n[b](http://example.org/b)\n")])
        #expect(report.diagnostics.isEmpty)
        #expect(report.externalLinks.map(\.url) == ["http://example.org/b", "https://example.org/a"])
        #expect(report.externalLinks.last?.locations.map(\.line) == [4, 4])
    }

    @Test func linksAreNotCheckedWhenTheBuildAlreadyHasErrors() throws {
        // about.md is left out for its broken front matter: the link to it is not reported too.
        let report = try check([
            "index.md": page("Home", "[about](about.html)\n"),
            "about.md": "---\ntitle: [broken\n---\n",
        ])
        #expect(report.diagnostics.map(\.code) == ["front-matter-syntax"])
    }
}

@Suite("Link targets")
struct LinkTargetTests {
    @Test(arguments: [
        ("about.html", "index.html", LinkTarget.file(path: "about.html", fragment: nil)),
        ("#team", "a/b.html", .file(path: "a/b.html", fragment: "team")),
        ("", "a/b.html", .file(path: "a/b.html", fragment: nil)),
        ("../c.html#x%20y", "a/b.html", .file(path: "c.html", fragment: "x y")),
        ("./", "a/b.html", .file(path: "a/index.html", fragment: nil)),
        ("/", "a/b.html", .file(path: "index.html", fragment: nil)),
        ("/a/", "x.html", .file(path: "a/index.html", fragment: nil)),
        ("media/annual%20report.pdf", "index.html", .file(path: "media/annual report.pdf", fragment: nil)),
        ("../../x.html", "a/b.html", .outside),
        ("https://example.org/x", "index.html", .external("https://example.org/x")),
        ("//cdn.example.org/x.js", "index.html", .external("https://cdn.example.org/x.js")),
        ("mailto:a@b.org", "index.html", .other),
        ("data:image/png;base64,AAAA", "index.html", .other),
        ("https://council.example/papers/x.html#y", "index.html", .file(path: "papers/x.html", fragment: "y")),
        ("https://council.example", "a/b.html", .file(path: "index.html", fragment: nil)),
    ])
    func resolves(_ reference: String, from page: String, to target: LinkTarget) {
        #expect(LinkTarget(reference, from: page, baseURL: "https://council.example") == target)
    }
}

@Suite("Scanning generated HTML")
struct HTMLReferencesTests {
    @Test func findsReferencesAndIdsAndSkipsCommentsScriptsAndStyles() {
        let scan = HTMLReferences(scanning: """
            <!DOCTYPE html><html><head>
            <link rel="stylesheet" href="a.css"><style>a[href="no.css"] { }</style>
            <script>var s = '<a href="no.html">';</script><script src="app.js"></script>
            </head><body>
            <!-- <a href="commented.html"> -->
            <A HREF='single.html?a=1&amp;b=2' ID=top-link>x</A>
            <img alt="a > b" src=unquoted.png>
            <h2 id="financial-implications">F</h2><a name="old-anchor"></a>
            <p>Text with &lt;a href="escaped.html"&gt; in it</p>
            <input value="<a href=not-a-tag>" data-x=1/>
            </body></html>
            """)
        #expect(scan.references.map(\.value) == ["a.css", "app.js", "single.html?a=1&b=2", "unquoted.png"])
        #expect(scan.references.map(\.isAsset) == [true, true, false, true])
        #expect(scan.ids == ["top-link", "financial-implications", "old-anchor"])
    }

    @Test func decodesCharacterReferences() {
        #expect(HTMLReferences.decodeCharacterReferences("a&amp;b&#39;c&#x27;d&quot;&unknown;&") == "a&b'c'd\"&unknown;&")
    }

    @Test func survivesMalformedMarkup() {
        let scan = HTMLReferences(scanning: "<a href=\"never-closed <p id=x <!-- <script>")
        #expect(scan.references.count <= 1)
    }
}

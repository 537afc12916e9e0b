import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The planning part of the internal dashboard (reconciliation, caseloads, scenarios and
/// their chart) and one internal page per scenario, as a build of the sample writes them.
@Suite("Scenario pages")
struct ScenarioPagesTests {
    static var build: (public: [String: Data], exempt: [String: Data], report: BuildReport) { PaperOutputTests.build }

    static func page(_ path: String) -> String? {
        build.public[path].map { String(decoding: $0, as: UTF8.self) }
    }

    static let ids = ["asye-cohort", "convert-agency", "do-nothing"]

    @Test func theConvertAgencyPageMatchesItsGoldenFile() throws {
        #expect(Self.build.report.errorCount == 0)
        let page = try #require(Self.page("workforce/scenarios/convert-agency.html"), "the scenario page was not built")
        try Golden.assertText(page, matches: "workforce/scenarios/convert-agency.html")
    }

    @Test func eachScenarioHasAnInternalPageWithEveryCalculation() throws {
        for id in Self.ids {
            let page = try #require(Self.page("workforce/scenarios/\(id).html"), "no page for \(id)")
            #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
            for section in ["officer-text", "projection", "chart", "calculations"] {
                #expect(page.contains("<h2 id=\"\(section)\">"), "\(id): no section \(section)")
            }
            // The opening position and 18 months, each with its lines of arithmetic.
            #expect(page.components(separatedBy: "<details>").count - 1 == 19)
            #expect(page.contains("<table class=\"figures calculations\">"))
            #expect(page.contains("<svg "))
            #expect(page.contains("href=\"../../workforce.html#scenarios\""))
        }
        let asye = try #require(Self.page("workforce/scenarios/asye-cohort.html"))
        #expect(asye.contains("; adopted by the board on 13 November 2019."))
        #expect(asye.contains("A cohort of twelve newly qualified social workers in September 2020"))
        // A line of arithmetic shows its inputs, its formula and its result.
        // 18.9% − 3.0 points for the retention payment: 23.2 × 15.9 ÷ 100 ÷ 12 = 0.30740 leavers in October 2019.
        #expect(asye.contains("<tr><th scope=\"row\">Leavers (Referral &amp; Assessment / Social workers)</th><td>employee FTE = 23.20; annual turnover rate = 18.90%; retention reduction = 3.00%</td><td>employee FTE × (annual turnover rate − retention reduction) ÷ 100 ÷ 12</td><td class=\"number\">0.31</td>"))
        // £3,000 a head a year × 25 heads ÷ 12 = £6,250 a month.
        #expect(asye.contains("<tr><th scope=\"row\">Retention payment (Referral &amp; Assessment / Social workers)</th><td>payment a head a year = £3,000; heads = 25</td><td>payment a head a year × heads ÷ 12</td><td class=\"number\">£6,250</td>"))
    }

    @Test func scenarioPagesAreNeitherLinkedFromThePublicSiteNorInTheSitemap() throws {
        let sitemap = try #require(Self.page("sitemap.xml"))
        #expect(sitemap.contains("<loc>"))
        #expect(!sitemap.contains("workforce/scenarios/"))
        for (path, data) in Self.build.public where path.hasSuffix(".html") && path != WorkforceRenderer.path && !path.hasPrefix("workforce/") {
            #expect(!String(decoding: data, as: UTF8.self).contains("workforce/scenarios/"), "\(path) links to a scenario page")
        }
    }

    @Test func theDashboardReconcilesShowsCaseloadsAndListsTheScenarios() throws {
        let page = try #require(WorkforceDashboardTests.page)
        for id in ["reconciliation", "caseloads", "scenarios"] {
            #expect(page.contains("<h2 id=\"\(id)\">"), "no section \(id)")
        }
        #expect(page.contains("<table class=\"figures reconciliation\">"))
        #expect(page.contains("<table class=\"figures caseloads\">"))
        for id in Self.ids {
            #expect(page.contains("<a href=\"workforce/scenarios/\(id).html\">"), "no link to \(id)")
        }
        #expect(page.contains("(adopted by the board)"))
        // The comparison chart: a line for no change and one per scenario, with its data table.
        #expect(page.contains("aria-labelledby=\"chart-scenarios-title"))
        #expect(page.contains("<th scope=\"col\" class=\"number\">No change</th><th scope=\"col\" class=\"number\">An ASYE cohort and a retention payment</th><th scope=\"col\" class=\"number\">Convert 10 agency social workers over a year</th><th scope=\"col\" class=\"number\">Do nothing</th>"))
    }

    @Test func aBadScenarioFailsBuildAndCheckAndNothingIsWritten() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        let file = content.appendingPathComponent("scenarios/convert-agency.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "area: Children in Need }", with: "area: Children in Nede }").utf8).write(to: file)
        let output = root.appendingPathComponent("public")
        let report = try await offThePool { SiteBuild.build(sampleCopyOptions(content: content, output: output)) }
        #expect(report.failed && !report.wrote)
        // The only errors: the unknown area, at each of its two lines in the scenario.
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["planning-unknown-area", "planning-unknown-area"], "\(errors.map(\.formatted))")
        #expect(errors.map(\.location.line) == [17, 30])
        let error = try #require(errors.first)
        #expect(error.location.path.hasSuffix("scenarios/convert-agency.md"))
        #expect(error.message.contains("Children in Nede"), "\(error.formatted)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let check = try await offThePool { SiteBuild.check(sampleCopyOptions(content: content, output: output)) }
        #expect(check.failed && check.diagnostics.contains { $0.location == error.location && $0.code == error.code })
    }

    @Test func aBrokenLinkInTheOfficersTextIsAnErrorInTheScenarioFile() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        let file = content.appendingPathComponent("scenarios/do-nothing.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let bodyLine = try #require(lines.lastIndex(of: "---")) + 2  // the body's first line
        try Data(text.replacingOccurrences(of: "The board uses this scenario", with: "The [board](no-such-page.html) uses this scenario").utf8)
            .write(to: file)
        let output = root.appendingPathComponent("public")
        let report = try await offThePool { SiteBuild.build(sampleCopyOptions(content: content, output: output)) }
        #expect(report.failed && !FileManager.default.fileExists(atPath: output.path))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.formatted))")
        let error = try #require(errors.first)
        #expect(error.location.path.hasSuffix("scenarios/do-nothing.md"), "\(error.formatted)")
        #expect(error.location.line == bodyLine + 4, "\(error.formatted)")
    }
}

/// Options for a copy of the sample, as at the sample's date (so its snapshots are not in the
/// future and only the defect a test makes fails the build).
func sampleCopyOptions(content: URL, output: URL) -> BuildOptions {
    var built = options(content: content, output: output)
    built.asOf = sampleDate
    return built
}

import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The internal workforce dashboard of the sample, as a build writes it.
@Suite("Workforce dashboard")
struct WorkforceDashboardTests {
    static var page: String? {
        PaperOutputTests.build.public["workforce.html"].map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theSampleDashboardMatchesItsGoldenFile() throws {
        #expect(PaperOutputTests.build.report.errorCount == 0)
        let page = try #require(Self.page, "workforce.html was not built")
        try Golden.assertText(page, matches: "workforce/workforce.html")
    }

    @Test func itIsInternalNotIndexedAndNotInTheNavigation() throws {
        let page = try #require(Self.page)
        #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        for (path, data) in PaperOutputTests.build.public where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("href=\"workforce.html\""), "\(path) links to the dashboard")
        }
        #expect(!page.contains("<script"))
    }

    @Test func itHasEverySectionChartsAndEveryFinding() throws {
        let page = try #require(Self.page)
        for id in ["latest", "change", "targets", "charts", "benchmarks", "reconciliation", "caseloads", "scenarios", "data-quality"] {
            #expect(page.contains("<h2 id=\"\(id)\">"), "no section \(id)")
        }
        // Five workforce charts and the scenarios' comparison chart.
        #expect(page.components(separatedBy: "<svg ").count - 1 == 6)
        let ids = page.components(separatedBy: "aria-labelledby=\"chart-").dropFirst().map { $0.prefix { $0 != " " } }
        #expect(Set(ids).count == ids.count)
        let (workforce, _) = WorkforceTesting.loadSample()
        #expect(page.components(separatedBy: "<td class=\"severity-").count - 1 == workforce.findings.count)
        #expect(page.contains("<li><strong>31 March 2018</strong> (workforce/snapshots/2018-03-31.csv): 6 errors (accepted: HR has been asked to re-issue the March 2018 export (request WF-0412)); the figures involved are marked †</li>"))
        #expect(page.contains("<li><strong>30 September 2019</strong> (workforce/snapshots/2019-09-30.csv): clean</li>"))
        #expect(page.contains("<code>workforce/snapshots/2018-03-31.csv:23:65</code>"))
        // The trend charts show the March 2018 figures as suspect.
        #expect(page.contains("<span class=\"suspect-marker\">†</span>"))
        #expect(page.contains("Contains public sector information licensed under the Open Government Licence v3.0."))
    }

    @Test func noDashboardWithoutSnapshots() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let report = SiteBuild.build(options(content: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"),
                                             output: root))
        #expect(report.errorCount == 0)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("workforce.html").path))
    }
}

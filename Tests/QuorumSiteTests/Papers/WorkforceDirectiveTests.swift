import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumMicrosite
@testable import QuorumPapers
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The workforce directives in papers: each one's output in HTML and markdown, and each
/// error at the directive's line.
@Suite("Workforce directives")
struct WorkforceDirectiveTests {
    static let site: Site = {
        var log = DiagnosticLog()
        let content = ContentFolder.read(TestPaths.sampleContent, displayRoot: "Content", log: &log)
        return Site.load(content, asOf: sampleDate, log: &log)
    }()

    static let data = PaperData(priorities: site.priorities, actionPlan: site.actionPlan, workforce: site.workforce,
                                council: site.config.council)

    /// A paper meeting on `date` whose Details section is `details`.
    func layout(_ details: String, date: String = "2019-11-13") -> (PaperLayout?, [Diagnostic]) {
        let header = CommitteePaperTests.header.replacingOccurrences(of: "2017-11-15", with: date)
        var log = DiagnosticLog()
        let file = SourceFile(path: "Content/papers/test.md", relativePath: "papers/test.md",
                              text: header + "## Summary\n\nS.\n\n## Details\n\n" + details)
        guard let paper = CommitteePaper.load(file, log: &log) else { return (nil, log.entries) }
        let layout = PaperLayout.make(paper: paper, data: Self.data, templates: CommitteePaperTests.templates, log: &log)
        return (layout, log.entries)
    }

    func block(_ details: String, date: String = "2019-11-13") throws -> RenderedBlock {
        let (layout, diagnostics) = layout(details, date: date)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.formatted))")
        let section = try #require(layout?.sections.first { $0.title == "Details" })
        return try #require(section.paragraphs.first?.blocks.first)
    }

    @Test func theTableDefaultsToTheLatestSnapshotOnOrBeforeThePaper() throws {
        let table = try block("```quorum workforce-table\n```\n", date: "2017-11-15")
        #expect(table.html.contains("<caption>Workforce by service area and staff group, as at 30 September 2017"))
        #expect(table.html.contains("<tr class=\"total\"><th scope=\"row\">Children&#39;s Social Care</th><td>Total</td>"))
        #expect(table.markdown.contains("| **Children's Social Care** | **Total** | **"))
        #expect(!table.html.contains("†") && !table.markdown.contains("†"))

        let march = try block("```quorum workforce-table as-of=2018-03-31 area=children-in-need\n```\n")
        #expect(march.markdown.contains("| Children in Need | Social workers | 34.0† | 22.8† | 11.2† | 32.9%† |"))
        #expect(march.markdown.hasSuffix("† figure from a cell that failed validation; see data quality\n"))
        #expect(march.html.contains("<td class=\"number suspect\" title=\"figure from a cell that failed validation\">32.9%<span class=\"suspect-marker\">†</span></td>"))
        #expect(!march.markdown.contains("Referral"))
    }

    @Test func theChangeTableComparesTwoSnapshots() throws {
        let change = try block("```quorum workforce-change from=2018-09-30 to=2019-09-30 group=social-workers\n```\n")
        #expect(change.markdown.contains("Change from 30 September 2018 to 30 September 2019: Social workers, Children's Social Care (changes in rates are in percentage points, pp):"))
        #expect(change.markdown.contains("| Measure | 30 September 2018 | 30 September 2019 | Change | Direction | Better or worse |"))
        #expect(change.markdown.contains("| Vacancy rate | 24.7% | 23.3% | -1.4 pp | down | better |"), "\(change.markdown)")
        // Without `from`, the snapshot before `to`.
        let previous = try block("```quorum workforce-change to=2018-09-30\n```\n")
        #expect(previous.markdown.contains("Change from 31 March 2018 to 30 September 2018"))
        #expect(previous.markdown.contains("†"))
    }

    @Test func chartsRenderAnSVGAndTheSameDataAsATable() throws {
        let bars = try block("```quorum workforce-chart measure=vacancy_rate\n```\n", date: "2017-11-15")
        #expect(bars.html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"chart-3-1-1-title chart-3-1-1-desc\""))
        #expect(bars.html.contains("<caption>Vacancy rate by service area, all staff, as at 30 September 2017: the chart's figures</caption>"))
        #expect(!bars.markdown.contains("<svg"))
        #expect(bars.markdown.contains("| Service area | Vacancy rate |\n| --- | ---: |\n| Referral & Assessment | 21.1% |"))

        let trend = try block("```quorum workforce-chart measure=turnover_rate kind=trend group=social-workers\n```\n")
        #expect(trend.html.contains("<path class=\"line series-1\""))
        #expect(trend.markdown.contains("| As at | Social workers |"))
        #expect(trend.markdown.contains("| 30 September 2019 |"))
    }

    @Test func measuresAndBenchmarks() throws {
        let measures = try block("```quorum measures\n```\n")
        #expect(measures.markdown.contains("| Social worker agency rate | 19.5% | Green at most 15.0%; amber at most 25.0%; otherwise red | ▲ Amber | 20.8% | -1.3 pp | down | better |"), "\(measures.markdown)")
        #expect(measures.html.contains("<td class=\"rag rag-amber\"><span class=\"rag-symbol\" aria-hidden=\"true\">▲</span> Amber</td>"))

        let benchmarks = try block("```quorum benchmarks as-of=2017-09-30\n```\n")
        #expect(benchmarks.markdown.contains("| England | England | 17.0% | 15.8% | 13.4% | 17.7 |"), "\(benchmarks.markdown)")
        #expect(benchmarks.markdown.hasSuffix("Contains public sector information licensed under the Open Government Licence v3.0. Source: Department for Education, Children's social work workforce statistics.\n"))
        #expect(benchmarks.html.contains("<p class=\"attribution\">Contains public sector information licensed under the Open Government Licence v3.0."))
    }

    @Test(arguments: [
        ("quorum workforce-table as-of=2017-06-30", "directive-unknown-snapshot",
         "workforce-table: there is no workforce snapshot at 2017-06-30 (snapshots: 2017-09-30, 2018-03-31, 2018-09-30, 2019-09-30)"),
        ("quorum workforce-table as-of=June", "directive-argument", "workforce-table: 'as-of' must be a date written YYYY-MM-DD, not 'June'"),
        ("quorum workforce-table area=nowhere", "directive-unknown-area", "workforce-table: the snapshot at 2019-09-30 has no area 'nowhere'"),
        ("quorum workforce-table colour=red", "directive-argument", "workforce-table does not take 'colour' (it takes: area, as-of)"),
        ("quorum workforce-change from=2019-09-30 to=2018-09-30", "directive-argument", "workforce-change: 'from' 2019-09-30 must be before 'to' 2018-09-30"),
        ("quorum workforce-change from=2016-09-30", "directive-unknown-snapshot", "workforce-change: there is no workforce snapshot at 2016-09-30"),
        ("quorum workforce-change group=wizards", "directive-unknown-group", "workforce-change: unknown staff group 'wizards' (groups: managers, social-workers, others)"),
        ("quorum workforce-chart", "directive-argument", "workforce-chart: give the measure to chart"),
        ("quorum workforce-chart measure=happiness", "directive-unknown-measure", "workforce-chart: unknown measure 'happiness' (one of: vacancy_rate, agency_rate, turnover_rate, caseload)"),
        ("quorum workforce-chart measure=vacancy_rate kind=pie", "directive-argument", "workforce-chart: 'kind' must be bars or trend, not 'pie'"),
        ("quorum workforce-chart measure=caseload group=managers", "directive-no-data", "workforce-chart: no average caseload is available to chart up to 2019-09-30"),
        ("quorum measures as-of=2020-09-30", "directive-unknown-snapshot", "measures: there is no workforce snapshot at 2020-09-30"),
        ("quorum benchmarks as-of=2017-09-30 region=London", "directive-argument", "benchmarks does not take 'region' (it takes: as-of)"),
    ])
    func reportsBadWorkforceDirectivesAtTheirLine(info: String, code: String, message: String) {
        let (_, diagnostics) = layout("Text.\n\n```\(info)\n```\n")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.location.line == 20)
        #expect(errors.first?.message.hasPrefix(message) == true, "\(errors.first?.message ?? "")")
    }

    @Test func aPaperBeforeTheFirstSnapshotHasNoDefaultSnapshot() {
        let (_, diagnostics) = layout("```quorum measures\n```\n", date: "2017-06-01")
        #expect(diagnostics.filter { $0.severity == .error }.map(\.message)
                == ["measures: there is no workforce snapshot on or before the paper's date, 2017-06-01"])
    }

    @Test func directivesNeedWorkforceData() {
        var log = DiagnosticLog()
        let file = SourceFile(path: "Content/papers/test.md", relativePath: "papers/test.md",
                              text: CommitteePaperTests.header + "## Summary\n\nS.\n\n## Details\n\n```quorum benchmarks\n```\n")
        let paper = CommitteePaper.load(file, log: &log)!
        _ = PaperLayout.make(paper: paper, data: CommitteePaperTests.data, templates: CommitteePaperTests.templates, log: &log)
        let directives = log.entries.filter { $0.code.hasPrefix("directive") }
        #expect(directives.map(\.code) == ["directive-no-data"])
        #expect(directives.first?.message == "benchmarks: the content folder has no workforce snapshots")
    }

    /// A paper that uses every workforce directive, rendered as a build renders it.
    @Test func aPaperWithEveryWorkforceDirectiveMatchesItsGoldenFiles() throws {
        let url = TestPaths.fixtures.appendingPathComponent("papers/2019-11-13-workforce-update.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var log = DiagnosticLog()
        let paper = try #require(CommitteePaper.load(SourceFile(path: "Fixtures/papers/2019-11-13-workforce-update.md",
                                                                relativePath: "papers/2019-11-13-workforce-update.md", text: text), log: &log))
        let renderer = SiteRenderer(site: Self.site, templates: CommitteePaperTests.templates, asOf: sampleDate)
        let files = PaperRenderer(context: renderer.context, data: Self.data).render(paper, log: &log)
        #expect(!log.hasErrors, "\(log.entries.map(\.formatted))")
        for file in files {
            guard case let .text(contents) = file.contents else { continue }
            try Golden.assertText(contents, matches: "papers/workforce/\(file.path.value.split(separator: "/").last!)")
        }
        // The HTML and markdown above, and the Word version (tested in PaperWordOutputTests).
        #expect(files.map(\.path.value).sorted()
            == ["html", "md", "docx"].map { "papers/2019-11-13-workforce-update.\($0)" }.sorted())
    }
}

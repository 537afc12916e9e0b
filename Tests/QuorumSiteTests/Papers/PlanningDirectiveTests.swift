import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumOffice
@testable import QuorumPapers
@testable import QuorumSite
@testable import QuorumSupport
import QuorumSiteTestSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The planning directives in papers (reconciliation, caseloads, scenario-table,
/// scenario-chart): their HTML, markdown and Word output from the sample's planning, and
/// each error at the directive's line.
@Suite("Planning directives")
struct PlanningDirectiveTests {
    static let data = PaperData(priorities: WorkforceDirectiveTests.site.priorities, actionPlan: WorkforceDirectiveTests.site.actionPlan,
                                workforce: WorkforceDirectiveTests.site.workforce, planning: WorkforceDirectiveTests.site.planning,
                                council: WorkforceDirectiveTests.site.config.council)

    /// A paper meeting on `date` (after the sample's latest snapshot by default) whose
    /// Details section is `details`.
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

    /// The errors of a Details section, as `line:column code`.
    func errors(_ details: String, date: String = "2019-11-13") -> [Diagnostic] {
        layout(details, date: date).1.filter { $0.severity == .error }
    }

    @Test func theReconciliationShowsEachAreaAndTheDirectorate() throws {
        let table = try block("```quorum reconciliation\n```\n")
        #expect(table.markdown.contains("Establishment reconciled to the budget monitoring of September 2019, snapshot at 30 September 2019"))
        // Budgeted establishment cost £15,070,900 against £15,050,000: +£20,900, within 5%.
        #expect(table.markdown.contains("| Children's Social Care | £15,070,900 | £15,050,000 | +£20,900 | £15,004,480 | £15,160,000 | -£155,520 | £642,210 | Within tolerance |"),
                "\(table.markdown)")
        #expect(table.markdown.components(separatedBy: "\n| ").count - 1 == 2 + 8)  // header, rule, 7 areas and the directorate
        #expect(table.html.contains("<tr class=\"total\"><th scope=\"row\">Children&#39;s Social Care</th><td class=\"number\">£15,070,900</td>"))
        #expect(try block("```quorum reconciliation as-of=2019-09-30\n```\n").markdown == table.markdown)
    }

    @Test func caseloadsShowTheOptimumAndTheTeamItNeeds() throws {
        let table = try block("```quorum caseloads\n```\n")
        // Referral & Assessment: 539 cases ÷ 28.3 FTE = 19.05; 539 ÷ 16 = 33.69 needed, 5.39 short.
        // Team 1 : 6 : 1: managers 33.69 ÷ 6 = 5.61 against 6.0 budgeted (-0.4); others the same
        // against 8.0 (-2.4); social workers 33.69 against 31.0 (+2.7).
        #expect(table.markdown.contains("| Referral & Assessment | 539 | 28.3 | 19.0 | 33.7 | +5.4 | Above the optimum | Managers -0.4; Others (non social work posts) -2.4; Social workers +2.7 |"),
                "\(table.markdown)")
        #expect(table.markdown.contains("Caseloads against the optimum of 16.0 cases per case-holding FTE, snapshot at 30 September 2019"))
        #expect(table.html.contains("<td>Above the optimum</td>"))
    }

    @Test func aScenarioTableGivesEveryMonthAndTheComparison() throws {
        let table = try block("```quorum scenario-table id=convert-agency\n```\n")
        let comparison = try #require(Self.data.planning.scenario("convert-agency"))
        #expect(table.markdown.hasPrefix(ScenarioTableView(comparison).summary))
        #expect(table.markdown.contains("Convert 10 agency social workers over a year: the directorate month by month, October 2019 to March 2021, projected from the snapshot at 30 September 2019:"))
        for month in ["| 30 September 2019 (snapshot) |", "| October 2019 |", "| March 2021 |"] {
            #expect(table.markdown.contains(month), "no row \(month)")
        }
        // 18 months twice (projection and comparison), the opening row and the horizon's total.
        let rows = table.markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Month") && !$0.hasPrefix("| ---") }
        #expect(rows.count == 18 * 2 + 2)
        let total = PlanningFigure.pounds(comparison.projection.totalCost)
        #expect(table.markdown.contains("| Over the horizon | – | – | – | \(total) |"))
        // No change replaces every leaver with a permanent employee; the scenario covers half of
        // them with agency staff, so it costs more than no change (though less than doing nothing).
        #expect(comparison.costDifference > 0)
        #expect(table.markdown.contains("more than with no change"))
        #expect(table.html.contains("<table class=\"figures scenario-projection\">") && table.html.contains("<table class=\"figures scenario-comparison\">"))
        #expect(!table.isChart)
    }

    @Test func aScenarioChartDrawsTheScenarioAgainstNoChange() throws {
        let chart = try block("```quorum scenario-chart id=convert-agency measure=agency-fte\n```\n")
        #expect(chart.isChart)
        #expect(chart.html.contains("<svg "))
        #expect(chart.markdown.contains("| Month | No change | Convert 10 agency social workers over a year |"))
        #expect(chart.markdown.contains("Agency FTE, October 2019 to March 2021: Convert 10 agency social workers over a year against no change (the chart's figures):"))
        // The agency rate by default, as on the dashboard; pounds are drawn in thousands.
        let rate = try block("```quorum scenario-chart id=do-nothing\n```\n")
        #expect(rate.markdown.hasPrefix("Agency rate, October 2019 to March 2021: Do nothing against no change"))
        let cost = try block("```quorum scenario-chart id=do-nothing measure=staffing-cost\n```\n")
        #expect(cost.markdown.hasPrefix("Staffing cost of the month, October 2019 to March 2021"))
        #expect(cost.html.contains(">1,000k</text>"))
        #expect(cost.markdown.contains("| October 2019 | £1,250,373 |"))
    }

    @Test func theWordPaperHasTheScenarioTableAsATable() throws {
        let table = try block("```quorum scenario-table id=asye-cohort\n```\n")
        let blocks = PaperWordDocument(baseURL: "").convert(markdown: table.markdown, number: "4.1")
        let tables = blocks.compactMap { block -> WordTable? in if case .table(let t) = block { t } else { nil } }
        #expect(tables.count == 2)
        #expect(tables.first?.rows.count == 19)
        #expect(tables.first?.headerRows.first?.first.map { $0.runs.map(\.text).joined() } == "Month")
    }

    @Test func anUnknownScenarioIsAnErrorAtTheDirective() {
        let errors = errors("Text.\n\n```quorum scenario-table id=convert-agencies\n```\n")
        #expect(errors.map(\.code) == ["directive-unknown-scenario"])
        #expect(errors.first?.location.line == 20)
        #expect(errors.first?.message == "scenario-table: unknown scenario 'convert-agencies' (did you mean 'convert-agency'?); scenarios: asye-cohort, convert-agency, do-nothing")
        #expect(self.errors("```quorum scenario-chart\n```\n").map(\.code) == ["directive-argument"])
        #expect(self.errors("```quorum scenario-chart id=do-nothing measure=cost\n```\n").map(\.code) == ["directive-unknown-measure"])
        #expect(self.errors("```quorum scenario-table id=do-nothing as-of=2019-09-30\n```\n").map(\.code) == ["directive-argument"])
    }

    @Test func aPaperBeforeTheSnapshotCannotQuoteItsPlanning() {
        // The sample's papers are dated 2017; the planning starts from the 2019 snapshot.
        for name in ["scenario-table id=convert-agency", "scenario-chart id=convert-agency", "caseloads", "reconciliation"] {
            let errors = errors("```quorum \(name)\n```\n", date: "2017-11-15")
            #expect(errors.map(\.code) == ["directive-after-paper"], "\(name)")
        }
        #expect(errors("```quorum reconciliation as-of=2018-09-30\n```\n").map(\.code) == ["directive-unknown-snapshot"])
    }

    @Test func anUnknownScenarioFailsTheBuildAndNothingIsWritten() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        let paper = content.appendingPathComponent("papers/2019-11-13-planning.md")
        let header = CommitteePaperTests.header.replacingOccurrences(of: "2017-11-15", with: "2019-11-13")
        try Data((header + "## Summary\n\nS.\n\n## Details\n\n```quorum scenario-chart id=no-such\n```\n").utf8).write(to: paper)
        let output = root.appendingPathComponent("public")
        let report = try await offThePool { SiteBuild.build(sampleCopyOptions(content: content, output: output)) }
        #expect(report.failed && !report.wrote)
        #expect(report.errorCount == 1, "\(report.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        #expect(report.diagnostics.contains { $0.code == "directive-unknown-scenario" && $0.location.path.hasSuffix("papers/2019-11-13-planning.md") && $0.location.line == 18 })
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// How planning figures are shown: rounded only here, pounds to the pound, a difference
/// signed, a missing figure "not available" with its reason, and a reconciliation beyond the
/// tolerance said in words.
@Suite struct PlanningViewTests {
    @Test func figuresAreRoundedOnlyOnDisplay() {
        #expect(PlanningFigure.pounds(1_252_300.4) == "£1,252,300")
        #expect(PlanningFigure.pounds(-4_100.2) == "-£4,100")
        #expect(PlanningFigure.pounds(0.3) == "£0")
        #expect(PlanningFigure.change(12_000, unit: .pounds) == "+£12,000")
        #expect(PlanningFigure.change(-0.04, unit: .fte) == "0.0")
        #expect(PlanningFigure.change(2.46, unit: .fte) == "+2.5")
        #expect(PlanningFigure.text(94.1480149401, unit: .fte) == "94.1")
        #expect(PlanningFigure.text(94.1480149401, unit: .fte, places: 2) == "94.15")
        #expect(PlanningFigure.text(1650, unit: .hours) == "1,650")
        #expect(PlanningFigure.text(7.5, unit: .hours) == "7.5")
        #expect(PlanningFigure.text(18.94, unit: .percent) == "18.9%")
        #expect(PlanningFigure.text(25, unit: .heads) == "25")
    }

    @Test func aLineOfArithmeticShowsItsInputsFormulaAndResult() {
        let lines = [
            CalculationRow("Leavers (Alpha / Social workers)",
                           inputs: [.init("employee FTE", 100, .fte), .init("annual turnover rate", 12, .percent)],
                           formula: "employee FTE × annual turnover rate ÷ 100 ÷ 12", result: 1, unit: .fte),
            CalculationRow("Vacancy rate", inputs: [], formula: "vacant FTE ÷ budgeted FTE × 100", result: nil, unit: .percent,
                           note: "the budgeted FTE is 0", suspect: true),
        ]
        let table = CalculationTableView(caption: "How October 2019 is worked out", lines: lines)
        #expect(table.rows[0].inputs == "employee FTE = 100.00; annual turnover rate = 12.00%")
        #expect(table.rows[0].formula == "employee FTE × annual turnover rate ÷ 100 ÷ 12")
        #expect(table.rows[0].result.text == "1.00" && table.rows[0].remark == "")
        #expect(table.rows[1].result.text == "not available" && !table.rows[1].result.available)
        #expect(table.rows[1].result.note == "not available: the budgeted FTE is 0")
        #expect(table.rows[1].result.suspect && table.hasSuspect)
        #expect(table.rows[1].remark == "the budgeted FTE is 0")
    }

    /// Alpha's social workers: 10 budgeted, 8 employed, 2 agency; £60,000 permanent, agency
    /// £50 × 1,600 hours = £80,000. Budgeted establishment 10 × £60,000 = £600,000 against a
    /// budget of £500,000: +£100,000, 20%, beyond 5%. Current cost 8 × £60,000 + 2 × £80,000 =
    /// £640,000 against a forecast of £640,000: £0. Agency premium 2 × £20,000 = £40,000.
    @Test func aReconciliationBeyondTheToleranceSaysSoInWords() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree([
            "workforce/config.yaml": """
                areas:
                  - id: alpha
                    name: Alpha
                costs:
                  social-workers:
                    permanent: "£60,000"
                    agency: { hourly_rate: £50, hours_per_year: 1600 }

                """,
            "workforce/snapshots/2019-09-30.csv": """
                Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %
                Alpha,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%

                """,
            "workforce/budget/2019-09.csv": "Area,Staffing budget,Spend to date,Forecast outturn\nAlpha,500000,250000,640000\n",
        ], in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: CalendarDate("2020-01-01")!, log: &log)
        let planning = Planning.load(from: content, workforce: workforce, log: &log)
        let reconciliation = try #require(planning.reconciliations.first)
        let view = ReconciliationTableView(reconciliation)
        let alpha = try #require(view.rows.first)
        #expect(alpha.area == "Alpha" && !alpha.isTotal)
        #expect([alpha.establishmentCost, alpha.staffingBudget, alpha.establishmentDifference, alpha.currentCost,
                 alpha.forecastOutturn, alpha.forecastDifference, alpha.agencyPremium].map(\.text)
            == ["£600,000", "£500,000", "+£100,000", "£640,000", "£640,000", "£0", "£40,000"])
        #expect(alpha.assessment == "Beyond tolerance: establishment cost" && alpha.beyond)
        #expect(view.rows.last?.isTotal == true && view.rows.last?.assessment == "Beyond tolerance: establishment cost")
        #expect(view.tolerance == "5.0%")
    }
}

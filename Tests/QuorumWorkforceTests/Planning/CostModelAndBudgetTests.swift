import Testing
@testable import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The cost model and budget monitoring files: read, checked, and every bad input reported
/// at its line and column.
@Suite struct CostModelAndBudgetTests {
    typealias T = PlanningTesting

    @Test func amountsInPoundsPercentAndFTE() {
        #expect(PlanningAmount.pounds("£12,345") == .value(12345))
        #expect(PlanningAmount.pounds("12345.67") == .value(12345.67))
        #expect(PlanningAmount.pounds(" £1,234,567.50 ") == .value(1_234_567.5))
        #expect(PlanningAmount.pounds("-£500") == .negative(-500))
        #expect(PlanningAmount.pounds("-£500", allowNegative: true) == .value(-500))
        #expect(PlanningAmount.pounds("£12k") == .unreadable)
        #expect(PlanningAmount.pounds("12%") == .unreadable)
        #expect(PlanningAmount.pounds("£1,2") == .unreadable)
        #expect(PlanningAmount.pounds("") == .notGiven)
        #expect(PlanningAmount.percent("15%") == .value(15))
        #expect(PlanningAmount.percent("15") == .value(15))
        #expect(PlanningAmount.percent("-3%") == .negative(-3))
        #expect(PlanningAmount.number("1.5 fte") == .unreadable)
        #expect(PlanningAmount.poundsText(1_234_567.5) == "£1,234,567.50")
        #expect(PlanningAmount.poundsText(-90000) == "-£90,000")
    }

    @Test func monthsCountAcrossYears() {
        let october = CalendarMonth("2019-10")!
        #expect(october.adding(months: 3).description == "2020-01")
        #expect(october.adding(months: -10).description == "2018-12")
        #expect(october.months(to: CalendarMonth("2020-09")!) == 11)
        #expect(CalendarMonth("2019-13") == nil && CalendarMonth("2019-1") == nil && CalendarMonth("2019-10-01") == nil)
        #expect(CalendarMonth(CalendarDate("2019-09-30")!) == CalendarMonth("2019-09"))
        #expect(october.longForm == "October 2019")
    }

    @Test func costModelReadsPermanentAndAgencyCosts() throws {
        let loaded = T.load()
        #expect(loaded.diagnostics.filter { $0.severity != .warning || $0.code != PlanningDiagnosticCode.reconciliation }
            .filter { $0.code != PlanningDiagnosticCode.caseload }.isEmpty, "\(loaded.diagnostics)")
        let costs = loaded.planning.config.costs
        let managers = try #require(costs.cost(of: "managers"))
        // £500 a day × 200 days = £100,000; premium £100,000 − £80,000 = £20,000.
        #expect(managers.permanentAnnual == 80000 && managers.agency.annualCost == 100_000 && managers.agencyPremium == 20000)
        let social = try #require(costs.cost(of: "social-workers"))
        // £50 an hour × 1,600 hours = £80,000.
        #expect(social.agency.basis == .hourly && social.agency.annualCost == 80000)
        #expect(costs.cost(of: "others") == nil)
        #expect(loaded.planning.config.reconciliationTolerance == 5 && loaded.planning.config.optimumCaseload == 15)
    }

    @Test func badCostModelIsReportedAtItsKeys() {
        let config = """
            costs:
              wizards:
                permanent: 1
                agency: { hourly_rate: 1, hours_per_year: 1 }
              managers:
                permanent: -80000
                agency: { hourly_rate: 60, hours_per_year: 1600, daily_rate: 400 }
              social-workers:
                permanent: £55k
                agency: { daily_rate: 400 }
            reconciliation_tolerance: -5%
            optimum_caseload: lots
            """
        let loaded = T.load(["workforce/config.yaml": config])
        func at(_ code: String) -> [Int] { loaded.diagnostics(code).map(\.location.line) }
        #expect(at(PlanningDiagnosticCode.unknownGroup) == [2])
        // line 6: negative permanent; line 11: negative tolerance.
        #expect(at(PlanningDiagnosticCode.negative) == [6, 11])
        #expect(at(PlanningDiagnosticCode.costModel) == [7])
        // line 9: £55k; line 12: "lots".
        #expect(at(PlanningDiagnosticCode.badNumber) == [9, 12])
        // days_per_year is missing from the social workers' agency cost (line 10).
        #expect(loaded.diagnostics.contains { $0.code == "front-matter-missing" && $0.message.contains("days_per_year") && $0.location.line == 10 })
    }

    @Test func budgetFileIsReadWithPoundSignsAndTotals() throws {
        let loaded = T.load()
        let budget = try #require(loaded.planning.budget(for: CalendarMonth("2019-09")!))
        #expect(budget.rows.map(\.areaID) == ["alpha", "beta"])
        #expect(budget.row(area: "beta")?.spendToDate == 200_000 && budget.row(area: "beta")?.forecastOutturn == 430_000)
        #expect(budget.total.staffingBudget == 1_320_000 && budget.total.line == 4 && !budget.total.suspect)
    }

    @Test func badBudgetCellsAreReportedAtTheirCell() {
        let budget = """
            Area,Staffing budget,Spend to date,Forecast outturn
            Alpha,"£880,000",-£5,£12k
            Gamma,1,1,1
            Beta,"£440,000",£200000,
            Alpha,1,1,1
            Total,"£1,400,000","£640,000","£1,200,000"
            """
        let loaded = T.load(["workforce/budget/2019-09.csv": budget])
        func at(_ code: String) -> [String] { loaded.diagnostics(code).map { "\($0.location.line):\($0.location.column)" } }
        #expect(at(PlanningDiagnosticCode.negative) == ["2:18"])
        // "£12k" at 2:22; the forecast left empty at 4:25 (just after the last comma).
        #expect(at(PlanningDiagnosticCode.budgetUnreadable) == ["2:22", "4:25"])
        #expect(at(PlanningDiagnosticCode.unknownArea) == ["3:1"])
        #expect(at(PlanningDiagnosticCode.budgetDuplicateRow) == ["5:1"])
        // Budgets: Alpha 880,000 + Gamma 1 + Beta 440,000 = 1,320,001, not 1,400,000 (allowed £3, one a row).
        let total = loaded.diagnostics(PlanningDiagnosticCode.budgetTotal)
        #expect(total.map { "\($0.location.line):\($0.location.column)" } == ["6:7"])
        #expect(total.first?.message.contains("£1,400,000 but the 3 areas sum to £1,320,001 (difference £79,999; allowed £3)") == true)
        #expect(loaded.planning.budgets.first?.total.suspect == true)
    }

    @Test func budgetTotalWithinAPoundARowIsSilentAndAMissingTotalIsComputed() throws {
        let within = T.budget.replacingOccurrences(of: "\"£1,320,000\"", with: "\"£1,320,002\"")
        #expect(T.load(["workforce/budget/2019-09.csv": within]).diagnostics(PlanningDiagnosticCode.budgetTotal).isEmpty)
        let noTotal = T.budget.split(separator: "\n").dropLast().joined(separator: "\n")
        let loaded = T.load(["workforce/budget/2019-09.csv": noTotal])
        let budget = try #require(loaded.planning.budgets.first)
        // 770,000 + 430,000
        #expect(budget.total.forecastOutturn == 1_200_000 && budget.total.line == 0)
    }

    @Test func budgetFileNameAndHeaderAreChecked() {
        let loaded = T.load(["workforce/budget/September.csv": T.budget,
                             "workforce/budget/2019-08.csv": "Area,Budget,Forecast\nAlpha,1,1\n"])
        #expect(loaded.codes(.error).contains(PlanningDiagnosticCode.budgetFileName))
        let missing = loaded.diagnostics(PlanningDiagnosticCode.budgetMissingColumn)
        #expect(missing.count == 1 && missing.first?.message.contains("'Spend to date'") == true)
        #expect(loaded.planning.budgets.map(\.month.description) == ["2019-09"])
    }

    @Test func amountsInThousandsAreRefused() {
        let budget = "Area,Staffing budget (£000),Spend to date,Forecast outturn\nAlpha,880,440,770\n"
        let loaded = T.load(["workforce/budget/2019-09.csv": budget])
        let units = loaded.diagnostics(PlanningDiagnosticCode.budgetUnits)
        #expect(units.map { "\($0.location.line):\($0.location.column)" } == ["1:6"])
        #expect(units.first?.message.contains("is in thousands of pounds") == true)
        #expect(loaded.planning.budgets.isEmpty && loaded.planning.reconciliations.isEmpty)
        // "Staffing budget £" is pounds: accepted.
        let pounds = T.budget.replacingOccurrences(of: "Staffing budget,", with: "Staffing budget £,")
        #expect(T.load(["workforce/budget/2019-09.csv": pounds]).planning.budgets.count == 1)
    }
}

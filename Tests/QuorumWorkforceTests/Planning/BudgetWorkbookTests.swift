import Foundation
import Testing
import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Budget monitoring as a workbook (`workforce/budget/YYYY-MM.xlsx`), read through the
/// snapshots' workbook reader, so the CSV's checks apply unchanged and each finding names its
/// sheet and cell. The fixtures are made by Tests/Fixtures/planning/budget-xlsx/make-xlsx-budgets.py
/// from the sample's Content/workforce/budget/2019-09.csv.
@Suite struct BudgetWorkbookTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("planning/budget-xlsx")

    static let config: WorkforceConfig = {
        var log = DiagnosticLog()
        let content = ContentFolder.read(TestPaths.sampleContent, displayRoot: "Content", log: &log)
        return WorkforceConfig.load(from: content, log: &log)
    }()

    func load(_ name: String) -> (budget: BudgetMonth?, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "Content/workforce/budget/2019-09.xlsx", relativePath: "workforce/budget/2019-09.xlsx", text: "")
        var log = DiagnosticLog()
        let budget = BudgetMonth.load(file, workbook: Self.folder.appendingPathComponent(name), config: Self.config, log: &log)
        return (budget, log.entries)
    }

    func loadCSV() throws -> BudgetMonth {
        let url = TestPaths.sampleContent.appendingPathComponent("workforce/budget/2019-09.csv")
        let file = SourceFile(path: "Content/workforce/budget/2019-09.csv", relativePath: "workforce/budget/2019-09.csv",
                              text: try String(contentsOf: url, encoding: .utf8))
        var log = DiagnosticLog()
        let budget = try #require(BudgetMonth.load(file, config: Self.config, log: &log))
        #expect(log.entries.isEmpty)
        return budget
    }

    func amounts(_ budget: BudgetMonth?) -> [String] {
        guard let budget else { return [] }
        return (budget.rows + [budget.total]).map { row in
            "\(row.areaName): \(row.staffingBudget.map { "\($0)" } ?? "-") \(row.spendToDate.map { "\($0)" } ?? "-") \(row.forecastOutturn.map { "\($0)" } ?? "-")\(row.suspect ? "†" : "")"
        }
    }

    @Test func aTidyWorkbookGivesTheFiguresOfTheSameCSV() throws {
        let (budget, diagnostics) = load("valid.xlsx")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let csv = try loadCSV()
        #expect(amounts(budget) == amounts(csv))
        #expect(budget?.rows.count == 7)
        #expect(budget?.total.staffingBudget == 15_050_000)
        #expect(budget?.sheet == "Sheet1" && csv.sheet == nil)
        // A place in the workbook is named as Excel names the cell.
        #expect(budget?.location(line: 4).cell == "Sheet1!A4")
    }

    @Test func anUnreadableAmountIsAnErrorAtItsCell() throws {
        let (budget, diagnostics) = load("bad-amount.xlsx")
        #expect(diagnostics.map(\.code) == [PlanningDiagnosticCode.budgetUnreadable])
        let error = try #require(diagnostics.first)
        #expect(error.location.cell == "Sheet1!C3")
        #expect(error.location.line == 3 && error.location.column == 3)
        #expect(error.message == "Children in Need: 'Spend to date' is '£1.36m', which is not an amount in pounds")
        let row = try #require(budget?.row(area: "children-in-need"))
        #expect(row.spendToDate == nil && row.suspect)
    }

    @Test func aFormulaWithoutASavedValueIsReportedOnceAtItsCell() throws {
        let (budget, diagnostics) = load("uncalculated-total.xlsx")
        #expect(diagnostics.map(\.code) == [WorkforceDiagnosticCode.uncalculatedFormula])
        #expect(diagnostics.first?.location.cell == "Sheet1!B9")
        // The total's budget is not available (not read as £0); the areas still add up.
        let total = try #require(budget?.total)
        #expect(total.staffingBudget == nil && total.suspect)
    }

    @Test func planningReadsBudgetWorkbooksBesideCSVsAndRefusesTwoFilesForAMonth() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        let budget = content.appendingPathComponent("workforce/budget")
        // September as a workbook instead of a CSV: the same reconciliation.
        try FileManager.default.removeItem(at: budget.appendingPathComponent("2019-09.csv"))
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("valid.xlsx"), to: budget.appendingPathComponent("2019-09.xlsx"))
        let loaded = PlanningTesting.load(folder: content, asOf: sampleDate)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics.map(\.formatted))")
        #expect(loaded.planning.budgets.map(\.month.description) == ["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09"])
        let reconciliation = try #require(loaded.planning.reconciliation(at: CalendarDate("2019-09-30")!))
        #expect(reconciliation.directorate.staffingBudget == 15_050_000)

        // Both a CSV and a workbook for August: the workbook is refused at its path.
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("valid.xlsx"), to: budget.appendingPathComponent("2019-08.xlsx"))
        let twice = PlanningTesting.load(folder: content, asOf: sampleDate)
        let errors = twice.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [PlanningDiagnosticCode.budgetFileName])
        #expect(errors.first?.location.path.hasSuffix("workforce/budget/2019-08.xlsx") == true)
        #expect(errors.first?.message.contains("2019-08.csv is already the budget monitoring for 2019-08") == true)
    }
}

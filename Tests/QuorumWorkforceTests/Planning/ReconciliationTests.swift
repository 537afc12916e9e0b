import Testing
@testable import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Establishment reconciled to budget monitoring, with the figures worked out by hand.
/// Costs: managers £80,000 permanent, £100,000 agency; social workers £60,000, £80,000.
@Suite struct ReconciliationTests {
    typealias T = PlanningTesting

    @Test func eachAreaAndTheDirectorateAreReconciled() throws {
        let loaded = T.load()
        let reconciliation = try #require(loaded.planning.reconciliation(at: CalendarDate("2019-09-30")!))
        #expect(reconciliation.budgetMonth.description == "2019-09")
        let alpha = try #require(reconciliation.areas.first { $0.areaID == "alpha" })
        // Budgeted: 2 × 80,000 + 12 × 60,000 = 160,000 + 720,000 = 880,000 = the budget.
        #expect(alpha.budgetedEstablishmentCost == 880_000 && alpha.establishmentDifference == 0)
        #expect(!alpha.establishmentBeyondTolerance)
        // Current: 2 × 80,000 + (9 × 60,000 + 2 × 80,000) = 160,000 + 700,000 = 860,000;
        // forecast 770,000: +90,000, 90,000 / 770,000 = 11.69% > 5%.
        #expect(alpha.currentAnnualCost == 860_000 && alpha.forecastDifference == 90000 && alpha.forecastBeyondTolerance)
        // Premium: 2 agency social workers × (80,000 − 60,000) = 40,000.
        #expect(alpha.agencyPremium == 40000)

        let beta = try #require(reconciliation.areas.first { $0.areaID == "beta" })
        // Current: 80,000 + 6 × 60,000 = 440,000; forecast 430,000: +10,000 = 2.33%, within 5%.
        #expect(beta.currentAnnualCost == 440_000 && beta.forecastDifference == 10000 && !beta.forecastBeyondTolerance)
        #expect(beta.agencyPremium == 0)

        // Directorate: 880,000 + 440,000 = 1,320,000 budgeted; 860,000 + 440,000 = 1,300,000 now
        // against 1,200,000 forecast: +100,000 = 8.33%.
        let all = reconciliation.directorate
        #expect(all.areaID == nil && all.budgetedEstablishmentCost == 1_320_000 && all.establishmentDifference == 0)
        #expect(all.currentAnnualCost == 1_300_000 && all.forecastDifference == 100_000 && all.forecastBeyondTolerance)

        // The two warnings: at Alpha's budget row (line 2) and the total row (line 4), naming the amounts.
        let warnings = loaded.diagnostics(PlanningDiagnosticCode.reconciliation)
        #expect(warnings.map(\.location.line) == [2, 4])
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.location.path == "Content/workforce/budget/2019-09.csv" })
        #expect(warnings.first?.message == "Alpha: the current annual cost is £860,000 but the forecast outturn is £770,000: a difference of £90,000 (11.69% of it), beyond the tolerance of 5.0%")
    }

    @Test func everyLineShowsItsInputsAndFormula() throws {
        let reconciliation = try #require(T.load().planning.reconciliations.first)
        let alpha = try #require(reconciliation.areas.first { $0.areaID == "alpha" })
        let line = try #require(alpha.lines.first { $0.label == "Current annual cost (Alpha / Social workers)" })
        #expect(line.formula == "employee FTE × permanent annual cost + agency FTE × agency annual cost")
        #expect(line.inputs.map(\.value) == [9, 60000, 2, 80000] && line.result == 700_000 && line.unit == .pounds)
        let agency = try #require(alpha.lines.first { $0.label == "Agency annual cost (Social workers)" })
        #expect(agency.formula == "hourly rate × hours a year" && agency.result == 80000)
    }

    @Test func aWiderToleranceSilencesTheWarnings() {
        let config = T.config.replacingOccurrences(of: "reconciliation_tolerance: 5%", with: "reconciliation_tolerance: 12%")
        // 11.69% and 8.33% are both within 12%.
        #expect(T.load(["workforce/config.yaml": config]).diagnostics(PlanningDiagnosticCode.reconciliation).isEmpty)
    }

    @Test func aZeroBudgetIsAWarningWithoutAPercentage() throws {
        let budget = """
            Area,Staffing budget,Spend to date,Forecast outturn
            Alpha,"£880,000","£440,000","£860,000"
            Beta,£0,£0,£0
            """
        let loaded = T.load(["workforce/budget/2019-09.csv": budget])
        let beta = try #require(loaded.planning.reconciliations.first?.areas.first { $0.areaID == "beta" })
        // 440,000 − 0: beyond any tolerance, and no percentage of £0.
        #expect(beta.establishmentDifference == 440_000 && beta.establishmentBeyondTolerance)
        let line = try #require(beta.lines.first { $0.label == "Difference from the staffing budget (Beta)" })
        #expect(line.note == "the staffing budget is £0: no percentage can be worked out")
        let warning = try #require(loaded.diagnostics(PlanningDiagnosticCode.reconciliation).first { $0.location.line == 3 })
        #expect(warning.message.contains("is £440,000 but the staffing budget is £0: a difference of £440,000, beyond"))
    }

    @Test func aGroupWithNoCostIsAnErrorAtTheSnapshotRowAndNoFigureIsMadeUp() throws {
        let snapshot = T.snapshot + "Beta,Others,1.0,1.0,0.0,0.0%,0.0,0.0%,-,-\n"
        let loaded = T.load(["workforce/snapshots/2019-09-30.csv": snapshot])
        let missing = loaded.diagnostics(PlanningDiagnosticCode.missingCost)
        #expect(missing.count == 1)
        #expect(missing.first?.location.description == "Content/workforce/snapshots/2019-09-30.csv:6:1")
        #expect(missing.first?.message.contains("needs the cost of Others (non social work posts)") == true)
        let reconciliation = try #require(loaded.planning.reconciliations.first)
        let beta = try #require(reconciliation.areas.first { $0.areaID == "beta" })
        #expect(beta.budgetedEstablishmentCost == nil && beta.establishmentDifference == nil)
        #expect(beta.lines.first { $0.label == "Budgeted establishment cost (Beta)" }?.note?.contains("no cost for Others") == true)
        // Alpha is still reconciled; the directorate is not (it includes Beta).
        #expect(reconciliation.areas.first { $0.areaID == "alpha" }?.budgetedEstablishmentCost == 880_000)
        #expect(reconciliation.directorate.budgetedEstablishmentCost == nil)
    }

    @Test func budgetWithoutACostModelIsOneError() {
        let config = T.config.components(separatedBy: "costs:")[0]
        let loaded = T.load(["workforce/config.yaml": config])
        let missing = loaded.diagnostics(PlanningDiagnosticCode.missingCost)
        #expect(missing.map(\.location.description) == ["Content/workforce/budget/2019-09.csv:1:1"])
        #expect(loaded.planning.reconciliations.isEmpty)
    }

    @Test func aSnapshotWithoutABudgetMonthIsNotReconciled() {
        let loaded = T.load(["workforce/budget/2019-09.csv": nil, "workforce/budget/2019-08.csv": T.budget])
        #expect(loaded.planning.reconciliations.isEmpty && loaded.planning.budgets.count == 1)
    }
}

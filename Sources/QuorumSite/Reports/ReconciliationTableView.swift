import QuorumSupport
import QuorumWorkforce

/// A snapshot's establishment reconciled to its month's budget monitoring, one row per area
/// and the directorate: the budgeted establishment's cost against the staffing budget, the
/// current cost against the forecast outturn, and the agency premium. A difference beyond the
/// tolerance is said in words ("beyond 5.0%"), not by colour alone.
struct ReconciliationTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        let area: String
        let isTotal: Bool
        let establishmentCost: ReportCell
        let staffingBudget: ReportCell
        let establishmentDifference: ReportCell
        let currentCost: ReportCell
        let forecastOutturn: ReportCell
        let forecastDifference: ReportCell
        let agencyPremium: ReportCell
        /// "Establishment beyond tolerance; forecast within", or "Within tolerance".
        let assessment: String
        let beyond: Bool
    }

    let caption: String
    let asAt: String
    let budgetMonth: String
    let tolerance: String
    let rows: [Row]
    let calculations: CalculationTableView
    let hasSuspect: Bool
    let suspectNote = ReportCell.suspectNote

    init(_ reconciliation: Reconciliation) {
        asAt = reconciliation.snapshotDate.longForm
        budgetMonth = reconciliation.budgetMonth.longForm
        tolerance = Figures.percent(reconciliation.tolerance)
        caption = "Establishment reconciled to the budget monitoring of \(budgetMonth), snapshot at \(asAt); differences beyond \(tolerance) of the budget or forecast are marked"
        rows = (reconciliation.areas + [reconciliation.directorate]).map { area in
            let suspect = area.suspect
            func cell(_ value: Double?, signed: Bool = false) -> ReportCell {
                PlanningFigure.cell(value, unit: .pounds, suspect: suspect, signed: signed)
            }
            let parts = [(area.establishmentBeyondTolerance, "establishment cost"), (area.forecastBeyondTolerance, "current cost")]
                .filter(\.0).map(\.1)
            let assessment = parts.isEmpty ? "Within tolerance" : "Beyond tolerance: " + parts.joined(separator: " and ")
            return Row(area: area.areaName, isTotal: area.areaID == nil,
                       establishmentCost: cell(area.budgetedEstablishmentCost), staffingBudget: cell(area.staffingBudget),
                       establishmentDifference: cell(area.establishmentDifference, signed: true),
                       currentCost: cell(area.currentAnnualCost), forecastOutturn: cell(area.forecastOutturn),
                       forecastDifference: cell(area.forecastDifference, signed: true), agencyPremium: cell(area.agencyPremium),
                       assessment: assessment, beyond: !parts.isEmpty)
        }
        let lines = (reconciliation.areas + [reconciliation.directorate]).flatMap(\.lines)
        calculations = CalculationTableView(caption: "How the reconciliation at \(asAt) is worked out, line by line", lines: lines)
        hasSuspect = (reconciliation.areas + [reconciliation.directorate]).contains(where: \.suspect)
    }
}

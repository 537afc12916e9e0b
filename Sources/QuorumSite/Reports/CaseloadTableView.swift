import QuorumSupport
import QuorumWorkforce

/// Caseloads per area against the optimum caseload, and the case-holding FTE the optimum
/// needs. An area above the optimum says so in words.
struct CaseloadTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        let area: String
        let isTotal: Bool
        let cases: ReportCell
        let caseHolders: ReportCell
        let caseload: ReportCell
        let needed: ReportCell
        let gap: ReportCell
        /// "Above the optimum", "At or below the optimum", or "Not available".
        let assessment: String
        let above: Bool
        /// "Managers +0.4; Others +1.2; Social workers +2.5": each group's establishment change for the optimum team.
        let team: String
    }

    let caption: String
    let asAt: String
    let optimum: String
    let rows: [Row]
    let hasTeam: Bool
    let calculations: CalculationTableView
    let hasSuspect: Bool
    let suspectNote = ReportCell.suspectNote

    init(_ review: CaseloadReview) {
        asAt = review.snapshotDate.longForm
        optimum = ReportNumber.decimal(review.optimum)
        caption = "Caseloads against the optimum of \(optimum) cases per case-holding FTE, snapshot at \(asAt)"
        let all = review.areas + [review.directorate]
        rows = all.map { area in
            let s = area.suspect
            let team = area.groups.map { group in
                "\(group.groupName) " + (group.establishmentGap.map { PlanningFigure.change($0, unit: .fte) } ?? ReportCell.notAvailable)
            }.joined(separator: "; ")
            return Row(area: area.areaName, isTotal: area.areaID == nil,
                       cases: PlanningFigure.cell(area.cases, unit: .count, suspect: s),
                       caseHolders: PlanningFigure.cell(area.caseHoldersFTE, unit: .fte, suspect: s),
                       caseload: PlanningFigure.cell(area.caseload, unit: .cases, suspect: s),
                       needed: PlanningFigure.cell(area.caseHoldersNeeded, unit: .fte, suspect: s),
                       gap: PlanningFigure.cell(area.caseHolderGap, unit: .fte, suspect: s, signed: true),
                       assessment: area.caseload == nil ? "Not available" : area.isAboveOptimum ? "Above the optimum" : "At or below the optimum",
                       above: area.isAboveOptimum, team: team.isEmpty ? "–" : team)
        }
        hasTeam = all.contains { !$0.groups.isEmpty }
        calculations = CalculationTableView(caption: "How the caseloads at \(asAt) are worked out, line by line",
                                            lines: all.flatMap(\.lines))
        hasSuspect = all.contains(where: \.suspect)
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// Caseloads against the optimum, per area of a snapshot, and the team the optimum needs.
///
/// For an area with C cases, H case-holding FTE and an optimum caseload O:
/// - caseload = C ÷ H;
/// - case holders needed = C ÷ O, and the gap = needed − H (positive: FTE short of the optimum);
/// - with a team structure (e.g. 1 manager : 6 social workers : 1 other), each group's FTE for
///   the optimum = case holders needed × the group's share ÷ the case-holding group's share,
///   against the group's budgeted FTE.
/// An area above the optimum is flagged (`isAboveOptimum`) and noted at the snapshot row that
/// gives its cases: a note, not a warning, since it is a fact about the service, not a fault
/// in the data (a warning would fail `--strict` builds for as long as caseloads are high).
package struct CaseloadReview: Sendable {
    package struct GroupNeed: Sendable {
        package let groupID: String
        package let groupName: String
        package let fteForOptimum: Double
        package let budgetedFTE: Double?
        /// FTE for the optimum − budgeted FTE: the establishment change the optimum needs.
        package let establishmentGap: Double?
    }

    package struct Area: Sendable {
        package let areaID: String?
        package let areaName: String
        package let cases: Double?
        package let caseHoldersFTE: Double?
        package let caseload: Double?
        package let optimum: Double
        package let caseHoldersNeeded: Double?
        /// Case holders needed − case holders now: positive when short of the optimum.
        package let caseHolderGap: Double?
        package let isAboveOptimum: Bool
        package let groups: [GroupNeed]
        package let lines: [CalculationRow]
        package let suspect: Bool
    }

    package let snapshotDate: CalendarDate
    package let optimum: Double
    package let areas: [Area]
    package let directorate: Area

    /// Nil when the config sets no `optimum_caseload`.
    package static func review(_ snapshot: Snapshot, config: PlanningConfig, log: inout DiagnosticLog) -> CaseloadReview? {
        guard let optimum = config.optimumCaseload else { return nil }
        let areas = snapshot.areas.map { review($0, structure: $0.id.flatMap(config.teamStructure(for:)), config: config,
                                                 optimum: optimum, snapshot: snapshot, log: &log) }
        let directorate = review(snapshot.directorate, structure: nil, config: config, optimum: optimum, snapshot: snapshot,
                                 log: &log)
        return CaseloadReview(snapshotDate: snapshot.asAt, optimum: optimum, areas: areas, directorate: directorate)
    }

    private static func review(_ area: SnapshotArea, structure: TeamStructure?, config: PlanningConfig, optimum: Double,
                               snapshot: Snapshot, log: inout DiagnosticLog) -> Area {
        let total = area.total
        let casesFigure = total.figure(.cases), holdersFigure = total.figure(.caseHoldersFTE)
        let suspect = casesFigure?.suspect == true || holdersFigure?.suspect == true || total.measure(.caseload).suspect
        let cases = casesFigure?.value, holders = holdersFigure?.value
        var lines: [CalculationRow] = []
        var caseload: Double?
        var note: String?
        if let cases, let holders {
            if holders > 0 {
                caseload = cases / holders
            } else {
                note = "'Case holders FTE' is 0"
            }
        } else {
            note = cases == nil ? "the snapshot gives no cases for \(area.name)" : "the snapshot gives no case holders FTE for \(area.name)"
        }
        lines.append(CalculationRow("Caseload (\(area.name))",
                                    inputs: [cases.map { .init("cases", $0, .cases) }, holders.map { .init("case holders FTE", $0, .fte) }].compactMap { $0 },
                                    formula: "cases ÷ case holders FTE", result: caseload, unit: .cases, note: note, suspect: suspect))
        let needed = cases.map { $0 / optimum }
        lines.append(CalculationRow("Case holders needed at the optimum (\(area.name))",
                                    inputs: [cases.map { .init("cases", $0, .cases) }, .init("optimum caseload", optimum, .cases)].compactMap { $0 },
                                    formula: "cases ÷ optimum caseload", result: needed, unit: .fte, suspect: suspect))
        let gap = needed.flatMap { n in holders.map { n - $0 } }
        lines.append(CalculationRow("Case-holding FTE short of the optimum (\(area.name))",
                                    inputs: [needed.map { .init("case holders needed", $0, .fte) }, holders.map { .init("case holders FTE", $0, .fte) }].compactMap { $0 },
                                    formula: "case holders needed − case holders FTE", result: gap, unit: .fte,
                                    note: gap.map { $0 < 0 ? "negative: capacity beyond the optimum" : nil } ?? nil, suspect: suspect))
        let above = (caseload ?? 0) > optimum + 1e-9
        if above, let caseload, let cases, let holders {
            // The area's total row, or (when Quorum computed it) the case-holding group's row.
            let line = total.line ?? area.group(config.caseHoldingGroup)?.line
            let location = line.map { SourceLocation(path: snapshot.path, line: $0) } ?? SourceLocation(path: snapshot.path)
            log.note(location,
                     "\(area.name): the caseload is \(WorkforceNumber.text(caseload)) (\(WorkforceNumber.text(cases)) cases ÷ \(WorkforceNumber.text(holders)) case holders FTE), above the optimum of \(WorkforceNumber.text(optimum)); \(WorkforceNumber.text(gap ?? 0)) more case-holding FTE would reach it",
                     code: PlanningDiagnosticCode.caseload)
        }

        var groups: [GroupNeed] = []
        if let structure, let needed, let holdingShare = structure.ratio[config.caseHoldingGroup] {
            for (groupID, share) in structure.ratio.sorted(by: { $0.key < $1.key }) {
                let row = area.group(groupID)
                let name = row?.groupName ?? groupID
                let fte = needed * share / holdingShare
                let budgeted = row?.figure(.budgetedFTE)?.value
                lines.append(CalculationRow("\(name) FTE for the optimum team (\(area.name))",
                                            inputs: [.init("case holders needed", needed, .fte), .init("\(name) share", share, .fte),
                                                     .init("case-holding share", holdingShare, .fte)],
                                            formula: "case holders needed × group share ÷ case-holding share", result: fte, unit: .fte,
                                            suspect: suspect))
                let establishmentGap = budgeted.map { fte - $0 }
                lines.append(CalculationRow("\(name) establishment change for the optimum (\(area.name))",
                                            inputs: [.init("FTE for the optimum", fte, .fte)] + (budgeted.map { [.init("budgeted FTE", $0, .fte)] } ?? []),
                                            formula: "FTE for the optimum − budgeted FTE", result: establishmentGap, unit: .fte,
                                            note: budgeted == nil ? "the snapshot gives no budgeted FTE for \(name)" : nil, suspect: suspect))
                groups.append(GroupNeed(groupID: groupID, groupName: name, fteForOptimum: fte, budgetedFTE: budgeted,
                                        establishmentGap: establishmentGap))
            }
        }
        return Area(areaID: area.id, areaName: area.name, cases: cases, caseHoldersFTE: holders, caseload: caseload,
                    optimum: optimum, caseHoldersNeeded: needed, caseHolderGap: gap, isAboveOptimum: above, groups: groups,
                    lines: lines, suspect: suspect)
    }
}

import QuorumSupport
import QuorumWorkforce

/// A scenario's projection month by month for the directorate, and its comparison with
/// "no change" (the latest snapshot held as it is). Figures are rounded here only.
struct ScenarioTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        /// "October 2019", or "30 September 2019 (snapshot)" for the opening position.
        let month: String
        let employeeFTE: ReportCell
        let agencyFTE: ReportCell
        let vacantFTE: ReportCell
        let vacancyRate: ReportCell
        let agencyRate: ReportCell
        let caseload: ReportCell
        let staffingCost: ReportCell
        let budget: ReportCell
        let variance: ReportCell
    }

    struct ComparisonRow: Sendable, Hashable {
        let month: String
        let employeeFTE: ReportCell
        let agencyFTE: ReportCell
        let vacantFTE: ReportCell
        let scenarioCost: ReportCell
        let baselineCost: ReportCell
        let costDifference: ReportCell
    }

    let id: String
    let title: String
    let caption: String
    let comparisonCaption: String
    let rows: [Row]
    let comparison: [ComparisonRow]
    let totalCost: String
    let baselineTotalCost: String
    let costDifference: String
    /// "£120,000 less than no change over the 18 months", in words.
    let summary: String
    let hasSuspect: Bool
    let suspectNote = ReportCell.suspectNote

    init(_ comparison: ScenarioComparison) {
        let projection = comparison.projection, baseline = comparison.baseline, scenario = comparison.scenario
        id = scenario.id
        title = scenario.title
        let suspect = projection.suspect
        let span = "\(scenario.start.longForm) to \(scenario.end.longForm)"
        caption = "\(scenario.title): the directorate month by month, \(span), projected from the snapshot at \(projection.from.longForm)"
        comparisonCaption = "\(scenario.title) against no change, \(span): scenario − no change"
        func row(_ label: String, _ position: Projection.Position) -> Row {
            Row(month: label,
                employeeFTE: PlanningFigure.cell(position.employeeFTE, unit: .fte, suspect: suspect),
                agencyFTE: PlanningFigure.cell(position.agencyFTE, unit: .fte, suspect: suspect),
                vacantFTE: PlanningFigure.cell(position.vacantFTE, unit: .fte, suspect: suspect),
                vacancyRate: PlanningFigure.cell(position.vacancyRate, unit: .percent, suspect: suspect, note: "the budgeted FTE is 0"),
                agencyRate: PlanningFigure.cell(position.agencyRate, unit: .percent, suspect: suspect, note: "no employee or agency FTE"),
                caseload: PlanningFigure.cell(position.caseload, unit: .cases, suspect: suspect, note: "no cases or case holders"),
                staffingCost: PlanningFigure.cell(position.staffingCost, unit: .pounds, suspect: suspect),
                budget: PlanningFigure.cell(position.budget, unit: .pounds, suspect: suspect, note: "no budget monitoring"),
                variance: PlanningFigure.cell(position.variance, unit: .pounds, suspect: suspect, note: "no budget monitoring", signed: true))
        }
        rows = [row("\(projection.from.longForm) (snapshot)", projection.opening.directorate)]
            + projection.months.map { row($0.month.longForm, $0.directorate) }
        self.comparison = zip(comparison.differences, zip(projection.months, baseline.months)).map { difference, pair in
            ComparisonRow(month: difference.month.longForm,
                          employeeFTE: PlanningFigure.cell(difference.employeeFTE, unit: .fte, suspect: suspect, signed: true),
                          agencyFTE: PlanningFigure.cell(difference.agencyFTE, unit: .fte, suspect: suspect, signed: true),
                          vacantFTE: PlanningFigure.cell(difference.vacantFTE, unit: .fte, suspect: suspect, signed: true),
                          scenarioCost: PlanningFigure.cell(pair.0.directorate.staffingCost, unit: .pounds, suspect: suspect),
                          baselineCost: PlanningFigure.cell(pair.1.directorate.staffingCost, unit: .pounds, suspect: suspect),
                          costDifference: PlanningFigure.cell(difference.staffingCost, unit: .pounds, suspect: suspect, signed: true))
        }
        totalCost = PlanningFigure.pounds(projection.totalCost)
        baselineTotalCost = PlanningFigure.pounds(baseline.totalCost)
        costDifference = PlanningFigure.change(comparison.costDifference, unit: .pounds)
        let difference = comparison.costDifference
        let months = "the \(scenario.months) month\(scenario.months == 1 ? "" : "s") from \(span)"
        if PlanningFigure.pounds(abs(difference)) == "£0" {
            summary = "The staffing cost is the same as with no change over \(months): \(totalCost)."
        } else {
            summary = "The staffing cost is \(totalCost), \(PlanningFigure.pounds(abs(difference))) \(difference < 0 ? "less" : "more") than with no change (\(baselineTotalCost)) over \(months)."
        }
        hasSuspect = suspect
    }
}

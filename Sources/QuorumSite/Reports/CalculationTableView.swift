import QuorumWorkforce

/// Lines of arithmetic as a finance officer reads them: what is worked out, the inputs with
/// their values, the formula in words, and the result, rounded only here.
struct CalculationTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        let label: String
        /// `employee FTE = 12.0; permanent annual cost = £57,200`
        let inputs: String
        let formula: String
        let result: ReportCell
        /// Why a result is missing, or an assumption; not `note`, which the figure cell's
        /// `title` would find through the context when the result has none.
        let remark: String
    }

    let caption: String
    let rows: [Row]
    let hasSuspect: Bool
    let suspectNote = ReportCell.suspectNote

    init(caption: String, lines: [CalculationRow]) {
        self.caption = caption
        rows = lines.map { line in
            Row(label: line.label,
                inputs: line.inputs.map { "\($0.name) = \(PlanningFigure.text($0.value, unit: $0.unit, places: 2))" }.joined(separator: "; "),
                formula: line.formula,
                result: PlanningFigure.cell(line.result, unit: line.unit, suspect: line.suspect, note: line.note, places: 2),
                remark: line.note ?? "")
        }
        hasSuspect = lines.contains(where: \.suspect)
    }
}

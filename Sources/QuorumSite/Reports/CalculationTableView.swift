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

    /// The same table as plain dictionaries for the templates. A scenario page holds thousands
    /// of lines, and Mustache looks a struct's fields up by reflection, one `Mirror` a lookup:
    /// dictionaries render the sample's scenario pages several times faster.
    var templateValues: [String: Any] {
        [
            "caption": caption, "hasSuspect": hasSuspect, "suspectNote": suspectNote,
            "rows": rows.map { row -> [String: Any] in
                // `note` is always set (false when there is none): a missing key would be looked
                // for through every enclosing context, the page's structs included.
                let result: [String: Any] = ["text": row.result.text, "suspect": row.result.suspect,
                                             "note": row.result.note.map { $0 as Any } ?? false]
                return ["label": row.label, "inputs": row.inputs, "formula": row.formula, "remark": row.remark, "result": result]
            },
        ]
    }
}

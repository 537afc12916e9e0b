import QuorumWorkforce

/// Measures against their targets with a RAG rating, and the direction of travel since the
/// previous snapshot. The rating is given in words and with a shape, never by colour alone.
struct TargetTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        let label: String
        let value: ReportCell
        /// "Green at most 15.0%; amber at most 25.0%; otherwise red".
        let thresholds: String
        /// "Green", "Amber", "Red", "Not available".
        let rag: String
        /// green, amber, red, not-available: for the stylesheet's colour and shape.
        let ragClass: String
        /// ● green, ▲ amber, ■ red, ○ not available: the shape that goes with the word.
        let ragSymbol: String
        let hasPrevious: Bool
        let previous: ReportCell
        let change: ReportCell
        let direction: String
        let assessment: String
        let suspect: Bool
    }

    let caption: String
    let asAt: String
    let previousAsAt: String?
    let rows: [Row]
    let hasRows: Bool
    let hasSuspect: Bool
    let suspectNote: String

    /// `previous` is the snapshot the direction of travel is measured from, if any.
    init(targets: [Target], snapshot: Snapshot, previous: Snapshot?, config: WorkforceConfig) {
        rows = targets.map { target in
            let assessment = TargetAssessment(target: target, asAt: snapshot.asAt,
                                              value: snapshot.value(of: target.measure, for: target.row))
            let unit = target.measure.unit
            var change: MeasureChange?
            if let previous {
                change = MeasureChange(measure: target.measure, row: target.row,
                                       from: previous.value(of: target.measure, for: target.row),
                                       to: assessment.value, polarity: target.polarity)
            }
            let changeCell = change.map { c in
                c.change.map { ReportCell(text: ReportNumber.change($0, unit: unit), suspect: c.suspect) }
                    ?? ReportCell(text: ReportCell.notAvailable, suspect: c.suspect, available: false)
            } ?? ReportCell(text: "no earlier snapshot", available: false)
            return Row(label: target.label, value: ReportCell(assessment.value, unit: unit),
                       thresholds: Self.thresholds(target), rag: assessment.status.label,
                       ragClass: assessment.status.rawValue, ragSymbol: Self.symbol(assessment.status),
                       hasPrevious: change != nil,
                       previous: change.map { ReportCell($0.from, unit: unit) } ?? ReportCell(text: "none", available: false),
                       change: changeCell,
                       direction: change.map { ChangeTableView.words($0.direction) } ?? "",
                       assessment: change.map { ChangeTableView.words($0.assessment) } ?? "",
                       suspect: assessment.suspect || (change?.suspect ?? false))
        }
        asAt = snapshot.asAt.longForm
        previousAsAt = previous?.asAt.longForm
        caption = "Measures against target as at \(asAt)"
            + (previous.map { "; direction of travel since \($0.asAt.longForm) (changes in rates are in percentage points, pp)" } ?? "")
        hasRows = !rows.isEmpty
        hasSuspect = rows.contains(where: \.suspect)
        suspectNote = ReportCell.suspectNote
    }

    static func symbol(_ status: RAGStatus) -> String {
        switch status {
        case .green: "●"
        case .amber: "▲"
        case .red: "■"
        case .notAvailable: "○"
        }
    }

    static func thresholds(_ target: Target) -> String {
        let relation = target.polarity == .higherIsBetter ? "at least" : "at most"
        let unit = target.measure.unit
        return "Green \(relation) \(ReportNumber.value(target.green, unit: unit)); "
            + "amber \(relation) \(ReportNumber.value(target.amber, unit: unit)); otherwise red"
    }
}

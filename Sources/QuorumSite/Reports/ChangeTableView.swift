import QuorumWorkforce

/// The change in each measure of one row between two snapshots: both values, the change
/// (FTE, or percentage points for rates), its direction in words and whether it is better
/// or worse.
struct ChangeTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        let measure: String
        let from: ReportCell
        let to: ReportCell
        let change: ReportCell
        /// "up", "down", "no change", "not comparable".
        let direction: String
        /// "better", "worse", "neither better nor worse", "not comparable".
        let assessment: String
        /// For styling only: better, worse, neutral, not-comparable.
        let assessmentClass: String
    }

    let caption: String
    let rowName: String
    let from: String
    let to: String
    let rows: [Row]
    let hasSuspect: Bool
    let suspectNote: String

    init(_ comparison: SnapshotComparison, row key: RowKey = .directorate, rowName: String) {
        let measures = SnapshotTableView.measures(for: [comparison.from, comparison.to])
        rows = measures.map { measure in
            let change = comparison.change(in: measure, for: key)
            let changeCell = change.change.map {
                ReportCell(text: ReportNumber.change($0, unit: measure.unit), suspect: change.suspect)
            } ?? ReportCell(text: ReportCell.notAvailable, suspect: change.suspect, available: false,
                            note: "not available: a value is missing at one of the two dates")
            return Row(measure: measure.name, from: ReportCell(change.from, unit: measure.unit),
                       to: ReportCell(change.to, unit: measure.unit), change: changeCell,
                       direction: Self.words(change.direction), assessment: Self.words(change.assessment),
                       assessmentClass: change.assessment.rawValue)
        }
        self.rowName = rowName
        from = comparison.from.asAt.longForm
        to = comparison.to.asAt.longForm
        caption = "Change from \(from) to \(to): \(rowName) (changes in rates are in percentage points, pp)"
        hasSuspect = rows.contains { $0.from.suspect || $0.to.suspect || $0.change.suspect }
        suspectNote = ReportCell.suspectNote
    }

    static func words(_ direction: MeasureChange.Direction) -> String {
        switch direction {
        case .up: "up"
        case .down: "down"
        case .noChange: "no change"
        case .notComparable: "not comparable"
        }
    }

    static func words(_ assessment: MeasureChange.Assessment) -> String {
        switch assessment {
        case .better: "better"
        case .worse: "worse"
        case .neutral: "neither better nor worse"
        case .notComparable: "not comparable"
        }
    }
}

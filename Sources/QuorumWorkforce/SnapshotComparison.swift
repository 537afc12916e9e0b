/// Two snapshots side by side: for any row and measure, the change from one to the other,
/// its direction, and whether that is better or worse given the measure's polarity.
package struct SnapshotComparison: Sendable {
    package let from: Snapshot
    package let to: Snapshot
    let config: WorkforceConfig

    package init(from: Snapshot, to: Snapshot, config: WorkforceConfig) {
        self.from = from
        self.to = to
        self.config = config
    }

    package func change(in measure: Measure, for row: RowKey = .directorate) -> MeasureChange {
        MeasureChange(measure: measure, row: row, from: from.value(of: measure, for: row),
                      to: to.value(of: measure, for: row), polarity: config.polarity(of: measure))
    }

    /// Every measure of one row, in `Measure` order.
    package func changes(for row: RowKey = .directorate) -> [MeasureChange] {
        Measure.allCases.map { change(in: $0, for: row) }
    }

    /// The rows of either snapshot, in display order, so a report can list areas that are
    /// new or gone as well.
    package var rowKeys: [RowKey] {
        var keys = to.rows.map(\.key)
        for key in from.rows.map(\.key) where !keys.contains(key) { keys.append(key) }
        return keys
    }
}

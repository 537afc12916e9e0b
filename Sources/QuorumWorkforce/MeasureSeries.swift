import QuorumSupport

/// One measure of one row over every snapshot, oldest first: the data of a trend chart.
package struct MeasureSeries: Sendable {
    package struct Point: Sendable, Hashable {
        package let asAt: CalendarDate
        package let value: MeasureValue
    }

    package let measure: Measure
    package let row: RowKey
    package let points: [Point]

    package init(measure: Measure, row: RowKey, snapshots: [Snapshot]) {
        self.measure = measure
        self.row = row
        points = snapshots.sorted { $0.asAt < $1.asAt }
            .map { Point(asAt: $0.asAt, value: $0.value(of: measure, for: row)) }
    }

    /// The most recent point with a value.
    package var latestAvailable: Point? { points.last { $0.value.isAvailable } }
}

/// One measure of one row over every snapshot, oldest first: the data of a trend chart.
public struct MeasureSeries: Sendable {
    public struct Point: Sendable, Hashable {
        public let asAt: CalendarDate
        public let value: MeasureValue
    }

    public let measure: Measure
    public let row: RowKey
    public let points: [Point]

    public init(measure: Measure, row: RowKey, snapshots: [Snapshot]) {
        self.measure = measure
        self.row = row
        points = snapshots.sorted { $0.asAt < $1.asAt }
            .map { Point(asAt: $0.asAt, value: $0.value(of: measure, for: row)) }
    }

    /// The most recent point with a value.
    public var latestAvailable: Point? { points.last { $0.value.isAvailable } }
}

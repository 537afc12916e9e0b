/// A target for one measure of one row, with the thresholds of its RAG rating.
///
/// For a lower-is-better measure: green when the value is at most `green`, amber when at
/// most `amber`, else red. For a higher-is-better measure the comparisons turn round:
/// green when at least `green`, amber when at least `amber`.
public struct Target: Sendable, Hashable {
    public var measure: Measure
    /// The row the target is about; the whole directorate by default.
    public var row: RowKey
    public var polarity: Polarity
    public var green: Double
    public var amber: Double
    /// What a report calls it, e.g. "Social worker agency rate".
    public var label: String

    public init(measure: Measure, row: RowKey = .directorate, polarity: Polarity? = nil,
                green: Double, amber: Double, label: String? = nil) {
        self.measure = measure
        self.row = row
        self.polarity = polarity ?? measure.defaultPolarity
        self.green = green
        self.amber = amber
        self.label = label ?? measure.name
    }

    public func status(of value: MeasureValue) -> RAGStatus {
        guard let v = value.value else { return .notAvailable }
        switch polarity {
        case .higherIsBetter:
            return v >= green ? .green : v >= amber ? .amber : .red
        case .lowerIsBetter, .neutral:
            return v <= green ? .green : v <= amber ? .amber : .red
        }
    }
}

/// A target for one measure of one row, with the thresholds of its RAG rating.
///
/// For a lower-is-better measure: green when the value is at most `green`, amber when at
/// most `amber`, else red. For a higher-is-better measure the comparisons turn round:
/// green when at least `green`, amber when at least `amber`.
package struct Target: Sendable, Hashable {
    package var measure: Measure
    /// The row the target is about; the whole directorate by default.
    package var row: RowKey
    package var polarity: Polarity
    package var green: Double
    package var amber: Double
    /// What a report calls it, e.g. "Social worker agency rate".
    package var label: String

    package init(measure: Measure, row: RowKey = .directorate, polarity: Polarity? = nil,
                 green: Double, amber: Double, label: String? = nil) {
        self.measure = measure
        self.row = row
        self.polarity = polarity ?? measure.defaultPolarity
        self.green = green
        self.amber = amber
        self.label = label ?? measure.name
    }

    package func status(of value: MeasureValue) -> RAGStatus {
        guard let v = value.value else { return .notAvailable }
        switch polarity {
        case .higherIsBetter:
            return v >= green ? .green : v >= amber ? .amber : .red
        case .lowerIsBetter, .neutral:
            return v <= green ? .green : v <= amber ? .amber : .red
        }
    }
}

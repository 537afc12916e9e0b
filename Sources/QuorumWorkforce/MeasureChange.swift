import QuorumSupport

/// How one measure of one row moved between two snapshots.
package struct MeasureChange: Sendable, Hashable {
    package enum Direction: String, Sendable, Hashable {
        case up, down
        case noChange = "no-change"
        /// One of the two values is not available.
        case notComparable = "not-comparable"
    }

    package enum Assessment: String, Sendable, Hashable {
        case better, worse
        /// No change, or a measure that is neither good nor bad when it rises.
        case neutral
        case notComparable = "not-comparable"
    }

    package let measure: Measure
    package let row: RowKey
    package let from: MeasureValue
    package let to: MeasureValue
    /// `to − from`, in FTE for FTE measures and in percentage points for rates.
    package let change: Double?
    package let direction: Direction
    package let assessment: Assessment

    package init(measure: Measure, row: RowKey, from: MeasureValue, to: MeasureValue, polarity: Polarity) {
        self.measure = measure
        self.row = row
        self.from = from
        self.to = to
        guard let a = from.value, let b = to.value else {
            change = nil
            direction = .notComparable
            assessment = .notComparable
            return
        }
        // Worked out from the figures as printed (one decimal place), so that every table and
        // sentence agrees with the reader's own subtraction.
        let difference = Figures.rounded(Figures.rounded(b) - Figures.rounded(a))
        change = difference
        direction = difference == 0 ? .noChange : difference > 0 ? .up : .down
        switch (direction, polarity) {
        case (.noChange, _), (_, .neutral): assessment = .neutral
        case (.up, .higherIsBetter), (.down, .lowerIsBetter): assessment = .better
        default: assessment = .worse
        }
    }

    /// True when either value rests on a suspect figure.
    package var suspect: Bool { from.suspect || to.suspect }
}

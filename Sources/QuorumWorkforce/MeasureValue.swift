/// A measure of one row: its value, whether it rests on a suspect figure, and why it is
/// not available when it is not. Never NaN or infinite: a zero denominator is "not available".
package struct MeasureValue: Sendable, Hashable {
    package var value: Double?
    /// True when any figure it is computed from is suspect: show it, but never as sound.
    package var suspect: Bool
    /// Why `value` is nil, e.g. "Budgeted FTE is 0" or "no Leavers FTE column".
    package var unavailableReason: String?

    package init(value: Double?, suspect: Bool = false, unavailableReason: String? = nil) {
        // The last guard: figures are checked against their limits, so a ratio cannot
        // overflow, but nothing infinite or NaN is ever carried on to be printed.
        if let value, !value.isFinite {
            self.value = nil
            self.suspect = suspect
            self.unavailableReason = "the figures give no finite value"
            return
        }
        self.value = value
        self.suspect = suspect
        self.unavailableReason = value == nil ? (unavailableReason ?? "not available") : nil
    }

    package static func unavailable(_ reason: String, suspect: Bool = false) -> MeasureValue {
        MeasureValue(value: nil, suspect: suspect, unavailableReason: reason)
    }

    package var isAvailable: Bool { value != nil }
}

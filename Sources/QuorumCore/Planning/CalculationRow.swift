/// One line of arithmetic a finance officer can follow: what is worked out, from which
/// inputs, by which formula, and the result. Values are kept unrounded; a renderer rounds
/// them on display only.
public struct CalculationRow: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        case fte, pounds, percent, cases, heads, count, hours, days
    }

    public struct Input: Sendable, Hashable {
        public let name: String
        public let value: Double
        public let unit: Unit

        public init(_ name: String, _ value: Double, _ unit: Unit) {
            self.name = name
            self.value = value
            self.unit = unit
        }
    }

    /// What the line works out, e.g. "Leavers (Children in Need / Social workers)".
    public let label: String
    public let inputs: [Input]
    /// The formula in words, over the inputs' names, e.g. "employee FTE × turnover rate ÷ 12".
    public let formula: String
    /// Nil when the result is not available; `note` then says why.
    public let result: Double?
    public let unit: Unit
    /// Why a result is missing, or what the reader should know (an assumption, a cap).
    public let note: String?
    /// True when an input comes from a figure already in doubt (a suspect snapshot cell).
    public let suspect: Bool

    public init(_ label: String, inputs: [Input], formula: String, result: Double?, unit: Unit,
                note: String? = nil, suspect: Bool = false) {
        self.label = label
        self.inputs = inputs
        self.formula = formula
        self.result = result
        self.unit = unit
        self.note = note
        self.suspect = suspect
    }
}

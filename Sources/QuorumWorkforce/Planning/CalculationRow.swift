import Foundation
import QuorumContent
import QuorumSupport

/// One line of arithmetic a finance officer can follow: what is worked out, from which
/// inputs, by which formula, and the result. Values are kept unrounded; a renderer rounds
/// them on display only.
package struct CalculationRow: Sendable, Hashable {
    package enum Unit: String, Sendable, Hashable {
        case fte, pounds, percent, cases, heads, count, hours, days
    }

    package struct Input: Sendable, Hashable {
        package let name: String
        package let value: Double
        package let unit: Unit

        package init(_ name: String, _ value: Double, _ unit: Unit) {
            self.name = name
            self.value = value
            self.unit = unit
        }
    }

    /// What the line works out, e.g. "Leavers (Children in Need / Social workers)".
    package let label: String
    package let inputs: [Input]
    /// The formula in words, over the inputs' names, e.g. "employee FTE × turnover rate ÷ 12".
    package let formula: String
    /// Nil when the result is not available; `note` then says why.
    package let result: Double?
    package let unit: Unit
    /// Why a result is missing, or what the reader should know (an assumption, a cap).
    package let note: String?
    /// True when an input comes from a figure already in doubt (a suspect snapshot cell).
    package let suspect: Bool

    package init(_ label: String, inputs: [Input], formula: String, result: Double?, unit: Unit,
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

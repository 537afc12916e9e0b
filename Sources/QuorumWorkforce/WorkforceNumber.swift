import Foundation

/// How workforce messages print numbers: one decimal place, two when a second one matters
/// (`5.0`, `17.25`, `0.17`), and never `-0.0`.
enum WorkforceNumber {
    static func text(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        if text.hasSuffix("0") { text.removeLast() }
        if text == "-0.0" { text = "0.0" }
        return text
    }

    /// `17.4%`
    static func percent(_ value: Double) -> String { text(value) + "%" }
}

/// A red/amber/green rating against a target, the way a board reads progress.
package enum RAGStatus: String, Sendable, Hashable, CaseIterable {
    case green, amber, red
    /// The measure has no value (inputs not given, or a zero denominator).
    case notAvailable = "not-available"

    /// "Green", for reports.
    package var label: String {
        switch self {
        case .green: "Green"
        case .amber: "Amber"
        case .red: "Red"
        case .notAvailable: "Not available"
        }
    }
}

import QuorumWorkforce

/// One figure as a report prints it: the text, whether it rests on a suspect cell (printed
/// with a † and never as sound), and why it is not available when it is not.
struct ReportCell: Sendable, Hashable {
    /// `17.4%`, or `not available`.
    let text: String
    let suspect: Bool
    let available: Bool
    /// `†` for a suspect figure, else empty: markdown templates print `{{text}}{{marker}}`.
    let marker: String
    /// For the HTML `title`: why the figure is not available, or that it is suspect.
    let note: String?

    static let suspectMarker = "†"
    static let notAvailable = "not available"
    /// The note every output with a suspect figure carries.
    static let suspectNote = "† figure from a cell that failed validation; see data quality"

    init(text: String, suspect: Bool = false, available: Bool = true, note: String? = nil) {
        self.text = text
        self.suspect = suspect
        self.available = available
        marker = suspect ? Self.suspectMarker : ""
        self.note = note ?? (suspect ? "figure from a cell that failed validation" : nil)
    }

    /// A measure's value in its unit, or "not available" with the reason.
    init(_ value: MeasureValue, unit: Measure.Unit) {
        if let number = value.value {
            self.init(text: ReportNumber.value(number, unit: unit), suspect: value.suspect)
        } else {
            let reason = value.unavailableReason ?? ReportCell.notAvailable
            self.init(text: Self.notAvailable, suspect: value.suspect, available: false,
                      note: "not available: \(reason)" + (value.suspect ? " (rests on a cell that failed validation)" : ""))
        }
    }

    /// A published figure (DfE benchmarks), never suspect.
    init(published value: Double?, unit: Measure.Unit) {
        if let value {
            self.init(text: ReportNumber.value(value, unit: unit))
        } else {
            self.init(text: Self.notAvailable, available: false, note: "not available: not published for this year")
        }
    }
}

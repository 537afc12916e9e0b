/// One number of a snapshot: as typed in a cell of the HR export, or computed by Quorum
/// (an area total or grand total the export left out).
///
/// `suspect` is set when the cell itself is unreadable or missing, or when a check that
/// involves it failed. Every measure computed from a suspect figure is suspect too.
public struct Figure: Sendable, Hashable {
    /// Nil when the figure was not given or could not be read.
    public var value: Double?
    /// The cell text as typed; empty for a computed figure.
    public var text: String
    /// The cell; nil for a computed figure.
    public var location: SourceLocation?
    public var suspect: Bool
    /// How many decimal places were typed (for the rounding allowance of rate checks).
    var decimals: Int
    var percentSign: Bool

    public var isComputed: Bool { location == nil }
    public var isGiven: Bool { value != nil }

    init(cell text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
        switch CellValue(text) {
        case let .number(value, decimals, percentSign):
            self.value = value
            self.decimals = decimals
            self.percentSign = percentSign
            suspect = false
        case .notGiven:
            value = nil
            decimals = 0
            percentSign = false
            suspect = false
        case .unreadable:
            value = nil
            decimals = 0
            percentSign = false
            suspect = true
        }
    }

    init(computed value: Double?, suspect: Bool) {
        self.value = value
        self.text = ""
        self.location = nil
        self.suspect = suspect
        self.decimals = 1
        self.percentSign = false
    }

    /// The sum of figures, as Quorum computes a missing total. Figures not given count as
    /// nothing (a "-" for managers' cases is zero cases); the sum is nil only when no part
    /// is given, or when a part could not be read (a sum without it would look sound but
    /// be short). Any suspect part makes the sum suspect.
    static func sum(_ parts: [Figure]) -> Figure {
        let given = parts.compactMap(\.value)
        let unreadable = parts.contains { $0.suspect && $0.value == nil }
        return Figure(computed: given.isEmpty || unreadable ? nil : given.reduce(0, +),
                      suspect: parts.contains { $0.suspect })
    }
}

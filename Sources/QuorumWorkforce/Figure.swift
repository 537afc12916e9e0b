/// One number of a snapshot: as typed in a cell of the HR export, or computed by Quorum
/// (an area total or grand total the export left out).
///
/// `suspect` is set when the cell itself is unreadable or missing, or when a check that
/// involves it failed. Every measure computed from a suspect figure is suspect too.
///
/// Kept to 24 bytes: a folder of snapshots holds millions. The cell's text is not kept
/// (the reader reports on it while it has it), and its place is a `CellPosition`.
package struct Figure: Sendable, Hashable {
    /// Nil when the figure was not given or could not be read.
    package var value: Double?
    package var suspect: Bool
    var percentSign: Bool
    /// How many decimal places were typed (for the rounding allowance of rate checks).
    /// Held up to 255: beyond three places every allowance is the same.
    private var typedDecimals: UInt8
    /// The cell; nil for a computed figure.
    let cell: CellPosition?

    package var isComputed: Bool { cell == nil }
    package var isGiven: Bool { value != nil }
    var decimals: Int { Int(typedDecimals) }

    /// `decimalComma` is true in a file whose decimal mark is a comma (`CellValue`).
    init(cell text: String, at cell: CellPosition, decimalComma: Bool = false) {
        self.cell = cell
        switch CellValue(text, decimalComma: decimalComma) {
        case let .number(value, decimals, percentSign):
            self.value = value
            self.typedDecimals = UInt8(clamping: decimals)
            self.percentSign = percentSign
            suspect = false
        case .notGiven:
            value = nil
            typedDecimals = 0
            percentSign = false
            suspect = false
        case .unreadable:
            value = nil
            typedDecimals = 0
            percentSign = false
            suspect = true
        }
    }

    init(computed value: Double?, suspect: Bool) {
        self.value = value
        self.cell = nil
        self.suspect = suspect
        self.typedDecimals = 1
        self.percentSign = false
    }

    /// The sum of figures, as Quorum computes a missing total. Figures not given count as
    /// nothing (a "-" for managers' cases is zero cases); the sum is nil only when no part
    /// is given, or when a part could not be read (a sum without it would look sound but
    /// be short). Any suspect part makes the sum suspect.
    static func sum(_ parts: some Sequence<Figure>) -> Figure {
        // One pass, adding in order (as `reduce(0, +)` would): sums are taken for every
        // total of every snapshot.
        var total = 0.0, given = false, unreadable = false, suspect = false
        for part in parts {
            if let value = part.value {
                total += value
                given = true
            } else if part.suspect {
                unreadable = true
            }
            suspect = suspect || part.suspect
        }
        return Figure(computed: !given || unreadable ? nil : total, suspect: suspect)
    }
}

import Foundation

/// One cell as the sheet stores it: where it is, what it holds, how it is formatted, and
/// whether a formula computed it.
package struct Cell: Equatable, Sendable {
    package let reference: CellReference
    /// The stored value; for a formula, its cached result (`.empty` when there is none).
    package let value: CellValue
    package let format: NumberFormat
    /// Set when the cell holds a formula; nil for a value typed in.
    package let formula: CellFormula?

    package init(reference: CellReference, value: CellValue, format: NumberFormat = .general,
                 formula: CellFormula? = nil) {
        self.reference = reference
        self.value = value
        self.format = format
        self.formula = formula
    }

    /// The number in a text cell that holds only a plain decimal (`" 108.0"`, `-1e3`), which
    /// Excel flags as "number stored as text"; nil for any other cell. Thousands separators,
    /// `%` and currency signs are left to the caller, which knows what the column means.
    package var numberStoredAsText: Double? {
        guard case .text(let text) = value else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ Self.decimalBytes.contains($0) }),
              trimmed.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let number = Double(trimmed), number.isFinite else { return nil }
        return number
    }

    private static let decimalBytes = Set("0123456789.+-eE".utf8)
}

/// What a cell holds.
package enum CellValue: Equatable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// An error value such as `#DIV/0!` or `#N/A`, as Excel shows it.
    case error(String)
}

/// A cell's formula: its text without the leading `=` (empty for the cells of a shared
/// formula after its first) and whether the file carries the value it last computed.
package struct CellFormula: Equatable, Sendable {
    package let text: String
    /// False when the writer never calculated it (openpyxl, some exporters): the cell's
    /// value is then `.empty`, and a caller that needs the figure should report an error.
    package let hasCachedValue: Bool

    package init(text: String, hasCachedValue: Bool) {
        self.text = text
        self.hasCachedValue = hasCachedValue
    }
}

/// A cell's position as Excel writes it (`E9`): column letters and a row number, both from 1.
///
/// `column` and `row` are what JSON output gives next to the A1 text.
package struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Excel's limits: column XFD, row 1,048,576.
    package static let maximumColumn = 16_384
    package static let maximumRow = 1_048_576

    package let column: Int
    package let row: Int

    /// A reference inside Excel's grid; nil when `column` or `row` is outside it.
    package init?(column: Int, row: Int) {
        guard (1...Self.maximumColumn).contains(column), (1...Self.maximumRow).contains(row) else {
            return nil
        }
        self.column = column
        self.row = row
    }

    /// Parses `E9`, `aa10` or `XFD1048576` (`$` signs of absolute references are ignored).
    package init?(_ text: some StringProtocol) {
        let characters = Array(text.utf8).filter { $0 != UInt8(ascii: "$") }
        let letters = characters.prefix { Self.isLetter($0) }
        let digits = characters.dropFirst(letters.count)
        guard !letters.isEmpty, letters.count <= 3, !digits.isEmpty, digits.count <= 7,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.first != UInt8(ascii: "0"),
              let column = Self.columnNumber(String(decoding: letters, as: UTF8.self)),
              let row = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        self.init(column: column, row: row)
    }

    /// `E9`.
    package var description: String { Self.columnLetters(column) + String(row) }

    /// `Sheet1!E9`, or `'HR return'!E9` when the sheet name needs quotes, as Excel writes it.
    package func qualified(bySheet sheet: String) -> String {
        Self.quotedSheetName(sheet) + "!" + description
    }

    /// Column letters for a column number from 1: 1 -> A, 27 -> AA, 16384 -> XFD.
    package static func columnLetters(_ column: Int) -> String {
        var letters: [Character] = []
        var rest = max(column, 1)
        while rest > 0 {
            let remainder = (rest - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            rest = (rest - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The column number for letters (any case): A -> 1, AA -> 27, XFD -> 16384; nil if invalid.
    package static func columnNumber(_ letters: some StringProtocol) -> Int? {
        guard !letters.isEmpty, letters.utf8.count <= 3 else { return nil }
        var number = 0
        for byte in letters.utf8 {
            guard isLetter(byte) else { return nil }
            number = number * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
        }
        return number <= maximumColumn ? number : nil
    }

    package static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    /// A sheet name as it stands before `!`: quoted (with `'` doubled) unless it is a plain word.
    static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
        } && !("0"..."9").contains(name.unicodeScalars.first ?? "a")
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}

/// A rectangle of cells such as a merged area, `A1:G1`.
package struct CellRange: Hashable, Sendable, CustomStringConvertible {
    package let start: CellReference
    package let end: CellReference

    /// Parses `A1:G1` (either corner first) or a single cell `B2`.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              let first = CellReference(parts[0]),
              let last = CellReference(parts[parts.count - 1]) else { return nil }
        self.init(first, last)
    }

    package init(_ first: CellReference, _ last: CellReference) {
        // Both corners are inside the grid, so their minimum and maximum are too.
        start = CellReference(column: min(first.column, last.column), row: min(first.row, last.row)) ?? first
        end = CellReference(column: max(first.column, last.column), row: max(first.row, last.row)) ?? last
    }

    package func contains(_ reference: CellReference) -> Bool {
        (start.column...end.column).contains(reference.column) && (start.row...end.row).contains(reference.row)
    }

    package var description: String { start == end ? start.description : "\(start):\(end)" }
}

/// A table: its columns (relative widths and alignment), header rows that Word repeats at
/// the top of each page, body rows, and an optional caption written above it.
/// No row splits across a page.
package struct WordTable: Sendable, Equatable {
    package var caption: String?
    package var columns: [WordTableColumn]
    package var headerRows: [[WordTableCell]]
    package var rows: [[WordTableCell]]
    package var borders: Bool

    package init(caption: String? = nil, columns: [WordTableColumn],
                 headerRows: [[WordTableCell]] = [], rows: [[WordTableCell]], borders: Bool = true) {
        self.caption = caption
        self.columns = columns
        self.headerRows = headerRows
        self.rows = rows
        self.borders = borders
    }
}

package struct WordTableColumn: Sendable, Equatable {
    /// A relative width: columns share the text width in proportion to their weights.
    package var weight: Double
    /// Numbers are right-aligned (`.end`).
    package var alignment: WordAlignment

    package init(weight: Double = 1, alignment: WordAlignment = .start) {
        self.weight = weight
        self.alignment = alignment
    }
}

package struct WordTableCell: Sendable, Equatable {
    package var runs: [WordRun]
    /// How many grid columns the cell covers.
    package var span: Int
    /// Overrides the column's alignment.
    package var alignment: WordAlignment?

    package init(_ runs: [WordRun], span: Int = 1, alignment: WordAlignment? = nil) {
        self.runs = runs
        self.span = span
        self.alignment = alignment
    }

    package init(_ text: String, bold: Bool = false, span: Int = 1, alignment: WordAlignment? = nil) {
        self.init([WordRun(text, bold: bold)], span: span, alignment: alignment)
    }
}

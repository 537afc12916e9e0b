/// A sheet as workbook.xml lists it: its tab name, whether it is shown, and its part.
package struct SheetEntry: Equatable, Sendable {
    package enum Visibility: String, Equatable, Sendable {
        case visible, hidden
        /// Hidden so that only a macro can show it again.
        case veryHidden
    }

    package enum Kind: Equatable, Sendable {
        case worksheet
        /// A chart, dialog or macro sheet: it holds no cells.
        case other(String)
    }

    package let name: String
    package let visibility: Visibility
    package let kind: Kind
    /// The part that holds it, `xl/worksheets/sheet1.xml`.
    package let part: String
}

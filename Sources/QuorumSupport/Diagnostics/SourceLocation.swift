/// A place in an input file. Lines and columns count from 1; column 1 also stands for
/// "the whole line" and line 1 for "the whole file".
///
/// A cell of a spreadsheet also carries its name as the spreadsheet shows it (`Sheet1!E9`):
/// text output prints that instead of `line:column`, which stay its row and column numbers
/// for JSON and annotations.
package struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var column: Int
    /// The cell's name in a workbook, e.g. `Sheet1!E9`; nil in a text file.
    package var cell: String?

    package init(path: String, line: Int = 1, column: Int = 1, cell: String? = nil) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.cell = cell
    }

    package var description: String { cell.map { "\(path):\($0)" } ?? "\(path):\(line):\(column)" }
}

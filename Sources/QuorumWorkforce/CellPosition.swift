import QuorumOffice
import QuorumSupport

/// Where a cell starts in its CSV file: line and column (in Unicode scalars), from 1; or,
/// in a workbook, its row and column number.
///
/// Held by every figure of every snapshot, so it is kept to 8 bytes; the file's path is
/// added only when a diagnostic needs a `SourceLocation`. A position past 2^31 (a file
/// of gigabytes) is clamped rather than trapped on.
struct CellPosition: Sendable, Hashable {
    private let storedLine: Int32
    private let storedColumn: Int32

    init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }

    /// In a workbook's `sheet`, the line is the row and the column the column number, and the
    /// location is named as Excel names the cell (`Sheet1!E9`).
    func location(in path: String, sheet: String? = nil) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column,
                       cell: sheet.flatMap { CellReference(column: column, row: line)?.qualified(bySheet: $0) })
    }
}

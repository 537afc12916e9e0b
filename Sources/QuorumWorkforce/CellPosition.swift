import QuorumSupport

/// Where a cell starts in its CSV file: line and column (in Unicode scalars), from 1.
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

    func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}

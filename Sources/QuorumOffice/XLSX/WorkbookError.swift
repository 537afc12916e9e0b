/// Why a workbook could not be read, with a message that names the part or cell.
///
/// Cell-level problems carry the sheet and reference, so a caller can report them at
/// `file.xlsx:Sheet1!E9` with row and column numbers.
package enum WorkbookError: Error, Equatable, CustomStringConvertible {
    /// Not a zip archive, or one ZIPFoundation cannot read.
    case notAZipArchive(String)
    /// A part the workbook needs is not in the package.
    case missingPart(String)
    /// A part is not well-formed XML, or not the XML that part should hold.
    case malformedPart(part: String, line: Int?, column: Int?, message: String)
    /// A part would unpack to more than the limit (a zip bomb, or a sheet too big to read).
    case partTooLarge(part: String, limit: Int)
    /// A sheet has more cells than the limit.
    case tooManyCells(sheet: String, limit: Int)
    /// The workbook has no sheet of that name.
    case sheetNotFound(name: String, available: [String])
    /// The workbook has no visible worksheet to be the first one.
    case noWorksheet
    /// The named sheet is a chart sheet or another kind that holds no cells.
    case notAWorksheet(String)
    /// A cell whose contents cannot be read (a bad shared string index, a number that is not one).
    case badCell(sheet: String, reference: CellReference, message: String)
    /// A cell, row or range reference that is malformed or outside Excel's grid.
    case badReference(sheet: String, reference: String, message: String)
    /// The file itself is larger than the part limit (no workbook of figures comes near it).
    case fileTooLarge(path: String, limit: Int)
    /// The file could not be read at all.
    case unreadableFile(path: String, message: String)

    package var description: String {
        switch self {
        case .notAZipArchive(let detail):
            return "not an xlsx workbook: the file is not a readable zip archive (\(detail))"
        case .missingPart(let part):
            return "the workbook has no \(part) part; save it again from Excel as .xlsx"
        case .malformedPart(let part, let line, let column, let message):
            let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(part)\(position): malformed XML: \(message)"
        case .partTooLarge(let part, let limit):
            return "\(part) unpacks to more than \(Self.size(limit)), the limit for a part; not read"
        case .fileTooLarge(let path, let limit):
            return "\(path): the file is larger than \(Self.size(limit)), the limit for a workbook; not read"
        case .tooManyCells(let sheet, let limit):
            return "sheet \(CellReference.quotedSheetName(sheet)) has more than \(limit) cells, the limit for a sheet; not read"
        case .sheetNotFound(let name, let available):
            return "the workbook has no sheet named '\(name)'; its sheets are "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        case .noWorksheet:
            return "the workbook has no visible worksheet"
        case .notAWorksheet(let name):
            return "sheet '\(name)' is not a worksheet (a chart or macro sheet holds no cells)"
        case .badCell(let sheet, let reference, let message):
            return "\(reference.qualified(bySheet: sheet)): \(message)"
        case .badReference(let sheet, let reference, let message):
            return "sheet \(CellReference.quotedSheetName(sheet)): bad reference '\(reference)': \(message)"
        case .unreadableFile(let path, let message):
            return "\(path): cannot read the file: \(message)"
        }
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes) bytes"
    }
}

/// Bounds on what a workbook may make the reader unpack and hold, so a hostile or broken
/// file fails with an error instead of exhausting memory.
package struct WorkbookLimits: Equatable, Sendable {
    /// The most bytes one part (a sheet, the shared strings) may unpack to.
    package var maximumPartSize: Int
    /// The most cells one sheet may hold.
    package var maximumCells: Int

    /// 200 MB a part and a million cells a sheet: far above any HR return.
    package static let standard = WorkbookLimits(maximumPartSize: 200_000_000, maximumCells: 1_000_000)

    package init(maximumPartSize: Int, maximumCells: Int) {
        self.maximumPartSize = maximumPartSize
        self.maximumCells = maximumCells
    }
}

import Foundation

/// An Excel workbook (.xlsx) opened for reading: its sheets in tab order, read one at a time
/// into a `Worksheet` grid.
///
/// ```swift
/// let workbook = try Workbook(contentsOf: url)
/// let sheet = try workbook.worksheet(named: config.sheet)   // nil: the first visible sheet
/// for row in sheet.rows where !row.isHidden { ... }
/// ```
///
/// The package is opened with ZIPFoundation; workbook.xml, its relationships and styles.xml
/// are decoded with XMLCoder, the shared strings and sheets streamed with XMLParser. Every
/// problem is a thrown `WorkbookError`.
package struct Workbook {
    /// Every sheet in tab order, hidden ones too.
    package let sheets: [SheetEntry]
    package let dateSystem: DateSystem

    private let parts: PackageReader
    private let sharedStrings: [String]
    private let styles: StyleSheet
    private let limits: WorkbookLimits

    /// Opens the workbook at `url`.
    package init(contentsOf url: URL, limits: WorkbookLimits = .standard) throws {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            if size > limits.maximumPartSize {
                throw WorkbookError.fileTooLarge(path: url.path, limit: limits.maximumPartSize)
            }
            data = try Data(contentsOf: url)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError.unreadableFile(path: url.path, message: (error as NSError).localizedDescription)
        }
        try self.init(data: data, limits: limits)
    }

    /// Opens a workbook held in memory.
    package init(data: Data, limits: WorkbookLimits = .standard) throws {
        parts = try PackageReader(data: data, limits: limits)
        self.limits = limits
        let manifest = try WorkbookManifest.read(from: parts)
        sheets = manifest.sheets
        dateSystem = manifest.dateSystem
        if let part = manifest.sharedStringsPart, let data = try parts.data(ofPart: part) {
            sharedStrings = try SharedStrings.read(data, part: part)
        } else {
            sharedStrings = []
        }
        if let part = manifest.stylesPart, let data = try parts.data(ofPart: part) {
            styles = try StyleSheet.read(data, part: part)
        } else {
            styles = .empty
        }
    }

    /// The sheet named `name` (compared ignoring case, as Excel does), or, for nil, the first
    /// visible worksheet: the leftmost tab a person sees.
    package func sheet(named name: String?) throws -> SheetEntry {
        guard let name else {
            guard let first = sheets.first(where: { $0.visibility == .visible && $0.kind == .worksheet }) else {
                throw WorkbookError.noWorksheet
            }
            return first
        }
        guard let sheet = sheets.first(where: { $0.name == name })
            ?? sheets.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw WorkbookError.sheetNotFound(name: name, available: sheets.map(\.name))
        }
        return sheet
    }

    /// Reads the sheet named `name`, or the first visible worksheet for nil.
    package func worksheet(named name: String? = nil) throws -> Worksheet {
        try worksheet(sheet(named: name))
    }

    /// Reads one of `sheets`.
    package func worksheet(_ sheet: SheetEntry) throws -> Worksheet {
        guard sheet.kind == .worksheet else { throw WorkbookError.notAWorksheet(sheet.name) }
        let data = try parts.requiredData(ofPart: sheet.part)
        let reader = WorksheetReader(sheet: sheet, sharedStrings: sharedStrings, styles: styles,
                                     maximumCells: limits.maximumCells)
        try XMLPart.parse(data, with: reader)
        return Worksheet(name: sheet.name, rows: reader.rows, mergedRanges: reader.mergedRanges,
                         hiddenColumns: reader.hiddenColumns, dateSystem: dateSystem)
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams a worksheet part (`<sheetData>`, `<cols>`, `<mergeCells>`) into a `Worksheet`.
///
/// A cell's position comes from its `r=` attribute, or follows the cell before it in its row
/// when the writer leaves `r=` out (rows likewise). Its value is decoded by its `t=` type
/// against the shared strings, and its `s=` style gives its number format.
final class WorksheetReader: PartReader {
    private let sheet: String
    private let sharedStrings: [String]
    private let styles: StyleSheet
    private let maximumCells: Int

    private(set) var rows: [Worksheet.Row] = []
    private(set) var mergedRanges: [CellRange] = []
    private(set) var hiddenColumns: Set<Int> = []
    private var inSheetData = false
    private var inColumns = false
    private var inMergeCells = false
    private var cellCount = 0

    // The row being read.
    private var rowNumber = 0
    private var rowIsHidden = false
    private var rowCells: [Cell] = []
    private var lastColumn = 0

    // The cell being read.
    private var cell: PendingCell?
    private var text: String?
    private var textDepth = 0
    private var phoneticDepth = 0

    private struct PendingCell {
        let reference: CellReference
        let type: String
        let style: Int
        var value: String?
        var formula: String?
        var inlineText: String?
    }

    init(sheet: SheetEntry, sharedStrings: [String], styles: StyleSheet, maximumCells: Int) {
        self.sheet = sheet.name
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.maximumCells = maximumCells
        super.init(part: sheet.part)
    }

    override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "sheetData": inSheetData = true
        case "cols": inColumns = true
        case "mergeCells": inMergeCells = true
        case "row" where inSheetData: startRow(attributes)
        case "c" where inSheetData: startCell(attributes)
        case "v" where cell != nil, "f" where cell != nil: text = ""
        case "is" where cell != nil: cell?.inlineText = ""
        case "t" where cell?.inlineText != nil: textDepth += 1
        case "rPh" where cell != nil: phoneticDepth += 1
        case "col" where inColumns: readColumn(attributes)
        case "mergeCell" where inMergeCells: readMerge(attributes)
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "sheetData": inSheetData = false
        case "cols": inColumns = false
        case "mergeCells": inMergeCells = false
        case "row" where inSheetData: endRow()
        case "c" where inSheetData: endCell()
        case "v" where cell != nil:
            cell?.value = text
            text = nil
        case "f" where cell != nil:
            cell?.formula = text
            text = nil
        case "t" where cell?.inlineText != nil: textDepth -= 1
        case "rPh" where cell != nil: phoneticDepth -= 1
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    override func parser(_ parser: XMLParser, foundCDATA block: Data) {
        append(String(decoding: block, as: UTF8.self))
    }

    private func append(_ string: String) {
        if text != nil {
            text?.append(string)
        } else if textDepth > 0, phoneticDepth == 0 {
            cell?.inlineText?.append(string)
        }
    }

    // MARK: Rows and cells

    private func startRow(_ attributes: [String: String]) {
        let number: Int
        if let r = attributes["r"] {
            guard let parsed = Int(r), (1...CellReference.maximumRow).contains(parsed) else {
                return fail(.badReference(sheet: sheet, reference: r, message: "not a row number from 1 to \(CellReference.maximumRow)"))
            }
            number = parsed
        } else {
            number = rowNumber + 1
        }
        guard number > rowNumber, number <= CellReference.maximumRow else {
            return fail(.badReference(sheet: sheet, reference: String(number),
                                      message: "row \(number) comes after row \(rowNumber); rows must be in order, each once"))
        }
        rowNumber = number
        rowIsHidden = Self.isTrue(attributes["hidden"])
        rowCells = []
        lastColumn = 0
    }

    private func endRow() {
        rows.append(Worksheet.Row(number: rowNumber, isHidden: rowIsHidden, cells: rowCells))
        rowCells = []
    }

    private func startCell(_ attributes: [String: String]) {
        cellCount += 1
        guard cellCount <= maximumCells else { return fail(.tooManyCells(sheet: sheet, limit: maximumCells)) }
        guard rowNumber > 0 else {
            return fail(.badReference(sheet: sheet, reference: attributes["r"] ?? "<c>", message: "a cell outside any row"))
        }
        let reference: CellReference
        if let r = attributes["r"] {
            guard let parsed = CellReference(r) else {
                return fail(.badReference(sheet: sheet, reference: r, message: "not a cell reference within A1:XFD1048576"))
            }
            guard parsed.row == rowNumber else {
                return fail(.badReference(sheet: sheet, reference: r, message: "the cell is inside row \(rowNumber)"))
            }
            reference = parsed
        } else {
            guard let next = CellReference(column: lastColumn + 1, row: rowNumber) else {
                return fail(.badReference(sheet: sheet, reference: "row \(rowNumber)", message: "more cells than Excel's \(CellReference.maximumColumn) columns"))
            }
            reference = next
        }
        guard reference.column > lastColumn else {
            return fail(.badReference(sheet: sheet, reference: reference.description,
                                      message: "the cell comes after column \(CellReference.columnLetters(lastColumn)); cells must be in order, each once"))
        }
        lastColumn = reference.column
        var style = 0
        if let s = attributes["s"] {
            guard let parsed = Int(s), parsed >= 0 else {
                return fail(.badCell(sheet: sheet, reference: reference, message: "style index '\(s)' is not a number"))
            }
            style = parsed
        }
        cell = PendingCell(reference: reference, type: attributes["t"] ?? "n", style: style)
    }

    private func endCell() {
        guard let pending = cell else { return }
        cell = nil
        textDepth = 0
        phoneticDepth = 0
        guard let format = styles.format(ofStyle: pending.style) else {
            return fail(.badCell(sheet: sheet, reference: pending.reference,
                                 message: "style index \(pending.style) is not in styles.xml"))
        }
        do {
            let value = try decodeValue(of: pending)
            let formula = pending.formula.map {
                CellFormula(text: OOXMLText.unescape($0), hasCachedValue: Self.hasCachedValue(pending))
            }
            rowCells.append(Cell(reference: pending.reference, value: value, format: format, formula: formula))
        } catch let error as WorkbookError {
            fail(error)
        } catch {
            fail(.badCell(sheet: sheet, reference: pending.reference, message: String(describing: error)))
        }
    }

    /// A formula's cached value is its `<v>`; writers that never calculated leave it out or
    /// empty (a formula that gives "" is `t="str"` with an empty `<v>`, which counts).
    private static func hasCachedValue(_ cell: PendingCell) -> Bool {
        guard let value = cell.value else { return false }
        return !value.isEmpty || cell.type == "str"
    }

    private func decodeValue(of cell: PendingCell) throws -> CellValue {
        func bad(_ message: String) -> WorkbookError {
            .badCell(sheet: sheet, reference: cell.reference, message: message)
        }
        let raw = cell.value
        switch cell.type {
        case "n":
            guard let raw, !raw.isEmpty else { return .empty }
            guard let number = Double(raw.trimmingCharacters(in: .whitespacesAndNewlines)), number.isFinite else {
                throw bad("the number '\(raw)' is not a number")
            }
            return .number(number)
        case "s":
            guard let raw, !raw.isEmpty else { return .empty }
            guard let index = Int(raw.trimmingCharacters(in: .whitespacesAndNewlines)), sharedStrings.indices.contains(index) else {
                throw bad("shared string \(raw) is not in the shared string table (\(sharedStrings.count) strings)")
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return .text(OOXMLText.unescape(cell.inlineText ?? raw ?? ""))
        case "str":
            guard let raw else { return .empty }
            return .text(OOXMLText.unescape(raw))
        case "b":
            switch raw?.trimmingCharacters(in: .whitespacesAndNewlines) {
            case nil, "": return .empty
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            case let other?: throw bad("the boolean '\(other)' is neither 0 nor 1")
            }
        case "e":
            guard let raw, !raw.isEmpty else { return .empty }
            return .error(raw)
        case "d":
            // An ISO 8601 date (strict OOXML); kept as its text.
            guard let raw, !raw.isEmpty else { return .empty }
            return .text(raw)
        default:
            throw bad("unknown cell type t=\"\(cell.type)\"")
        }
    }

    // MARK: Columns and merges

    private func readColumn(_ attributes: [String: String]) {
        guard Self.isTrue(attributes["hidden"]) else { return }
        guard let min = attributes["min"].flatMap({ Int($0) }), let max = attributes["max"].flatMap({ Int($0) }),
              min >= 1, min <= max else {
            return fail(.badReference(sheet: sheet, reference: "<col min=\"\(attributes["min"] ?? "")\" max=\"\(attributes["max"] ?? "")\">",
                                      message: "not a column span"))
        }
        // Writers give max="16384" for "every column from here on"; Excel's grid ends there.
        let last = Swift.min(max, CellReference.maximumColumn)
        if min <= last { hiddenColumns.formUnion(min...last) }
    }

    private func readMerge(_ attributes: [String: String]) {
        let ref = attributes["ref"] ?? ""
        guard let range = CellRange(ref) else {
            return fail(.badReference(sheet: sheet, reference: ref, message: "not a merged range such as A1:G1"))
        }
        mergedRanges.append(range)
    }

    private static func isTrue(_ value: String?) -> Bool {
        value == "1" || value?.lowercased() == "true"
    }
}

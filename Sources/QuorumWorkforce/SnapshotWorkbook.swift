import Foundation
import QuorumContent
import QuorumOffice
import QuorumSupport

/// One sheet of a snapshot workbook (`workforce/snapshots/YYYY-MM-DD.xlsx`) turned into the
/// records a snapshot CSV gives, so that every check of `SnapshotReader` applies unchanged:
/// a number becomes its text, a percent-formatted number the percentage Excel shows
/// (0.2567 with a `0.0%` style is `25.67%`), and each cell keeps its row and column.
struct SnapshotWorkbook {
    let sheetName: String
    let records: [[CSVTable.Cell]]
    /// Cells already reported as errors here (a formula without a cached value): read as
    /// blank, their figures are suspect, and "not given" is not said a second time.
    let failedCells: Set<CellPosition>

    /// Nil, after an error at the file's path with the reader's message, when the workbook
    /// or its sheet cannot be read.
    init?(url: URL, file: SourceFile, sheet: String?, log: inout DiagnosticLog) {
        let worksheet: Worksheet
        do {
            worksheet = try Workbook(contentsOf: url).worksheet(named: sheet)
        } catch {
            log.error(file.location(), "cannot read the workbook: \(error)", code: WorkforceDiagnosticCode.unreadableWorkbook)
            return nil
        }
        sheetName = worksheet.name
        var records: [[CSVTable.Cell]] = []
        var failedCells: Set<CellPosition> = []
        var isHeader = true
        for row in worksheet.rows {
            guard row.cells.contains(where: { $0.value != .empty || $0.formula != nil }) else { continue }
            if row.isHidden {
                let location = CellPosition(line: row.number, column: 1).location(in: file.path, sheet: worksheet.name)
                log.note(location, "row \(row.number) is hidden in Excel; it is skipped",
                         code: WorkforceDiagnosticCode.hiddenRow)
                continue
            }
            let lastColumn = row.cells.map(\.reference.column).max() ?? 1
            var record: [CSVTable.Cell] = []
            record.reserveCapacity(lastColumn)
            for column in 1...lastColumn {
                var cell = row.cell(atColumn: column)
                // A header merged across columns shows its text in every one of them.
                if isHeader, cell?.value ?? .empty == .empty, let reference = CellReference(column: column, row: row.number) {
                    cell = worksheet.displayedCell(at: reference)
                }
                let text = cell.map { Self.text(of: $0, file: file, sheet: worksheet.name, log: &log) } ?? ""
                if let formula = cell?.formula, !formula.hasCachedValue {
                    failedCells.insert(CellPosition(line: row.number, column: column))
                }
                record.append(CSVTable.Cell(text: text, line: row.number, column: column))
            }
            records.append(record)
            isHeader = false
        }
        self.records = records
        self.failedCells = failedCells
    }

    /// The cell as a CSV would give it.
    private static func text(of cell: Cell, file: SourceFile, sheet: String, log: inout DiagnosticLog) -> String {
        if let formula = cell.formula, !formula.hasCachedValue {
            log.error(SourceLocation(path: file.path, line: cell.reference.row, column: cell.reference.column,
                                     cell: cell.reference.qualified(bySheet: sheet)),
                      "the formula =\(formula.text) has no saved value (the file was written by a program that does not calculate); open the workbook in Excel and save it again",
                      code: WorkforceDiagnosticCode.uncalculatedFormula)
            return ""
        }
        switch cell.value {
        case .empty: return ""
        case let .text(text): return text
        case let .bool(value): return value ? "TRUE" : "FALSE"
        case let .error(error): return error
        case let .number(number):
            return cell.format.kind == .percent ? percentText(number) : decimalText(number)
        }
    }

    /// The shortest text that reads back as `number`: `108`, `0.158`.
    static func decimalText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// A fraction as the percentage it shows, moving the decimal point in the text rather
    /// than multiplying, which would turn 0.2567 into 25.669999999999998.
    static func percentText(_ fraction: Double) -> String {
        let text = "\(fraction)"
        guard !text.contains("e"), !text.contains("E"), let dot = text.firstIndex(of: ".") else {
            return decimalText(fraction * 100) + "%"
        }
        let negative = text.hasPrefix("-")
        let whole = text[text.index(text.startIndex, offsetBy: negative ? 1 : 0)..<dot]
        var decimals = String(text[text.index(after: dot)...])
        while decimals.count < 2 { decimals += "0" }
        let shifted = whole + decimals.prefix(2)
        var rest = String(decimals.dropFirst(2))
        while rest.hasSuffix("0") { rest.removeLast() }
        var integer = String(shifted.drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        return (negative ? "-" : "") + integer + (rest.isEmpty ? "" : "." + rest) + "%"
    }
}

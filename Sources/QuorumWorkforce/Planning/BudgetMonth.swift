import Foundation
import QuorumContent
import QuorumSupport

/// One month of budget monitoring: `workforce/budget/YYYY-MM.csv`, or `YYYY-MM.xlsx` read
/// through the snapshots' workbook reader (its first visible sheet; findings are named by
/// sheet and cell, `2019-09.xlsx:Sheet1!B4`), one row per service area and a total row, in pounds.
///
/// ```csv
/// Area,Staffing budget,Spend to date,Forecast outturn
/// Referral & Assessment,"£2,500,000","£1,250,000","£2,610,000"
/// ...
/// Total,"£14,000,000","£7,000,000","£14,500,000"
/// ```
///
/// The budget and forecast are for the financial year; spend to date is the year so far.
/// Amounts are whole pounds and may carry `£` and thousands separators; none may be
/// negative. A column in thousands (`Staffing budget £000`) is refused, not guessed at. Areas are named
/// as snapshots name them (the config's names and aliases). A total row, when given, must
/// be the sum of the areas (£1 allowed per row for rounding); without one it is computed.
package struct BudgetMonth: Sendable {
    package struct Row: Sendable {
        /// The config's area id.
        package let areaID: String
        package let areaName: String
        package let line: Int
        package let staffingBudget: Double?
        package let spendToDate: Double?
        package let forecastOutturn: Double?
        /// True when a figure of the row could not be read: anything from it is in doubt.
        package let suspect: Bool
    }

    package enum Column: String, CaseIterable, Sendable {
        case area = "Area"
        case staffingBudget = "Staffing budget"
        case spendToDate = "Spend to date"
        case forecastOutturn = "Forecast outturn"

        var otherHeaders: [String] {
            switch self {
            case .area: ["Service area"]
            case .staffingBudget: ["Budget", "Staffing budget £", "Annual budget"]
            case .spendToDate: ["Actual to date", "Spend to date £", "Actuals to date"]
            case .forecastOutturn: ["Forecast", "Forecast outturn £", "Projected outturn"]
            }
        }
    }

    package let month: CalendarMonth
    package let path: String
    /// The workbook's sheet the figures come from; nil for a CSV.
    package let sheet: String?
    package let rows: [Row]
    /// The directorate: the total row as given, or the sum of the rows.
    package let total: Row

    package func row(area id: String) -> Row? { rows.first { $0.areaID == id } }

    /// A place in the file: `path:line:column` in a CSV, `path:Sheet1!A4` in a workbook.
    package func location(line: Int, column: Int = 1) -> SourceLocation {
        CellPosition(line: line, column: column).location(in: path, sheet: sheet)
    }

    package static let folder = "workforce/budget"
    static let perRowTolerance = 1.0

    /// Reads and checks one budget file: a CSV, or with `workbook`, the xlsx file there (`file`
    /// then only names it). Nil when its name is not a month or nothing can be read.
    package static func load(_ file: SourceFile, workbook: URL? = nil, config: WorkforceConfig,
                             log: inout DiagnosticLog) -> BudgetMonth? {
        guard let month = CalendarMonth(file.stem) else {
            log.error(file.location(), "a budget monitoring file is named by its month, written YYYY-MM (e.g. 2019-04.csv), not '\(file.stem)'; it is ignored",
                      code: PlanningDiagnosticCode.budgetFileName)
            return nil
        }
        var sheet: String?
        var failedCells: Set<CellPosition> = []
        let allRecords: [[CSVTable.Cell]]
        if let workbook {
            guard let read = SnapshotWorkbook(url: workbook, file: file, sheet: nil, log: &log) else { return nil }
            sheet = read.sheetName
            failedCells = read.failedCells
            allRecords = read.records
        } else {
            allRecords = CSVTable(text: file.text).records
        }
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            CellPosition(line: line, column: column).location(in: file.path, sheet: sheet)
        }
        let records = allRecords.filter { $0.contains { !$0.text.isBlank(.spaces) } }
        guard let header = records.first, records.count > 1 else {
            log.error(file.location(), "the budget file needs a header row (Area, Staffing budget, Spend to date, Forecast outturn) and a row per area",
                      code: PlanningDiagnosticCode.budgetEmpty)
            return nil
        }
        var index: [Column: Int] = [:]
        for (position, cell) in header.enumerated() {
            let key = SnapshotColumn.normalisedHeader(cell.text)
            // Finance often reports in thousands (£000) or millions: read as pounds, every
            // figure would be a thousand times too small.
            if let column = Column.allCases.first(where: { key.hasPrefix(SnapshotColumn.normalisedHeader($0.rawValue)) }),
               let unit = ["000", "k", "m", "thousand", "million"].first(where: { key == SnapshotColumn.normalisedHeader(column.rawValue) + $0 }) {
                log.error(at(cell.line, cell.column),
                          "'\(cell.text.trimming(.spaces))' is in \(unit == "m" || unit == "million" ? "millions" : "thousands") of pounds; Quorum reads whole pounds: write the amounts in pounds under '\(column.rawValue)'",
                          code: PlanningDiagnosticCode.budgetUnits)
                return nil
            }
            if let column = Column.allCases.first(where: { ([$0.rawValue] + $0.otherHeaders).map(SnapshotColumn.normalisedHeader).contains(key) }),
               index[column] == nil {
                index[column] = position
            }
        }
        let missing = Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            log.error(at(header.first?.line ?? 1, 1),
                      "the header has no \(missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")) column",
                      code: PlanningDiagnosticCode.budgetMissingColumn)
            return nil
        }

        var rows: [Row] = []
        var givenTotal: (row: Row, cells: [Column: CSVTable.Cell])?
        for record in records.dropFirst() {
            func cell(_ column: Column) -> CSVTable.Cell {
                let position = index[column]!
                if position < record.count { return record[position] }
                let last = record.last!
                return CSVTable.Cell(text: "", line: last.line, column: last.column + last.text.unicodeScalars.count + 1)
            }
            let areaCell = cell(.area)
            let areaText = areaCell.text.trimming(.spaces)
            let location = at(areaCell.line, areaCell.column)
            var suspect = false
            func amount(_ column: Column) -> Double? {
                let c = cell(column)
                let at = at(c.line, c.column)
                switch PlanningAmount.pounds(c.text) {
                case let .value(value): return value
                case .notGiven where failedCells.contains(CellPosition(line: c.line, column: c.column)):
                    break  // a formula without a saved value: the workbook reader has said so at the cell
                case .notGiven:
                    log.error(at, "\(areaText): '\(column.rawValue)' is not given; every row needs it", code: PlanningDiagnosticCode.budgetUnreadable)
                case .unreadable:
                    log.error(at, "\(areaText): '\(column.rawValue)' is '\(c.text.trimming(.spaces))', which is not an amount in pounds",
                              code: PlanningDiagnosticCode.budgetUnreadable)
                case .negative:
                    log.error(at, "\(areaText): '\(column.rawValue)' is '\(c.text.trimming(.spaces))'; it cannot be negative",
                              code: PlanningDiagnosticCode.negative)
                }
                suspect = true
                return nil
            }
            guard !areaText.isEmpty else {
                log.error(location, "the row on line \(areaCell.line) has no 'Area'; it is ignored", code: PlanningDiagnosticCode.budgetUnreadable)
                continue
            }
            let budget = amount(.staffingBudget), spend = amount(.spendToDate), forecast = amount(.forecastOutturn)
            if config.isGrandTotal(area: areaText) {
                let row = Row(areaID: "", areaName: config.grandTotalName, line: areaCell.line, staffingBudget: budget,
                              spendToDate: spend, forecastOutturn: forecast, suspect: suspect)
                givenTotal = (row, Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cell($0)) }))
                continue
            }
            let area: (id: String, name: String)
            if let known = config.area(named: areaText) {
                area = (known.id, known.name)
            } else if config.areas.isEmpty {
                area = (WorkforceName.id(for: areaText), areaText)
            } else {
                log.error(location, "unknown area '\(areaText)': it is not in \(WorkforceConfig.path), so it cannot be reconciled with the snapshots; it counts only towards the total",
                          code: PlanningDiagnosticCode.unknownArea)
                area = ("?" + WorkforceName.id(for: areaText), areaText)
            }
            if let first = rows.first(where: { $0.areaID == area.id }) {
                log.error(location, "duplicate row for \(area.name): line \(first.line) already gives it; this row is ignored",
                          code: PlanningDiagnosticCode.budgetDuplicateRow)
                continue
            }
            rows.append(Row(areaID: area.id, areaName: area.name, line: areaCell.line, staffingBudget: budget,
                            spendToDate: spend, forecastOutturn: forecast, suspect: suspect))
        }

        // The total: checked against the rows when given, else their sum.
        func sum(_ value: (Row) -> Double?) -> Double? {
            let values = rows.map(value)
            return values.contains(nil) ? nil : values.reduce(0) { $0 + $1! }
        }
        let sums: [Column: Double?] = [.staffingBudget: sum(\.staffingBudget), .spendToDate: sum(\.spendToDate),
                                       .forecastOutturn: sum(\.forecastOutturn)]
        var total = Row(areaID: "", areaName: config.grandTotalName, line: 0, staffingBudget: sums[.staffingBudget]!,
                        spendToDate: sums[.spendToDate]!, forecastOutturn: sums[.forecastOutturn]!,
                        suspect: rows.contains { $0.suspect })
        if let (given, cells) = givenTotal {
            var suspect = given.suspect || total.suspect
            let allowed = perRowTolerance * Double(rows.count)
            for (column, value) in [(Column.staffingBudget, given.staffingBudget), (.spendToDate, given.spendToDate),
                                    (.forecastOutturn, given.forecastOutturn)] {
                guard let value, let expected = sums[column]!, abs(value - expected) > allowed + 1e-9 else { continue }
                let c = cells[column]!
                log.error(at(c.line, c.column),
                          "the total '\(column.rawValue)' is \(PlanningAmount.poundsText(value)) but the \(rows.count) areas sum to \(PlanningAmount.poundsText(expected)) (difference \(PlanningAmount.poundsText(abs(value - expected))); allowed \(PlanningAmount.poundsText(allowed)))",
                          code: PlanningDiagnosticCode.budgetTotal)
                suspect = true
            }
            total = Row(areaID: "", areaName: given.areaName, line: given.line, staffingBudget: given.staffingBudget,
                        spendToDate: given.spendToDate, forecastOutturn: given.forecastOutturn, suspect: suspect)
        }
        return BudgetMonth(month: month, path: file.path, sheet: sheet, rows: rows, total: total)
    }
}

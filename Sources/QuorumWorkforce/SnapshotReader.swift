import Foundation
import QuorumContent
import QuorumSupport

/// Reads the rows of one snapshot (a text file with any separator, or a workbook's sheet as
/// `SnapshotWorkbook` gives it): matches the headers, resolves each row's area and
/// staff group against the config, and reads every cell. Problems with single cells are
/// reported here; checks between figures come later (`SnapshotRowChecks`, `SnapshotTotals`).
struct SnapshotReader {
    /// An area as this file names it, in the order reports show it.
    struct AreaName {
        let id: String
        let name: String
        let isConfigured: Bool
        let order: Int
    }

    let file: SourceFile
    /// The workbook sheet the rows come from; nil for a text file.
    let sheet: String?
    /// How a text file's cells are separated; nil for a workbook.
    private let table: (separator: CSVSeparator, tied: Bool)?
    /// Cells the workbook reader has already reported as errors (`SnapshotWorkbook.failedCells`).
    private let failedCells: Set<CellPosition>
    let config: WorkforceConfig
    private(set) var rows: [SnapshotRow] = []
    private(set) var areas: [String: AreaName] = [:]
    /// Groups the config does not know, by id, in the order they first appear.
    private(set) var extraGroups: [StaffGroup] = []
    /// The numeric columns this file has.
    private(set) var columns: Set<SnapshotColumn> = []
    /// Typed rates that may be fractions (no `%`, at most 1) as typed, by row: figures keep
    /// no text, and such a rate is reported in the user's own words.
    private var typedRates: [RowKey: [SnapshotColumn: String]] = [:]
    private var names: SnapshotNames

    init(file: SourceFile, config: WorkforceConfig, log: inout DiagnosticLog) {
        let table = CSVTable(detectingSeparatorIn: file.text)
        self.init(file: file, records: table.records, sheet: nil, table: (table.separator, table.separatorWasTied),
                  failedCells: [], config: config, log: &log)
    }

    init(file: SourceFile, workbook: SnapshotWorkbook, config: WorkforceConfig, log: inout DiagnosticLog) {
        self.init(file: file, records: workbook.records, sheet: workbook.sheetName, table: nil,
                  failedCells: workbook.failedCells, config: config, log: &log)
    }

    private init(file: SourceFile, records: [[CSVTable.Cell]], sheet: String?, table: (separator: CSVSeparator, tied: Bool)?,
                 failedCells: Set<CellPosition>, config: WorkforceConfig, log: inout DiagnosticLog) {
        self.file = file
        self.sheet = sheet
        self.table = table
        self.failedCells = failedCells
        self.config = config
        names = SnapshotNames(config: config)
        read(records, log: &log)
    }

    /// Where a figure's cell is; nil for a computed figure.
    func location(of figure: Figure) -> SourceLocation? {
        figure.cell.map(location)
    }

    /// A cell's location: `path:line:column` in a CSV, `path:Sheet1!E9` in a workbook.
    func location(_ position: CellPosition) -> SourceLocation {
        position.location(in: file.path, sheet: sheet)
    }

    /// True when a comma in a number is its decimal mark (`CSVSeparator.hasDecimalComma`).
    private var decimalComma: Bool { table?.separator.hasDecimalComma ?? false }

    /// What a record's number counts: lines of a CSV, rows of a sheet.
    private var lineWord: String { sheet == nil ? "line" : "row" }

    private func location(line: Int, column: Int = 1) -> SourceLocation {
        location(CellPosition(line: line, column: column))
    }

    /// The cell of a typed rate column of a row, as typed.
    func typedText(_ column: SnapshotColumn, of row: SnapshotRow) -> String {
        typedRates[row.key]?[column] ?? ""
    }

    /// Where each column the rows are read from is in a record: looked up for every cell,
    /// so by position rather than hashed.
    private struct Layout {
        let area: Int
        let staffGroup: Int
        /// The numeric columns the file has, in `SnapshotColumn` order.
        let figures: [(column: SnapshotColumn, position: Int)]
    }

    private mutating func read(_ records: [[CSVTable.Cell]], log: inout DiagnosticLog) {
        var records = records.filter { record in
            record.contains { !$0.text.isBlank(.spaces) }
        }
        guard var header = records.first else {
            log.error(file.location(), "the snapshot is empty: it needs a header row and a row per area and staff group",
                      code: WorkforceDiagnosticCode.emptySnapshot)
            return
        }
        noteSeparator(at: header, log: &log)
        let hasRows = records.count > 1
        if let outline = OutlineLayout(header: header, names: config.columnNames) {
            let label = header[outline.labelPosition]
            log.note(location(line: label.line, column: label.column), outline.note, code: WorkforceDiagnosticCode.outlineLayout)
            records = outline.tidyRecords(records, config: config, file: file, sheet: sheet, log: &log)
            header = records[0]
        }
        guard let index = readHeader(header, log: &log), let area = index[.area], let staffGroup = index[.staffGroup]
        else { return }
        columns = Set(index.keys).filter(\.isNumeric)
        let layout = Layout(area: area, staffGroup: staffGroup,
                            figures: SnapshotColumn.numericColumns.compactMap { column in index[column].map { (column, $0) } })

        if !hasRows {
            log.error(file.location(), "the snapshot has a header but no rows: it needs a row per area and staff group",
                      code: WorkforceDiagnosticCode.noRows)
            return
        }
        var seen: [RowKey: Int] = [:]
        seen.reserveCapacity(records.count)
        rows.reserveCapacity(records.count)
        var warnedNames: Set<String> = []
        for record in records.dropFirst() {
            guard let read = readRow(record, layout: layout, warnedNames: &warnedNames, log: &log) else { continue }
            var row = read.row
            let rates = read.typedRates
            if reportCellsBeyondHeader(record, header: header, row: row, log: &log) {
                row.markSuspect(row.figures.columns)
            }
            if let first = seen[row.key], let line = row.line {
                log.error(location(line: line, column: record[layout.area].column),
                          "duplicate row for \(row.label): \(lineWord) \(first) already gives it; this row is ignored and both are in doubt",
                          code: WorkforceDiagnosticCode.duplicateRow)
                if let i = rows.firstIndex(where: { $0.key == row.key }) {
                    rows[i].markSuspect(rows[i].figures.columns)
                }
                continue
            }
            seen[row.key] = row.line
            if !rates.isEmpty { typedRates[row.key] = rates }
            rows.append(row)
        }
    }

    /// Says how a text file's cells are separated when its name does not (a `.csv` of tabs or
    /// semicolons, a `.tsv` of commas), and what that means for its numbers.
    private func noteSeparator(at header: [CSVTable.Cell], log: inout DiagnosticLog) {
        guard let table, let first = header.first else { return }
        let expected = CSVSeparator.expected(forExtension: (file.relativePath as NSString).pathExtension)
        guard table.separator != expected || table.tied else { return }
        var message = "the file is read as \(table.separator.adjective), as its header line is"
        if table.tied { message += " (its header line has as many of another separator: check that its columns are right)" }
        if table.separator.hasDecimalComma {
            message += "; a comma in a number is its decimal mark (12,5 is 12.5; 1.234,5 is 1234.5)"
        }
        log.note(location(line: first.line, column: first.column), message, code: WorkforceDiagnosticCode.separator)
    }

    /// Reports the first filled cell of a text file's row beyond the header's last column:
    /// the row's figures may have moved (`12,5` in a comma-separated file is two cells).
    /// True when there is one; a workbook's cells cannot shift, so a note beside a table is left alone.
    private func reportCellsBeyondHeader(_ record: [CSVTable.Cell], header: [CSVTable.Cell], row: SnapshotRow,
                                         log: inout DiagnosticLog) -> Bool {
        guard let table, record.count > header.count,
              let extra = record[header.count...].first(where: { !$0.text.isBlank(.spaces) }) else { return false }
        let why = table.separator == .comma
            ? "a decimal comma splits a figure in two in a comma-separated file (12,5 is read as 12 and 5): quote such figures (\"12,5\") or separate the cells with semicolons"
            : "a separator inside a cell splits it in two: quote the cell"
        log.error(location(line: extra.line, column: extra.column),
                  "\(row.label): the row has more cells than the header has columns ('\(extra.text.trimming(.spaces))' is beyond the last), so its figures may have moved; \(why). Every figure of the row is in doubt",
                  code: WorkforceDiagnosticCode.extraCells)
        return true
    }

    /// The column of each known header; nil when the file cannot be read without one.
    private func readHeader(_ header: [CSVTable.Cell], log: inout DiagnosticLog) -> [SnapshotColumn: Int]? {
        var index: [SnapshotColumn: Int] = [:]
        for (position, cell) in header.enumerated() {
            let text = cell.text.trimming(.spaces)
            let location = location(line: cell.line, column: cell.column)
            guard let column = config.columnNames.column(named: text) else {
                if text.isEmpty { continue }  // Excel leaves empty trailing columns
                let hint: String
                if let nearest = config.columnNames.nearest(to: text) {
                    let own = nearest.text == nearest.column.header ? "" : ", read as '\(nearest.column.header)'"
                    hint = " (did you mean '\(nearest.text)'\(own)?)"
                } else {
                    hint = "; if it is one of Quorum's columns under another name, map it under '\(SnapshotColumnNames.key)' in \(WorkforceConfig.path)"
                }
                log.warning(location, "unknown column '\(text)' is ignored\(hint)",
                            code: WorkforceDiagnosticCode.unknownColumn)
                continue
            }
            if index[column] != nil {
                log.error(location, "the column '\(column.header)' appears twice; only the first is read",
                          code: WorkforceDiagnosticCode.duplicateColumn)
                continue
            }
            index[column] = position
        }
        let line = header.first?.line ?? 1
        for column in SnapshotColumn.allCases where column.isRequired && index[column] == nil {
            log.error(location(line: line), "the header has no '\(column.header)' column",
                      code: WorkforceDiagnosticCode.missingColumn)
        }
        return index[.area] != nil && index[.staffGroup] != nil ? index : nil
    }

    private mutating func readRow(_ record: [CSVTable.Cell], layout: Layout,
                                  warnedNames: inout Set<String>,
                                  log: inout DiagnosticLog) -> (row: SnapshotRow, typedRates: [SnapshotColumn: String])? {
        let line = record.first?.line ?? 1
        func cell(_ position: Int) -> (text: String, position: CellPosition) {
            if position < record.count {
                let c = record[position]
                return (c.text, CellPosition(line: c.line, column: c.column))
            }
            // A short record: in a sheet, the missing cell itself; in a text file, just past the
            // last cell, on its last line when it holds line breaks (inside quotes).
            let last = record.last!
            if sheet != nil { return ("", CellPosition(line: last.line, column: position + 1)) }
            let lines = last.text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 1, let lastLine = lines.last else {
                return ("", CellPosition(line: last.line, column: last.column + last.text.unicodeScalars.count + 1))
            }
            return ("", CellPosition(line: last.line + lines.count - 1, column: lastLine.unicodeScalars.count + 2))
        }

        let areaCell = cell(layout.area), groupCell = cell(layout.staffGroup)
        let areaText = areaCell.text.trimming(.spaces)
        let groupText = groupCell.text.trimming(.spaces)
        guard !areaText.isEmpty else {
            log.error(location(areaCell.position), "the row on \(lineWord) \(line) has no 'Area'; it is ignored",
                      code: WorkforceDiagnosticCode.missingCell)
            return nil
        }

        // The area: the directorate (grand total), a configured area, or one the config lacks.
        var areaID: String?
        var areaName: String
        switch names.area(areaText) {
        case .grandTotal:
            areaName = config.grandTotalName
        case let .configured(area):
            areaID = area.id
            areaName = area.name
            if areas[area.id] == nil {
                let order = config.areas.firstIndex(of: area)!
                areas[area.id] = AreaName(id: area.id, name: area.name, isConfigured: true, order: order)
            }
        case .unknown:
            let id = WorkforceName.id(for: areaText)
            areaID = id
            areaName = areas[id]?.name ?? areaText
            if areas[id] == nil {
                areas[id] = AreaName(id: id, name: areaText, isConfigured: config.areas.isEmpty,
                                     order: config.areas.count + areas.count)
            }
            if !config.areas.isEmpty, warnedNames.insert("area:" + id).inserted {
                let hint = config.areas.first { WorkforceName.normalised($0.name).editDistance(to: WorkforceName.normalised(areaText)) <= 3 }
                    .map { " (did you mean '\($0.name)'?)" } ?? ""
                log.warning(location(areaCell.position),
                            "unknown area '\(areaText)': it is not in \(WorkforceConfig.path)\(hint); it is reported after the known areas",
                            code: WorkforceDiagnosticCode.unknownArea)
            }
        }

        // The group: a total, a configured group, or one the config lacks.
        var groupID: String?
        var groupName = "Total"
        if groupText.isEmpty {
            if areaID != nil {
                log.error(location(groupCell.position), "the row for \(areaName) on \(lineWord) \(line) has no 'Staff group'; it is ignored",
                          code: WorkforceDiagnosticCode.missingCell)
                return nil
            }  // a grand total row often leaves the group empty
        } else {
            switch names.group(groupText) {
            case .total:
                groupID = nil
            case let .configured(group):
                groupID = group.id
                groupName = group.name
            case .unknown:
                if let group = extraGroups.first(where: { $0.matches(groupText) }) {
                    groupID = group.id
                    groupName = group.name
                } else {
                    let group = StaffGroup(id: WorkforceName.id(for: groupText), name: groupText)
                    extraGroups.append(group)
                    groupID = group.id
                    groupName = group.name
                    log.warning(location(groupCell.position),
                                "unknown staff group '\(groupText)' for \(areaName): it is not one of \(config.groups.map(\.name).joined(separator: ", ")); it is reported after them",
                                code: WorkforceDiagnosticCode.unknownGroup)
                }
            }
        }

        var row = SnapshotRow(key: RowKey(area: areaID, group: groupID), areaName: areaName, groupName: groupName,
                              line: line, figures: SnapshotFigures())
        var rates: [SnapshotColumn: String] = [:]
        for (column, position) in layout.figures {
            let (text, cellPosition) = cell(position)
            var figure = Figure(cell: text, at: cellPosition, decimalComma: decimalComma)
            if column.isTypedRate, !figure.percentSign, let value = figure.value, value <= 1 { rates[column] = text }
            if failedCells.contains(cellPosition) {
                figure.suspect = true  // already reported at its cell
            } else if figure.suspect {
                log.error(location(cellPosition), "\(row.label): '\(column.header)' is '\(text.trimming(.spaces))', which is not a number\(numberHint(text))",
                          code: WorkforceDiagnosticCode.unreadableCell)
            } else if let value = figure.value, let breach = config.limits.breach(value, column: column, typed: text) {
                // Left out, as an unreadable figure is: nothing is computed from it.
                figure.value = nil
                figure.suspect = true
                rates[column] = nil
                log.error(location(cellPosition), "\(row.label): \(breach.message)", code: breach.code)
            } else if figure.value == nil, column.isRequiredFigure {
                figure.suspect = true
                log.error(location(cellPosition), "\(row.label): '\(column.header)' is not given; every row needs it",
                          code: WorkforceDiagnosticCode.missingCell)
            }
            row.figures[column] = figure
        }
        return (row, rates)
    }

    /// Why a cell that looks like a number is not read as one: a decimal mark the file's
    /// separator does not allow. Empty when there is nothing more to say.
    private func numberHint(_ text: String) -> String {
        guard let table else { return "" }
        if table.separator.hasDecimalComma {
            guard CellValue.isAmbiguousWithoutDecimalComma(text) else { return "" }
            return " Quorum can be sure of: in this semicolon-separated file the decimal mark is a comma, so the dot may be a thousands separator or a decimal point; write it without the dot (1234) or with a decimal comma (1,234)"
        }
        guard case .number = CellValue(text.replacingOccurrences(of: ",", with: "."), decimalComma: false) else { return "" }
        return " (a decimal comma such as 12,5 is read only in a semicolon-separated file; write 12.5)"
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// The Department for Education's children's social work workforce indicators, one row per
/// year and geography: the national benchmarks a report sets the council's figures against.
///
/// Read from the DfE's CSV (the columns of `csww_indicators_2017_to_2025.csv`), either a
/// content file (`workforce/benchmarks.csv`) or any file on disk. Output that shows these
/// figures must carry the Open Government Licence v3.0 attribution (`attribution`).
package struct BenchmarkTable: Sendable {
    package let path: String
    package let rows: [BenchmarkRow]

    package static let contentPath = "workforce/benchmarks.csv"
    package static let attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0. Source: Department for Education, Children's social work workforce statistics."

    package init(path: String, rows: [BenchmarkRow]) {
        self.path = path
        self.rows = rows
    }

    // MARK: Lookups

    package var years: [Int] { Array(Set(rows.map(\.year))).sorted() }

    /// England.
    package func national(year: Int) -> BenchmarkRow? {
        rows.first { $0.level == .national && $0.year == year }
    }

    /// A region, e.g. "Outer London", spelled as in the file (case and spacing ignored).
    package func region(_ name: String, year: Int) -> BenchmarkRow? {
        let key = WorkforceName.normalised(name)
        return rows.first { $0.level == .regional && $0.year == year && WorkforceName.normalised($0.name) == key }
    }

    /// A council by name ("Bromley") or code ("305", "E09000006").
    package func council(_ nameOrCode: String, year: Int) -> BenchmarkRow? {
        let key = WorkforceName.normalised(nameOrCode)
        return rows.first {
            $0.level == .localAuthority && $0.year == year
                && (WorkforceName.normalised($0.name) == key || $0.oldCode == nameOrCode || $0.newCode == nameOrCode)
        }
    }

    package func councils(_ namesOrCodes: [String], year: Int) -> [BenchmarkRow] {
        namesOrCodes.compactMap { council($0, year: year) }
    }

    /// The census year a snapshot date compares with: the latest 30 September on or before it.
    package static func year(for date: CalendarDate) -> Int {
        (date.month, date.day) >= (9, 30) ? date.year : date.year - 1
    }

    // MARK: Loading

    /// Reads the content's `workforce/benchmarks.csv`; nil when there is none.
    package static func load(from content: ContentFolder, log: inout DiagnosticLog) -> BenchmarkTable? {
        content.file(contentPath).map { load($0, log: &log) }
    }

    /// Reads a file on disk (e.g. the shared DfE file); nil, with an error, when it cannot be read.
    package static func load(contentsOf url: URL, displayPath: String? = nil, log: inout DiagnosticLog) -> BenchmarkTable? {
        let path = displayPath ?? url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            log.error(SourceLocation(path: path), "there is no benchmarks file at \(url.path)", code: "missing-file")
            return nil
        }
        guard !isFolder.boolValue, let bytes = FileBytes.read(url.path) else {
            log.error(SourceLocation(path: path), isFolder.boolValue ? "this is a folder, not a benchmarks CSV file"
                                                                     : "cannot read this benchmarks file", code: "unreadable-file")
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            log.error(SourceLocation(path: path), "this benchmarks file is not UTF-8 text (save it from Excel as \"CSV UTF-8\")",
                      code: "unreadable-file")
            return nil
        }
        return load(SourceFile(path: path, relativePath: url.lastPathComponent, text: text), log: &log)
    }

    package static func load(_ file: SourceFile, log: inout DiagnosticLog) -> BenchmarkTable {
        let records = CSVTable(text: file.text).records.filter { $0.contains { !$0.text.isEmpty } }
        guard let header = records.first else { return BenchmarkTable(path: file.path, rows: []) }
        var index: [String: Int] = [:]
        for (i, cell) in header.enumerated() where index[cell.text.trimmingCharacters(in: .whitespaces)] == nil {
            index[cell.text.trimmingCharacters(in: .whitespaces)] = i
        }
        for name in ["time_period", "geographic_level"] where index[name] == nil {
            log.error(file.location(line: header.first?.line ?? 1), "the benchmarks file has no '\(name)' column",
                      code: WorkforceDiagnosticCode.benchmarkMissingColumn)
        }
        guard let yearColumn = index["time_period"], let levelColumn = index["geographic_level"] else {
            return BenchmarkTable(path: file.path, rows: [])
        }

        var rows: [BenchmarkRow] = []
        for record in records.dropFirst() {
            func text(_ name: String) -> String? {
                guard let i = index[name], i < record.count else { return nil }
                let value = record[i].text.trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            let line = record.first?.line ?? 1
            guard yearColumn < record.count, levelColumn < record.count,
                  let year = Int(record[yearColumn].text.trimmingCharacters(in: .whitespaces).prefix(4)),
                  let level = BenchmarkRow.Level(rawValue: record[levelColumn].text.trimmingCharacters(in: .whitespaces))
            else {
                log.warning(file.location(line: line),
                            "this row has no readable year ('time_period') and level ('geographic_level'); it is ignored",
                            code: WorkforceDiagnosticCode.benchmarkUnreadable)
                continue
            }
            var values: [BenchmarkColumn: Double] = [:]
            var cells: [BenchmarkColumn: SourceLocation] = [:]
            for column in BenchmarkColumn.allCases {
                guard let i = index[column.rawValue], i < record.count else { continue }
                let cell = record[i]
                cells[column] = file.location(line: cell.line, column: cell.column)
                switch CellValue(cell.text) {
                case let .number(value, _, _):
                    // England's own figures are far below this; a rate is a percentage (an agency
                    // cover rate compares agency workers with vacancies, so it may pass 100).
                    let ceiling = column.rawValue.contains("rate") && !column.rawValue.contains("cover") ? 100 : 10_000_000.0
                    guard value.isFinite, value >= 0, value <= ceiling else {
                        log.warning(cells[column]!,
                                    "'\(column.rawValue)' is \(FigureLimits.shortened(cell.text)), outside 0 to \(FigureLimits.text(ceiling)); read as not available",
                                    code: WorkforceDiagnosticCode.benchmarkOutOfRange)
                        continue
                    }
                    values[column] = value
                case .notGiven: break
                case .unreadable:
                    // DfE suppression marks (c, z, low) mean "not available", like an empty cell.
                    let mark = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
                    if !["c", "z", "u", "low", ":", ".."].contains(mark) {
                        log.warning(cells[column]!, "'\(column.rawValue)' is '\(cell.text)', which is not a number; read as not available",
                                    code: WorkforceDiagnosticCode.benchmarkUnreadable)
                    }
                }
            }
            let name: String = switch level {
            case .national: text("country_name") ?? "England"
            case .regional: text("region_name") ?? "Region"
            case .localAuthority: text("la_name") ?? text("new_la_code") ?? "Council"
            }
            rows.append(BenchmarkRow(year: year, level: level, name: name, regionName: text("region_name"),
                                     oldCode: text("old_la_code"), newCode: text("new_la_code"),
                                     location: file.location(line: line), values: values, cells: cells))
        }
        return BenchmarkTable(path: file.path, rows: rows)
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// The establishment at one date: one CSV under `workforce/snapshots/`, named by its
/// "as at" date (`2017-09-30.csv`), read, checked and analysed.
///
/// A snapshot with errors is still analysed where it can be: every figure an error touches
/// is marked suspect, and so is every measure computed from it.
package struct Snapshot: Sendable {
    package let asAt: CalendarDate
    /// The file, as diagnostics print it.
    package let path: String
    /// Service areas in the config's display order (unknown areas last), each with its
    /// group rows and total.
    package internal(set) var areas: [SnapshotArea]
    /// The whole directorate: each staff group summed over the areas, and the grand total.
    package internal(set) var directorate: SnapshotArea
    /// True when the snapshot as a whole is in doubt (its date is after the build date):
    /// every measure is then suspect.
    package let isSuspect: Bool
    /// Errors and warnings reported about this file.
    package let errorCount: Int
    package let warningCount: Int

    package var grandTotal: SnapshotRow { directorate.total }
    package var hasErrors: Bool { errorCount > 0 }

    /// Every row: each area's groups then total, then the directorate's groups and grand total.
    package var rows: [SnapshotRow] { areas.flatMap(\.rows) + directorate.rows }

    package func row(_ key: RowKey) -> SnapshotRow? {
        let area = key.area == nil ? directorate : areas.first { $0.id == key.area }
        guard let area else { return nil }
        return key.group.map { area.group($0) } ?? area.total
    }

    /// The measure of a row; "not available" when the snapshot has no such row.
    package func value(of measure: Measure, for key: RowKey = .directorate) -> MeasureValue {
        row(key)?.measure(measure) ?? .unavailable("the snapshot has no row for \(key)", suspect: isSuspect)
    }

    /// Reads, checks and analyses one snapshot file: a CSV, or with `workbook`, the xlsx file
    /// there (`file` then only names it). Nil when the file name is not a date or the
    /// workbook cannot be read. `date` stands in for a file name that is not a date (`quorum
    /// snapshots normalize --date`).
    package static func load(_ file: SourceFile, workbook: URL? = nil, date: CalendarDate? = nil, config: WorkforceConfig,
                             asOf: CalendarDate, log: inout DiagnosticLog) -> Snapshot? {
        guard let asAt = date ?? CalendarDate(file.stem) else {
            log.error(file.location(),
                      "a snapshot file is named by its \"as at\" date, written YYYY-MM-DD (e.g. 2017-09-30.csv), not '\(file.stem)'; it is ignored",
                      code: WorkforceDiagnosticCode.fileName)
            return nil
        }
        var fileLog = DiagnosticLog()
        let inFuture = asAt > asOf
        if inFuture {
            fileLog.error(file.location(),
                          "the snapshot is dated \(asAt), after the build date \(asOf); its figures are treated as suspect",
                          code: WorkforceDiagnosticCode.futureSnapshot)
        }
        let reader: SnapshotReader
        if let workbook {
            guard let sheet = SnapshotWorkbook(url: workbook, file: file, sheet: config.snapshotSheet, log: &fileLog) else {
                log.append(contentsOf: fileLog)
                return nil
            }
            reader = SnapshotReader(file: file, workbook: sheet, config: config, log: &fileLog)
        } else {
            reader = SnapshotReader(file: file, config: config, log: &fileLog)
        }
        var rows = reader.rows
        for i in rows.indices { SnapshotRowChecks.check(&rows[i], reader: reader, log: &fileLog) }
        var (areas, directorate) = SnapshotTotals(config: config, reader: reader).assemble(rows: rows, log: &fileLog)

        if inFuture {
            for a in areas.indices { areas[a].markInDoubt() }
            directorate.markInDoubt()
        }

        log.append(contentsOf: fileLog)
        return Snapshot(asAt: asAt, path: file.path, areas: areas, directorate: directorate, isSuspect: inFuture,
                        errorCount: fileLog.errorCount, warningCount: fileLog.warningCount)
    }
}

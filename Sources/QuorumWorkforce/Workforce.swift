import Foundation
import QuorumContent
import QuorumSupport

/// The workforce figures of a content folder, loaded, checked and analysed: the entry
/// point the site renderer calls.
///
/// Reads `workforce/config.yaml`, every `workforce/snapshots/*.csv`, `*.tsv`, `*.txt` and `*.xlsx`
/// (`snapshotExtensions`), and the optional
/// `workforce/benchmarks.csv`. A content folder without a `workforce` folder gives an
/// empty `Workforce` and no diagnostics.
package struct Workforce: Sendable {
    package let config: WorkforceConfig
    /// Oldest first.
    package let snapshots: [Snapshot]
    /// National benchmarks, when the content has `workforce/benchmarks.csv`.
    package let benchmarks: BenchmarkTable?
    /// Every finding about the workforce files, sorted: the data-quality section lists them.
    package let findings: [Diagnostic]

    package init(config: WorkforceConfig = WorkforceConfig(), snapshots: [Snapshot] = [],
                 benchmarks: BenchmarkTable? = nil, findings: [Diagnostic] = []) {
        self.config = config
        self.snapshots = snapshots.sorted { $0.asAt < $1.asAt }
        self.benchmarks = benchmarks
        self.findings = findings
    }

    package static let folder = "workforce"
    package static let snapshotsFolder = "workforce/snapshots"
    /// The snapshot files read as text (the content folder decodes them) and as workbooks
    /// (opened from disk), by extension: the build and `quorum snapshots` accept the same.
    /// Text files may be comma, tab or semicolon separated (`CSVSeparator`), in UTF-8 or
    /// UTF-16 (`TextDecoding`).
    package static let snapshotTextExtensions: Set<String> = ["csv", "tsv", "txt"]
    package static let snapshotWorkbookExtensions: Set<String> = ["xlsx"]

    /// True when a file of this name is a snapshot workbook rather than text.
    package static func isSnapshotWorkbook(_ path: String) -> Bool {
        snapshotWorkbookExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// `asOf` is the build date: a snapshot dated after it is an error.
    package static func load(from content: ContentFolder, asOf: CalendarDate, log: inout DiagnosticLog) -> Workforce {
        guard content.hasFiles(in: folder) else { return Workforce() }
        var workforceLog = DiagnosticLog()
        let workforce = read(content, asOf: asOf, log: &workforceLog)
        log.append(contentsOf: workforceLog)
        return workforce
    }

    private static func read(_ content: ContentFolder, asOf: CalendarDate, log: inout DiagnosticLog) -> Workforce {
        let config = WorkforceConfig.load(from: content, log: &log)
        var snapshots: [Snapshot] = []
        var pathsByDate: [CalendarDate: String] = [:]
        // Each file is read and checked on its own, on every core; then taken in file order.
        let files = snapshotFiles(in: content)
        let loads = ParallelMap.map(files) { file in
            var snapshotLog = DiagnosticLog()
            let loaded = Snapshot.load(file.file, workbook: file.workbook, config: config, asOf: asOf, log: &snapshotLog)
            return (loaded, snapshotLog)
        }
        for ((file, _), (loaded, snapshotLog)) in zip(files, loads) {
            log.append(contentsOf: accepting(snapshotLog, for: loaded, config: config))
            guard let snapshot = loaded else { continue }
            if let other = pathsByDate[snapshot.asAt] {
                log.error(file.location(), "\(other) is already the snapshot at \(snapshot.asAt); this one is ignored",
                          code: WorkforceDiagnosticCode.duplicateSnapshot)
                continue
            }
            pathsByDate[snapshot.asAt] = snapshot.path
            snapshots.append(snapshot)
        }
        let benchmarks = BenchmarkTable.load(from: content, log: &log)
        _ = benchmarks?.recomputeCheck(log: &log)
        for date in config.acceptedProblems.keys where !snapshots.contains(where: { $0.asAt == date }) {
            log.warning(content.file(WorkforceConfig.path)?.location() ?? SourceLocation(path: WorkforceConfig.path),
                        "accepted_problems names a snapshot at \(date), but there is none", code: "workforce-config-accepted")
        }
        return Workforce(config: config, snapshots: snapshots, benchmarks: benchmarks, findings: log.sorted)
    }

    /// The snapshot text files and workbooks, in path order: a workbook is binary, so the content
    /// folder lists it without reading it, and `SnapshotWorkbook` opens it from disk.
    static func snapshotFiles(in content: ContentFolder) -> [(file: SourceFile, workbook: URL?)] {
        let csvs = content.files(in: snapshotsFolder, extensions: snapshotTextExtensions)
            .map { (file: $0, workbook: URL?.none) }
        let workbooks = content.binaryFiles(in: snapshotsFolder)
            .filter { isSnapshotWorkbook($0) }
            .map { relative in
                (file: SourceFile(path: content.displayPath(relative), relativePath: relative, text: ""),
                 workbook: Optional(content.url(of: relative)))
            }
        return (csvs + workbooks).sorted { $0.file.relativePath < $1.file.relativePath }
    }

    /// Errors in a snapshot whose problems were accepted become notes that say so: the board
    /// has decided to publish the figures (still marked †), so they do not fail `--strict`.
    private static func accepting(_ log: DiagnosticLog, for snapshot: Snapshot?, config: WorkforceConfig) -> DiagnosticLog {
        guard let snapshot, let reason = config.acceptedProblems[snapshot.asAt] else { return log }
        return DiagnosticLog(log.entries.map { entry in
            guard entry.severity == .error else { return entry }
            var accepted = entry
            accepted.severity = .note
            accepted.message += " (accepted in workforce/config.yaml: \(reason))"
            return accepted
        })
    }

    package var isEmpty: Bool { snapshots.isEmpty }
    package var latest: Snapshot? { snapshots.last }

    package func snapshot(at date: CalendarDate) -> Snapshot? { snapshots.first { $0.asAt == date } }

    /// The snapshot before `snapshot`, if any.
    package func previous(before snapshot: Snapshot) -> Snapshot? {
        snapshots.last { $0.asAt < snapshot.asAt }
    }

    /// The snapshot of the same week a year before `snapshot` (`SnapshotPeriod.yearEarlier`).
    package func yearEarlier(than snapshot: Snapshot) -> Snapshot? {
        SnapshotPeriod.yearEarlier(than: snapshot.asAt, in: snapshots.map(\.asAt)).flatMap(self.snapshot(at:))
    }

    /// The change from one snapshot to another; nil when either date has no snapshot.
    package func comparison(from: CalendarDate, to: CalendarDate) -> SnapshotComparison? {
        guard let a = snapshot(at: from), let b = snapshot(at: to) else { return nil }
        return comparison(from: a, to: b)
    }

    package func comparison(from: Snapshot, to: Snapshot) -> SnapshotComparison {
        SnapshotComparison(from: from, to: to, config: config)
    }

    /// One measure of one row over every snapshot, oldest first.
    package func series(of measure: Measure, for row: RowKey = .directorate) -> MeasureSeries {
        MeasureSeries(measure: measure, row: row, snapshots: snapshots)
    }

    /// Every configured target read against a snapshot (the latest by default).
    package func assessments(in snapshot: Snapshot? = nil) -> [TargetAssessment] {
        guard let snapshot = snapshot ?? latest else { return [] }
        return config.targets.map {
            TargetAssessment(target: $0, asAt: snapshot.asAt, value: snapshot.value(of: $0.measure, for: $0.row))
        }
    }

    /// The RAG status of one target in every snapshot, oldest first.
    package func assessments(of target: Target) -> [TargetAssessment] {
        snapshots.map { TargetAssessment(target: target, asAt: $0.asAt, value: $0.value(of: target.measure, for: target.row)) }
    }

    /// England, the configured region and councils for the census year a snapshot compares with.
    package func benchmarkRows(for snapshot: Snapshot) -> [BenchmarkRow] {
        guard let benchmarks else { return [] }
        let year = BenchmarkTable.year(for: snapshot.asAt)
        return [benchmarks.national(year: year)].compactMap { $0 }
            + [config.benchmarkRegion.flatMap { benchmarks.region($0, year: year) }].compactMap { $0 }
            + benchmarks.councils(config.benchmarkCouncils, year: year)
    }
}

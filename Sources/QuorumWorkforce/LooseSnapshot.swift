import Foundation
import QuorumContent
import QuorumSupport

/// A snapshot file that is not (yet) in a content folder, as `quorum snapshots check` and
/// `quorum snapshots normalize` read it: through the same readers and checks as a build
/// (`Snapshot.load`), with the workforce config of a content folder when it has one.
///
/// Differences from a build, because the file stands alone: a name that is not a date can be
/// given one (`date`); no two files are compared with each other (no duplicate dates), and
/// `accepted_problems` of the config does not turn errors into notes (the problems of a file
/// not yet in the folder have not been accepted).
package enum LooseSnapshot {
    /// `content`'s `workforce/config.yaml` when it has one, else the default config; a config
    /// with errors reports them (they fail the run, as they fail a build).
    package static func config(content: URL, displayRoot: String, log: inout DiagnosticLog) -> WorkforceConfig {
        let url = content.appendingPathComponent(WorkforceConfig.path)
        guard FileManager.default.fileExists(atPath: url.path) else { return WorkforceConfig() }
        let display = displayRoot.isEmpty ? WorkforceConfig.path : "\(displayRoot)/\(WorkforceConfig.path)"
        guard let file = SourceFile.read(url, displayPath: display, relativePath: WorkforceConfig.path, log: &log) else {
            return WorkforceConfig()
        }
        return WorkforceConfig.load(file, log: &log)
    }

    /// Reads and checks one file (`displayPath` is how diagnostics name it). Nil, after an
    /// error, when it is not a snapshot format, cannot be read, or has no date.
    package static func load(_ url: URL, displayPath: String, date: CalendarDate?, config: WorkforceConfig,
                             asOf: CalendarDate, log: inout DiagnosticLog) -> Snapshot? {
        let name = url.lastPathComponent
        let relativePath = Workforce.snapshotsFolder + "/" + name
        let accepted = (Workforce.snapshotTextExtensions.union(Workforce.snapshotWorkbookExtensions)).sorted()
        let isWorkbook = Workforce.isSnapshotWorkbook(name)
        guard isWorkbook || Workforce.snapshotTextExtensions.contains((name as NSString).pathExtension.lowercased()) else {
            log.error(SourceLocation(path: displayPath),
                      "not a snapshot file: Quorum reads \(accepted.map { "." + $0 }.joined(separator: " and ")) files",
                      code: WorkforceDiagnosticCode.snapshotFileType)
            return nil
        }
        let stem = (name as NSString).deletingPathExtension
        guard date != nil || CalendarDate(stem) != nil else {
            log.error(SourceLocation(path: displayPath),
                      "the file name '\(stem)' is not the snapshot's \"as at\" date (YYYY-MM-DD, e.g. 2017-09-30.\((name as NSString).pathExtension)); give the date with --date",
                      code: WorkforceDiagnosticCode.fileName)
            return nil
        }
        if isWorkbook {
            guard FileManager.default.fileExists(atPath: url.path) else {
                log.error(SourceLocation(path: displayPath), "cannot read this file: \(FileAccessError(ENOENT).reason)",
                          code: "unreadable-file")
                return nil
            }
            let file = SourceFile(path: displayPath, relativePath: relativePath, text: "")
            return Snapshot.load(file, workbook: url, date: date, config: config, asOf: asOf, log: &log)
        }
        guard let file = SourceFile.read(url, displayPath: displayPath, relativePath: relativePath, log: &log) else {
            return nil
        }
        return Snapshot.load(file, date: date, config: config, asOf: asOf, log: &log)
    }

    /// Reads and checks each file (as `load`), on every core, with the diagnostics in file
    /// order; how many could be read at all.
    package static func check(_ files: [(url: URL, displayPath: String)], date: CalendarDate?, config: WorkforceConfig,
                              asOf: CalendarDate, log: inout DiagnosticLog) -> Int {
        let results = ParallelMap.map(files) { file in
            var fileLog = DiagnosticLog()
            let read = load(file.url, displayPath: file.displayPath, date: date, config: config, asOf: asOf, log: &fileLog) != nil
            return (read, fileLog)
        }
        for (_, fileLog) in results { log.append(contentsOf: fileLog) }
        return results.count { $0.0 }
    }

    /// What `normalize` made of a file: the tidy CSV, or nil when nothing may be written.
    package struct Normalized: Sendable {
        package let csv: String?
        package let rowCount: Int
    }

    /// Reads a file and gives its tidy CSV (`TidySnapshotCSV`), unless it has errors (or,
    /// with `strict`, warnings): a CSV of figures Quorum doubts would look sound.
    package static func normalize(_ url: URL, displayPath: String, date: CalendarDate?, config: WorkforceConfig,
                                  asOf: CalendarDate, strict: Bool, log: inout DiagnosticLog) -> Normalized {
        var fileLog = DiagnosticLog()
        let snapshot = load(url, displayPath: displayPath, date: date, config: config, asOf: asOf, log: &fileLog)
        log.append(contentsOf: fileLog)
        guard let snapshot, !log.hasErrors, !(strict && log.warningCount > 0) else { return Normalized(csv: nil, rowCount: 0) }
        let rows = snapshot.rows.count { !$0.isComputed }
        return Normalized(csv: TidySnapshotCSV.text(of: snapshot), rowCount: rows)
    }

    /// An error when writing to `output` would replace `input` (the same path, or another
    /// name for the same file: a link, `./`, a hard link); nil when it is safe.
    package static func overwriteRefusal(input: URL, output: URL, outputDisplay: String) -> Diagnostic? {
        let a = input.standardizedFileURL.resolvingSymlinksInPath(), b = output.standardizedFileURL.resolvingSymlinksInPath()
        var same = a.path == b.path
        if !same, let x = try? FileManager.default.attributesOfItem(atPath: a.path),
           let y = try? FileManager.default.attributesOfItem(atPath: b.path) {
            same = (x[.systemNumber] as? Int) == (y[.systemNumber] as? Int)
                && (x[.systemFileNumber] as? Int) == (y[.systemFileNumber] as? Int) && x[.systemFileNumber] != nil
        }
        guard same else { return nil }
        return Diagnostic(.error, SourceLocation(path: outputDisplay),
                          "the output is the input file; normalize never replaces the file it reads, so give another --output",
                          code: WorkforceDiagnosticCode.normalizeOverwrite)
    }

    /// Writes the CSV (a new file, replacing any other file there whole); false after an error.
    package static func write(_ csv: String, to output: URL, outputDisplay: String, log: inout DiagnosticLog) -> Bool {
        do {
            try Data(csv.utf8).write(to: output, options: .atomic)
            return true
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            log.error(SourceLocation(path: outputDisplay), "cannot write the CSV: \(reason)",
                      code: WorkforceDiagnosticCode.normalizeWrite)
            return false
        }
    }
}

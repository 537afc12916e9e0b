import ArgumentParser
import Foundation
import QuorumSupport
import QuorumWorkforce

/// `quorum snapshots check|normalize`: workforce snapshot files that are not (yet) in a
/// content folder, read exactly as a build reads `workforce/snapshots/` (`LooseSnapshot`).
struct SnapshotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots",
        abstract: "Check workforce snapshot files, or write one as the tidy CSV Quorum reads.",
        subcommands: [SnapshotsCheckCommand.self, SnapshotsNormalizeCommand.self]
    )
}

/// What both subcommands read with: the content folder's workforce config, the date a
/// snapshot may not be after, and how problems are printed.
struct SnapshotsOptions: ParsableArguments {
    @Option(help: "The content folder whose workforce/config.yaml names the areas and groups (used when it exists).")
    var content: String?

    @Option(name: .customLong("as-of"), help: "A snapshot dated after this day, YYYY-MM-DD, is an error (default: today).")
    var asOf: CalendarDate?

    @OptionGroup var diagnostics: DiagnosticOptions

    @Flag(help: "Print no notes and no summary when all is well.")
    var quiet = false

    /// Nil after a refusal (exit 64) when `--content` names a folder that does not exist;
    /// without `--content`, `Content` is used when it is there.
    func config(log: inout DiagnosticLog) throws -> WorkforceConfig {
        let folder = content ?? "Content"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            guard let content else { return WorkforceConfig() }
            let refusal = Diagnostic(.error, SourceLocation(path: content),
                                     "the content folder does not exist; give another with --content, or leave it out to use no workforce config",
                                     code: "missing-content")
            report([refusal], summary: "Refused: 1 error; nothing was read", format: diagnostics.format)
            throw ExitCode.validationFailure
        }
        return LooseSnapshot.config(content: URL(fileURLWithPath: folder), displayRoot: folder, log: &log)
    }

    func shown(_ log: DiagnosticLog) -> [Diagnostic] {
        quiet ? log.sorted.filter { $0.severity != .note } : log.sorted
    }
}

struct SnapshotsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check snapshot files (.csv, .xlsx) as a build would, without a content folder; write nothing."
    )

    @Argument(help: "The snapshot files, each named by its date (2017-09-30.xlsx).")
    var files: [String]

    @Option(help: "The snapshot's date, YYYY-MM-DD, when its file name is not (only with one file).")
    var date: CalendarDate?

    @OptionGroup var options: SnapshotsOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one snapshot file.") }
        if date != nil, files.count > 1 { throw ValidationError("--date names one file's date; give one file with it.") }
    }

    func run() throws {
        var log = DiagnosticLog()
        let config = try options.config(log: &log)
        let asOf = options.asOf ?? CalendarDate.today()
        let read = LooseSnapshot.check(files.map { (URL(fileURLWithPath: $0), $0) }, date: date, config: config,
                                       asOf: asOf, log: &log)
        let failed = options.diagnostics.failed(errors: log.errorCount, warnings: log.warningCount) || read < files.count
        let summary = "Checked \(plural(files.count, "snapshot file")), "
            + counts(errors: log.errorCount, warnings: log.warningCount, notes: log.noteCount)
        report(options.shown(log), summary: options.quiet && !failed ? nil : summary, format: options.diagnostics.format)
        if failed { throw ExitCode(1) }
    }
}

struct SnapshotsNormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Write the tidy CSV Quorum reads from a snapshot file (.csv, .xlsx), to standard output or --output.",
        discussion: """
            Nothing is written when the file has errors (or warnings with --strict); warnings are printed and \
            the CSV is still written. The output may never be the input file.
            """
    )

    @Argument(help: "The snapshot file, named by its date (2017-09-30.xlsx) unless --date gives it.")
    var file: String

    @Option(help: "The snapshot's date, YYYY-MM-DD, when the file name is not.")
    var date: CalendarDate?

    @Option(help: "Where to write the CSV (default: standard output).")
    var output: String?

    @OptionGroup var options: SnapshotsOptions

    func run() throws {
        let format = options.diagnostics.format
        let input = URL(fileURLWithPath: file)
        if let output, let refusal = LooseSnapshot.overwriteRefusal(input: input, output: URL(fileURLWithPath: output),
                                                                     outputDisplay: output) {
            report([refusal], summary: "Refused: 1 error; nothing was read or written", format: format)
            throw ExitCode.validationFailure
        }
        var log = DiagnosticLog()
        let config = try options.config(log: &log)
        let normalized = LooseSnapshot.normalize(input, displayPath: file, date: date, config: config,
                                                 asOf: options.asOf ?? CalendarDate.today(),
                                                 strict: options.diagnostics.strict, log: &log)
        var wrote: String?
        if let csv = normalized.csv {
            if let output {
                if LooseSnapshot.write(csv, to: URL(fileURLWithPath: output), outputDisplay: output, log: &log) { wrote = output }
            } else {
                FileHandle.standardOutput.write(Data(csv.utf8))
                wrote = "standard output"
            }
        }
        let counts = counts(errors: log.errorCount, warnings: log.warningCount, notes: log.noteCount)
        let summary = wrote.map { "Wrote \(plural(normalized.rowCount, "row")) of \(file) to \($0), \(counts)" }
            ?? "Nothing written: \(counts)"
        let shown = options.shown(log)
        let line = options.quiet && wrote != nil ? nil : summary
        if output == nil && format != .text {
            // Standard output is the CSV's: JSON and GitHub diagnostics go to standard error.
            FileHandle.standardError.write(Data(format.render(shown, summary: line).utf8))
        } else {
            report(shown, summary: line, format: format)
        }
        if wrote == nil { throw ExitCode(1) }
    }
}

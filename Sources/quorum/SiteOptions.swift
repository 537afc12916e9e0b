import ArgumentParser
import Foundation
import QuorumSite
import QuorumSupport

/// Where the site comes from, as at when, and how problems are printed: the options of
/// every command that builds (`build`, `check`, `serve`, `annual`).
struct SourceOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The templates folder.")
    var templates = "Templates"

    @Option(name: .customLong("as-of"), help: "The date to build as at, YYYY-MM-DD (default: site.yaml's as_of, else today).")
    var asOf: CalendarDate?

    @OptionGroup var diagnostics: DiagnosticOptions

    var strict: Bool { diagnostics.strict }
    var format: DiagnosticFormat { diagnostics.format }

    func buildOptions(output: String, exemptOutput: String? = nil) -> BuildOptions {
        var options = BuildOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), asOf: asOf ?? CalendarDate.today(), asOfIsToday: asOf == nil, strict: strict,
            exemptOutput: exemptOutput.map { URL(fileURLWithPath: $0) }
        )
        options.chartRasteriser = ChartPictures.findRasteriser(in: ProcessInfo.processInfo.environment)
        return options
    }
}

/// How problems are printed and what fails a run: the options of every command that
/// reads content (`build`, `check`, `serve`, `annual`, `snapshots`).
struct DiagnosticOptions: ParsableArguments {
    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "How to print diagnostics: text, json or github.")
    var format: DiagnosticFormat = .text

    /// The exit status `check` gives: errors, or warnings with `--strict`, fail a run.
    func failed(errors: Int, warnings: Int) -> Bool { errors > 0 || (strict && warnings > 0) }
}

/// The options `build` and `check` share.
struct SiteOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(help: "The output folder.")
    var output = "public"

    @Option(name: .customLong("include-exempt"),
            help: "Also build exempt (Part 2) papers, into this folder only; never into the output folder.")
    var includeExempt: String?

    @Flag(help: "Print no progress line, no notes and no summary when all is well.")
    var quiet = false

    var format: DiagnosticFormat { source.format }

    /// What a run prints: everything, or with `--quiet` only what is wrong (notes say what
    /// Quorum did with something that is fine; they stay in quorum-build.json).
    func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        quiet ? diagnostics.filter { $0.severity != .note } : diagnostics
    }

    func buildOptions() -> BuildOptions {
        source.buildOptions(output: output, exemptOutput: includeExempt)
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    /// Today in the machine's time zone: the only place Quorum reads the clock.
    static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Prints a run's diagnostics and summary: text to standard error; JSON, and GitHub
/// workflow commands (which the Actions runner reads from standard output), to standard output.
func report(_ diagnostics: [Diagnostic], summary: String?, format: DiagnosticFormat) {
    let text = format.render(diagnostics, summary: summary)
    if format == .json || format == .github {
        FileHandle.standardOutput.write(Data(text.utf8))
    } else {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Stops a run before any work when its options would make it delete or overwrite what
/// Quorum did not write: prints one line a refusal and exits 64 (a usage error). `more` is
/// only asked when `first` is empty (an empty option has no path to check). A summary
/// an earlier build left where this one's goes is replaced by one saying this run failed,
/// so that it does not go on saying success; no new file is created.
func refuseUnsafeOutput(_ first: [Diagnostic], then more: () -> [Diagnostic], summary: URL?, outputName: String,
                        format: DiagnosticFormat) throws {
    let refusals = first.isEmpty ? more() : first
    guard !refusals.isEmpty else { return }
    report(refusals, summary: "Refused: \(plural(refusals.count, "error")); nothing was read or written", format: format)
    if let summary, BuildSummary.isSummary(at: summary),
       !refusals.contains(where: { $0.location.path == BuildOptions.display(summary) }) {
        let result = BuildReport(diagnostics: refusals, pageCount: 0, fileCount: 0, wrote: false, strict: false)
        try? BuildSummary(result, output: outputName).write(to: summary)
    }
    throw ExitCode.validationFailure
}

/// "1 error, 2 warnings", with ", 3 notes" when there are any.
func counts(errors: Int, warnings: Int, notes: Int) -> String {
    "\(plural(errors, "error")), \(plural(warnings, "warning"))" + (notes > 0 ? ", \(plural(notes, "note"))" : "")
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}

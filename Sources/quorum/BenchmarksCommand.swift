import ArgumentParser
import Foundation
import QuorumSupport
import QuorumWorkforce

/// `quorum benchmarks import|check FILE`: the DfE children's social work workforce indicators.
struct BenchmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmarks",
        abstract: "Import or check the DfE children's social work workforce indicators.",
        subcommands: [BenchmarksImportCommand.self, BenchmarksCheckCommand.self]
    )
}

struct BenchmarksImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a DfE indicators CSV and write England, the region and the chosen councils to workforce/benchmarks.csv."
    )

    @Argument(help: "The DfE indicators CSV, e.g. csww_indicators_2017_to_2025.csv.")
    var file: String

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "Census years to keep, e.g. 2017-2019 or 2017,2019 (default: the years of the snapshots).")
    var years: String?

    @Option(help: "How to print diagnostics: text, json or github.")
    var format: DiagnosticFormat = .text

    func validate() throws {
        if let years, BenchmarkImport.years(years) == nil {
            throw ValidationError("--years must be a year or a range of years, e.g. 2017-2019 or 2017,2019, not '\(years)'")
        }
    }

    func run() throws {
        var log = DiagnosticLog()
        let contentURL = URL(fileURLWithPath: content)
        let outcome = BenchmarkImport.run(URL(fileURLWithPath: file), displayPath: file, content: contentURL,
                                          contentDisplay: content, years: years.flatMap(BenchmarkImport.years), log: &log)
        let counts = counts(errors: log.errorCount, warnings: log.warningCount, notes: log.noteCount)
        let summary = outcome.map {
            "Imported \(plural($0.rowsKept, "row")) of \($0.rowsRead) for \($0.years.map(String.init).joined(separator: ", ")) "
                + "into \(content)/workforce/benchmarks.csv, \(counts)"
        } ?? "Import failed: \(counts); nothing was written"
        report(log.sorted, summary: summary, format: format)
        if outcome == nil { throw ExitCode(1) }
    }
}

struct BenchmarksCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that every published rate of a DfE indicators CSV matches the file's own columns."
    )

    @Argument(help: "The DfE indicators CSV.")
    var file: String

    @Option(help: "How to print diagnostics: text, json or github.")
    var format: DiagnosticFormat = .text

    func run() throws {
        var log = DiagnosticLog()
        let outcome = BenchmarkImport.check(URL(fileURLWithPath: file), displayPath: file, log: &log)
        let counts = counts(errors: log.errorCount, warnings: log.warningCount, notes: log.noteCount)
        let summary = outcome.map { "Checked \(plural($0.1.rowsRead, "row")), \(counts)" } ?? "Check failed: \(counts)"
        report(log.sorted, summary: summary, format: format)
        if outcome == nil { throw ExitCode(1) }
    }
}

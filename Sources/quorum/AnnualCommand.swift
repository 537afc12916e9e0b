import ArgumentParser
import Foundation
import QuorumPapers
import QuorumSite
import QuorumSupport

struct AnnualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual",
        abstract: "Build one annual update paper (HTML, markdown, Word and, with --pdf, PDF) into its own folder.",
        discussion: """
            The update is annual-updates/YEAR.md in the content folder, YEAR being the year of its meeting.
            Its period runs from the day after the previous update's meeting to this one's, unless
            --from and --to (or period_from and period_to in its front matter) say otherwise.
            """
    )

    @Option(help: "The year of the update's meeting.")
    var year: Int

    @Option(help: "First day of the period, YYYY-MM-DD.")
    var from: CalendarDate?

    @Option(help: "Last day of the period, YYYY-MM-DD.")
    var to: CalendarDate?

    @OptionGroup var source: SourceOptions

    @Option(help: "The output folder (default: annual-update-YEAR).")
    var output: String?

    @Flag(help: "Replace the output folder even if Quorum did not write it.")
    var force = false

    @OptionGroup var printing: PDFFlags

    func validate() throws {
        if !(1000...9999).contains(year) { throw ValidationError("--year must be a four-digit year, not \(year).") }
        if (from == nil) != (to == nil) { throw ValidationError("Give both --from and --to, or neither.") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to).") }
    }

    func run() throws {
        let folder = output ?? "annual-update-\(year)"
        var options = source.buildOptions(output: folder)
        options.force = force
        options.pdf = printing.options
        try refuseUnsafeOutput(OutputSafety.emptyArguments([("--output", output)]),
                               then: { OutputSafety.refusals(options, summary: nil) },
                               summary: nil, outputName: folder, format: source.format)
        let period = from.flatMap { from in to.map { ReportingPeriod(from: from, to: $0) } }
        let result = AnnualBuild.build(options, AnnualBuild.Request(year: year, period: period))
        let counts = counts(errors: result.errorCount, warnings: result.warningCount, notes: result.noteCount)
        let summary = result.wrote
            ? "Built the \(year) annual update into \(folder), \(counts)"
            : "Annual update failed: \(counts); \(folder) was not changed"
        report(result.diagnostics, summary: summary, format: source.format)
        if result.failed || !result.wrote { throw ExitCode(1) }
    }
}

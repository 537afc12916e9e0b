import ArgumentParser
import Foundation
import QuorumSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site and papers into the output folder."
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var printing: PDFFlags

    @Option(help: "Where to write the build summary JSON (default: quorum-build.json beside the output folder).")
    var summary: String?

    @Flag(help: "Replace the output (and exempt) folder even if Quorum did not write it: everything in it but hidden entries is deleted.")
    var force = false

    func run() throws {
        var options = site.buildOptions()
        options.force = force
        options.pdf = printing.options
        let summaryURL = summary.map { URL(fileURLWithPath: $0) } ?? BuildSummary.defaultURL(forOutput: options.output)
        try refuseUnsafeOutput(
            OutputSafety.emptyArguments([("--output", site.output), ("--include-exempt", site.includeExempt), ("--summary", summary)]),
            then: { OutputSafety.refusals(options, summary: summaryURL) },
            summary: summaryURL, outputName: site.output, format: site.format)
        let progress = ProgressLine.standardError(quiet: site.quiet)
        progress.start()
        let result = SiteBuild.build(options, progress: progress.progress)
        progress.finish()
        let counts = counts(errors: result.errorCount, warnings: result.warningCount, notes: result.noteCount)
        let line = switch (result.wrote, result.failed) {
        case (true, false): "Built \(plural(result.pageCount, "page")) in \(Int(result.timings.total.rounded())) ms, \(counts)"
        case (true, true): "Build failed: \(counts); \(site.output) was replaced, \(site.includeExempt ?? "the exempt folder") was not changed"
        default: "Build failed: \(counts); \(site.output) was not changed"
        }
        report(site.shown(result.diagnostics), summary: site.quiet && !result.failed ? nil : line, format: site.format)
        writeSummary(result, to: summaryURL)
        if result.failed { throw ExitCode(1) }
    }

    /// The summary JSON is written after every build, failed or not, for the nightly job.
    /// Failing to write it is reported but does not fail a build that succeeded.
    private func writeSummary(_ result: BuildReport, to url: URL) {
        do {
            try BuildSummary(result, output: site.output).write(to: url)
        } catch {
            FileHandle.standardError.write(Data("\(BuildOptions.display(url)):1:1: warning: cannot write the build summary: \(error) [summary-not-written]\n".utf8))
        }
    }
}

import ArgumentParser
import Foundation
import QuorumCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site and papers into the output folder."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the build summary JSON (default: quorum-build.json beside the output folder).")
    var summary: String?

    func run() throws {
        let options = site.buildOptions()
        let progress = ProgressLine.standardError(quiet: site.quiet)
        progress.start()
        let result = SiteBuild.build(options, progress: progress.progress)
        progress.finish()
        let counts = "\(plural(result.errorCount, "error")), \(plural(result.warningCount, "warning"))"
        let line = result.wrote
            ? "Built \(plural(result.pageCount, "page")) in \(Int(result.timings.total.rounded())) ms, \(counts)"
            : "Build failed: \(counts); \(site.output) was not changed"
        report(result.diagnostics, summary: site.quiet && !result.failed ? nil : line, format: site.format)
        writeSummary(result, output: options.output)
        if result.failed { throw ExitCode(1) }
    }

    /// The summary JSON is written after every build, failed or not, for the nightly job.
    /// Failing to write it is reported but does not fail a build that succeeded.
    private func writeSummary(_ result: BuildReport, output: URL) {
        let url = summary.map { URL(fileURLWithPath: $0) } ?? BuildSummary.defaultURL(forOutput: output)
        do {
            try BuildSummary(result, output: site.output).write(to: url)
        } catch {
            FileHandle.standardError.write(Data("\(url.path): warning: cannot write the build summary: \(error.localizedDescription)\n".utf8))
        }
    }
}

import ArgumentParser
import QuorumCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site and papers into the output folder."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = SiteBuild.build(site.buildOptions())
        let ms = (clock.now - start).components.attoseconds / 1_000_000_000_000_000
            + (clock.now - start).components.seconds * 1000
        let counts = "\(plural(result.errorCount, "error")), \(plural(result.warningCount, "warning"))"
        let summary = result.wrote
            ? "Built \(plural(result.pageCount, "page")) in \(ms) ms, \(counts)"
            : "Build failed: \(counts); \(site.output) was not changed"
        report(result.diagnostics, summary: summary, format: site.format)
        if result.failed { throw ExitCode(1) }
    }
}

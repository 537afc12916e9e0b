import ArgumentParser
import QuorumCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate everything, and write nothing."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteBuild.check(site.buildOptions())
        let summary = "Checked \(plural(result.pageCount, "page")), "
            + "\(plural(result.errorCount, "error")), \(plural(result.warningCount, "warning"))"
        report(result.diagnostics, summary: summary, format: site.format)
        if result.failed { throw ExitCode(1) }
    }
}

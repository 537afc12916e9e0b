import ArgumentParser
import QuorumSite

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and validate everything, check links, and write nothing."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Also check http(s) links by asking their servers (warnings only).")
    var external = false

    @Option(name: .customLong("external-timeout"), help: "Seconds to wait for each external link.")
    var externalTimeout: Double = 10

    @Option(name: .customLong("external-limit"), help: "The most external links to check in one run.")
    var externalLimit: Int = 200

    func validate() throws {
        // A timeout the URL session cannot hold (nan, inf, 1e308) would stop the run.
        guard externalTimeout.isFinite, externalTimeout > 0, externalTimeout <= 600 else {
            throw ValidationError("--external-timeout must be a number of seconds above 0 and at most 600, not \(externalTimeout).")
        }
        guard (1...100_000).contains(externalLimit) else {
            throw ValidationError("--external-limit must be a whole number from 1 to 100000, not \(externalLimit).")
        }
    }

    func run() async throws {
        let progress = ProgressLine.standardError(quiet: site.quiet)
        progress.start()
        var result = SiteBuild.check(site.buildOptions(), progress: progress.progress)
        progress.finish()
        var checked = ""
        if external && !result.externalLinks.isEmpty {
            let checker = ExternalLinkChecker(timeout: externalTimeout, maxRequests: externalLimit)
            result = result.adding(await checker.check(result.externalLinks))
            checked = ", \(plural(min(result.externalLinks.count, externalLimit), "external link")) checked"
        }
        let summary = "Checked \(plural(result.pageCount, "page"))\(checked), "
            + counts(errors: result.errorCount, warnings: result.warningCount, notes: result.noteCount)
        report(site.shown(result.diagnostics), summary: site.quiet && !result.failed ? nil : summary, format: site.format)
        if result.failed { throw ExitCode(1) }
    }
}

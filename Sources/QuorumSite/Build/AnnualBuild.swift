import Foundation
import QuorumPapers
import QuorumSupport

/// `quorum annual`: one annual update, built on its own into a folder of its own.
package enum AnnualBuild {
    package struct Request: Sendable {
        package var year: Int
        package var period: ReportingPeriod?
        package init(year: Int, period: ReportingPeriod? = nil) {
            self.year = year
            self.period = period
        }
    }

    package static func build(_ options: BuildOptions, _ request: Request) -> BuildReport {
        var log = DiagnosticLog()
        do {
            _ = try options.printer(asOf: options.asOf)
        } catch {
            return BuildReport(diagnostics: [error.diagnostic], pageCount: 0, fileCount: 0, wrote: false, strict: options.strict)
        }
        let (content, templates, site) = SiteBuild.load(options, log: &log)
        var files: [OutputFile] = []
        if var update = site.annualUpdates.first(where: { $0.year == request.year }) {
            if let period = request.period { update = update.settingPeriod(period) }
            var renderer = SiteRenderer(site: site, templates: templates, asOf: site.asOf)
            renderer.printer = try? options.printer(asOf: site.asOf)
            renderer.rasteriser = options.chartRasteriser
            files = renderer.renderAnnualUpdate(update, log: &log)
        } else {
            log.error(SourceLocation(path: content.displayPath("\(AnnualUpdate.folder)/\(request.year).md")),
                      "there is no annual update for \(request.year): write \(AnnualUpdate.folder)/\(request.year).md "
                          + "with the paper's front matter (committee, title, meeting_date, ...)",
                      code: "annual-missing")
        }
        let pages = files.count { $0.path.value.hasSuffix(".html") }
        let failed = log.hasErrors || (options.strict && log.warningCount > 0)
        if !failed {
            do {
                try OutputFolder(options.output, force: options.force).replace(with: files)
            } catch {
                log.error(SourceLocation(path: BuildOptions.display(options.output)),
                          "\(error); \(BuildOptions.display(options.output)) was not changed", code: "write-failed")
            }
        }
        return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: files.count,
                           wrote: !log.hasErrors && !failed, strict: options.strict)
    }
}

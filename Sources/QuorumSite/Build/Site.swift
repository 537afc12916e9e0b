import Foundation
import QuorumContent
import QuorumMicrosite
import QuorumPapers
import QuorumStrategy
import QuorumSupport
import QuorumWorkforce

/// Everything read from a content folder: the input of the later stages.
package struct Site: Sendable {
    package let config: SiteConfig
    package internal(set) var pages: [Page]
    package let media: [(path: String, url: URL)]
    package let priorities: [Priority]
    package let actionPlan: ActionPlan
    /// Open and exempt papers alike; the renderer keeps exempt ones out of public output.
    package let papers: [CommitteePaper]
    package let workforce: Workforce
    /// Costs, budget monitoring, reconciliation, caseloads and scenarios (docs/planning.md);
    /// a scenario with an error is left out, and its error fails the build.
    package let planning: Planning
    package let annualUpdates: [AnnualUpdate]
    package let microsite: Microsite
    /// The date the build is as at: `--as-of`, else `as_of` in site.yaml, else today.
    package let asOf: CalendarDate

    /// The load stage: reads and checks every content file, reporting to `log`.
    /// Loads the site as at a fixed date.
    package static func load(_ content: ContentFolder, asOf date: CalendarDate, log: inout DiagnosticLog) -> Site {
        load(content, asOf: { _ in date }, log: &log)
    }

    /// `asOf` picks the build date once the site settings are read (they may pin it).
    /// `byFile`, when given, keeps what each page said (see `DiagnosticsByFile`).
    package static func load(_ content: ContentFolder, asOf: (SiteConfig) -> CalendarDate,
                             byFile: DiagnosticsByFile? = nil, log: inout DiagnosticLog) -> Site {
        let config = SiteConfig.load(from: content, log: &log)
        let pages = Page.loadAll(from: content, byFile: byFile, log: &log)
        let media = content.binaryFiles.filter { $0.hasPrefix("media/") }
            .map { (path: $0, url: content.url(of: $0)) }
        let asOf = asOf(config)
        let priorities = Priority.loadAll(from: content, log: &log)
        let actionPlan = ActionPlan.load(from: content, priorities: priorities, log: &log)
        let papers = CommitteePaper.loadAll(from: content, log: &log)
        let workforce = Workforce.load(from: content, asOf: asOf, log: &log)
        let planning = Planning.load(from: content, workforce: workforce, log: &log)
        let annualUpdates = AnnualUpdate.loadAll(from: content, log: &log)
        return Site(config: config, pages: pages, media: media, priorities: priorities, actionPlan: actionPlan,
                    papers: papers, workforce: workforce, planning: planning, annualUpdates: annualUpdates,
                    microsite: Microsite.load(content, log: &log), asOf: asOf)
    }
}

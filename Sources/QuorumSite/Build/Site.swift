import Foundation
import QuorumContent
import QuorumMicrosite
import QuorumPapers
import QuorumStrategy
import QuorumSupport
import QuorumWorkforce

/// Everything read from a content folder: the input of the later stages.
///
/// Each part is read through a property that notes the part in `reads` when a recorder is
/// attached (`recording(into:)`): `quorum serve` then knows which parts each piece of the
/// render stage read, and renders again only the pieces a change reaches (`IncrementalBuild`).
package struct Site: Sendable {
    /// The parts as loaded.
    struct Parts: Sendable {
        var config: SiteConfig
        var pages: [Page]
        var media: [(path: String, url: URL)]
        var priorities: [Priority]
        var actionPlan: ActionPlan
        var papers: [CommitteePaper]
        var workforce: Workforce
        var planning: Planning
        var annualUpdates: [AnnualUpdate]
        var microsite: Microsite
    }

    private(set) var parts: Parts
    /// Where reading a part is noted; nil in a build that records nothing.
    var reads: ReadRecorder<SitePart>?
    /// The date the build is as at: `--as-of`, else `as_of` in site.yaml, else today. (It
    /// comes from the settings: a change to them builds everything again.)
    package let asOf: CalendarDate

    package var config: SiteConfig { note(.config); return parts.config }
    package var pages: [Page] {
        get { note(.pages); return parts.pages }
        set { parts.pages = newValue }
    }
    package var media: [(path: String, url: URL)] { note(.media); return parts.media }
    package var priorities: [Priority] { note(.priorities); return parts.priorities }
    package var actionPlan: ActionPlan { note(.actionPlan); return parts.actionPlan }
    /// Open and exempt papers alike; the renderer keeps exempt ones out of public output.
    package var papers: [CommitteePaper] { note(.papers); return parts.papers }
    package var workforce: Workforce { note(.workforce); return parts.workforce }
    /// Costs, budget monitoring, reconciliation, caseloads and scenarios (docs/planning.md);
    /// a scenario with an error is left out, and its error fails the build.
    package var planning: Planning { note(.planning); return parts.planning }
    package var annualUpdates: [AnnualUpdate] { note(.annualUpdates); return parts.annualUpdates }
    package var microsite: Microsite { note(.microsite); return parts.microsite }

    /// What the menu and the footer show of the pages in them: reading it depends on no
    /// page's text, nor on pages in neither.
    var navigationEntries: [SiteRenderer.NavigationEntry] {
        note(.navigation)
        return parts.pages.lazy.filter(SiteRenderer.NavigationEntry.isShown).map(SiteRenderer.NavigationEntry.init)
    }

    /// The templates the pages use: reading it depends on nothing else of them.
    var pageTemplates: Set<String> {
        note(.pageTemplates)
        return Set(parts.pages.map(\.template))
    }

    /// Replaces one page, in place (`pages` would copy every page first).
    mutating func replacePage(at index: Int, with page: Page) {
        parts.pages[index] = page
    }

    /// The same site, noting into `recorder` each part read.
    func recording(into recorder: ReadRecorder<SitePart>?) -> Site {
        var site = self
        site.reads = recorder
        return site
    }

    private func note(_ part: SitePart) {
        reads?.note(part)
    }

    init(parts: Parts, asOf: CalendarDate) {
        self.parts = parts
        self.asOf = asOf
    }

    /// The load stage: reads and checks every content file, reporting to `log`.
    /// Loads the site as at a fixed date.
    package static func load(_ content: ContentFolder, asOf date: CalendarDate, log: inout DiagnosticLog) -> Site {
        load(content, asOf: { _ in date }, log: &log)
    }

    /// `asOf` picks the build date once the site settings are read (they may pin it).
    /// `record`, when given, keeps what loading each part read and said (`SiteLoadRecord`).
    package static func load(_ content: ContentFolder, asOf: (SiteConfig) -> CalendarDate,
                             record: SiteLoadRecord? = nil, log: inout DiagnosticLog) -> Site {
        let loader = SitePartLoader(content: content, record: record)
        let config = loader.load(.config, log: &log) { SiteConfig.load(from: $0, log: &$1) }
        let pages = loader.load(.pages, log: &log) { Page.loadAll(from: $0, byFile: record?.pageDiagnostics, log: &$1) }
        let asOf = asOf(config)
        var parts = Parts(config: config, pages: pages, media: [], priorities: [], actionPlan: .empty, papers: [],
                          workforce: Workforce(), planning: Planning(), annualUpdates: [], microsite: .empty)
        loadParts(into: &parts, asOf: asOf, loader: loader, log: &log) { _ in true }
        return Site(parts: parts, asOf: asOf)
    }

    /// Loads into `parts` each part but the settings and the pages that `shouldLoad` names,
    /// in order; a part made from another one (the action plan from the priorities, planning
    /// from the workforce) is loaded again with it. Returns the parts loaded.
    @discardableResult
    private static func loadParts(into parts: inout Parts, asOf: CalendarDate, loader: SitePartLoader, log: inout DiagnosticLog,
                                  shouldLoad: (SitePart) -> Bool) -> Set<SitePart> {
        var loaded: Set<SitePart> = []
        func load<T>(_ part: SitePart, also inputs: [SitePart] = [], into keyPath: WritableKeyPath<Parts, T>,
                     _ make: (ContentFolder, inout DiagnosticLog) -> T) {
            guard shouldLoad(part) || !loaded.isDisjoint(with: inputs) else { return }
            parts[keyPath: keyPath] = loader.load(part, log: &log, make)
            loaded.insert(part)
        }
        load(.media, into: \.media) { content, _ in media(in: content) }
        load(.priorities, into: \.priorities) { Priority.loadAll(from: $0, log: &$1) }
        let priorities = parts.priorities
        load(.actionPlan, also: [.priorities], into: \.actionPlan) { ActionPlan.load(from: $0, priorities: priorities, log: &$1) }
        load(.papers, into: \.papers) { CommitteePaper.loadAll(from: $0, log: &$1) }
        load(.workforce, into: \.workforce) { Workforce.load(from: $0, asOf: asOf, log: &$1) }
        let workforce = parts.workforce
        load(.planning, also: [.workforce], into: \.planning) { Planning.load(from: $0, workforce: workforce, log: &$1) }
        load(.annualUpdates, into: \.annualUpdates) { AnnualUpdate.loadAll(from: $0, log: &$1) }
        load(.microsite, into: \.microsite) { Microsite.load($0, log: &$1) }
        return loaded
    }

    static func media(in content: ContentFolder) -> [(path: String, url: URL)] {
        content.binaryFiles(in: "media").map { (path: $0, url: content.url(of: $0)) }
    }

    /// The site after the files at `changed` (paths inside the folder) changed, `content`
    /// being the folder as it now is: only the parts whose loading read one of them are
    /// loaded again, and the pages changed. Also gives the parts that may differ. Nil when
    /// the settings changed (everything depends on them: build everything again).
    func reloaded(_ content: ContentFolder, changed: Set<String>, record: SiteLoadRecord)
        -> (site: Site, changed: Set<SitePart>)? {
        func touched(_ part: SitePart) -> Bool {
            guard let reads = record.reads[part] else { return true }
            return changed.contains { path in reads.contains { $0.covers(path) } }
        }
        guard !touched(.config) else { return nil }
        var parts = self.parts
        var reloaded: Set<SitePart> = []
        if touched(.pages) {
            parts.pages = Page.reload(from: content, previous: self.parts.pages, changed: changed,
                                      byFile: record.pageDiagnostics)
            reloaded.insert(.pages)
        }
        // What loading says is kept in the record, part by part.
        var ignored = DiagnosticLog()
        reloaded.formUnion(Self.loadParts(into: &parts, asOf: asOf, loader: SitePartLoader(content: content, record: record),
                                          log: &ignored, shouldLoad: touched))
        let site = Site(parts: parts, asOf: asOf)
        if reloaded.contains(.pages) {
            if site.navigationEntries != navigationEntries { reloaded.insert(.navigation) }
            let templates = site.pageTemplates
            if templates != record.pageTemplates ?? pageTemplates { reloaded.insert(.pageTemplates) }
            record.pageTemplates = templates
        }
        return (site, reloaded)
    }
}

/// A part of a site, as `Site` notes reading it.
package enum SitePart: Hashable, Sendable, CaseIterable {
    case config, pages, navigation, pageTemplates, media, priorities, actionPlan, papers, workforce, planning, annualUpdates,
         microsite
}

/// What loading each part of a site read from the content folder and said, kept by
/// `quorum serve` so that a changed file loads again only the parts that read it.
package final class SiteLoadRecord: @unchecked Sendable {
    var reads: [SitePart: Set<ContentRead>] = [:]
    var diagnostics: [SitePart: [Diagnostic]] = [:]
    /// The pages' templates as last loaded, once worked out (`Site.pageTemplates`).
    var pageTemplates: Set<String>?
    /// Each page's own load diagnostics, by its path inside the content folder (the pages
    /// part's own are none).
    let pageDiagnostics = DiagnosticsByFile()

    package init() {}

    /// Everything loading said, but the pages'.
    var partDiagnostics: [Diagnostic] { Array(diagnostics.values.joined()) }
}

/// Loads one part at a time, noting what it read and said in a `SiteLoadRecord`.
struct SitePartLoader {
    let content: ContentFolder
    let record: SiteLoadRecord?

    func load<T>(_ part: SitePart, log: inout DiagnosticLog, _ load: (ContentFolder, inout DiagnosticLog) -> T) -> T {
        guard let record else { return load(content, &log) }
        let reads = ReadRecorder<ContentRead>()
        var partLog = DiagnosticLog()
        let value = load(content.recording(into: reads), &partLog)
        record.reads[part] = reads.keys
        // The pages' own diagnostics are kept page by page.
        record.diagnostics[part] = part == .pages ? [] : partLog.entries
        log.append(contentsOf: partLog)
        return value
    }
}

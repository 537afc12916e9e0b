import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumPapers
import QuorumSupport

/// The render stage: turns a loaded site into output files, in memory.
package struct SiteRenderer: Sendable {
    package private(set) var site: Site
    package private(set) var context: RenderContext
    /// Prints each paper to PDF as well (`--pdf`); nil leaves PDFs out.
    var printer: PaperPrinter?
    /// `rsvg-convert`, which draws charts as pictures for the Word versions; nil shows their tables.
    var rasteriser: URL?
    /// The papers `quorum serve` keeps prepared between builds; nil prepares every paper.
    var keptPapers: KeptPapers?
    /// The charts `quorum serve` keeps drawn between builds: each drawn once while it runs.
    var keptDrawings: DrawnCharts?

    package init(site: Site, templates: TemplateLibrary, asOf: CalendarDate) {
        self.site = site
        let (menu, footer) = Self.navigation(site.navigationEntries)
        context = RenderContext(templates: templates, config: site.config, asOf: asOf, menu: menu, footer: footer,
                                feed: MicrositeRenderer.hasFeed(site) ? AtomFeed.path : nil)
    }

    /// The navigation and the footer's links: all that the pages of a site share of each
    /// other. (`quorum serve` renders only a changed page again while these stay the same.)
    typealias Navigation = (menu: [(title: String, path: String)], footer: [(title: String, path: String)])

    /// What the menu and the footer show of a page: a page whose entry is unchanged leaves
    /// `navigation` as it was (`quorum serve` renders only that page again).
    struct NavigationEntry: Equatable {
        let menuOrder: Int?
        let footerOrder: Int?
        let title: String
        let menuTitle: String
        let path: String

        /// True when the menu or the footer shows `page`: nothing else of it is shown elsewhere.
        static func isShown(_ page: Page) -> Bool {
            page.menuOrder != nil || page.highlights.footerOrder != nil
        }

        init(_ page: Page) {
            menuOrder = page.menuOrder
            footerOrder = page.highlights.footerOrder
            title = page.title
            menuTitle = page.menuTitle
            path = page.outputPath
        }
    }

    static func navigation(_ entries: [NavigationEntry]) -> Navigation {
        // Made from the entries alone, so an unchanged entry cannot change the navigation.
        let menu = entries.filter { $0.menuOrder != nil }
            .sorted { ($0.menuOrder!, $0.title) < ($1.menuOrder!, $1.title) }
            .map { (title: $0.menuTitle, path: $0.path) }
        let footer = entries.filter { $0.footerOrder != nil }
            .sorted { ($0.footerOrder!, $0.title) < ($1.footerOrder!, $1.title) }
            .map { (title: $0.menuTitle, path: $0.path) }
        return (menu, footer)
    }

    /// The public site. Exempt papers are never part of it. `memory`, when given, keeps
    /// what `quorum serve` needs to render a page or a unit again (see `BuildMemory`).
    package func render(log: inout DiagnosticLog, memory: BuildMemory? = nil) -> [OutputFile] {
        var units: [RenderUnit: RenderUnit.Record] = [:]
        // The microsite makes first what every page shares (its values, the events' links).
        let microsite = MicrositeUnit(self, recording: memory != nil)
        // Pages take turns at cmark's serial inline pass (see `MarkdownDocument`), so the
        // rest of the site renders alongside them rather than after, on the core they leave.
        let values = microsite.renderer.sharedValues
        // The pages get the shared values, so they may show the events: their context knows the events' links.
        let pagesContext = microsite.pagesContext
        var pagesLog = DiagnosticLog()
        let (pages, (rest, restLog, restUnits)) = Concurrently.run({
            renderPages(values: values, context: pagesContext, memory: memory, log: &pagesLog)
        }, alongside: {
            var log = DiagnosticLog()
            var units: [RenderUnit: RenderUnit.Record] = [:]
            var (files, micrositeRecord, micrositeLog) = microsite.render()
            units[.microsite] = micrositeRecord
            log.append(contentsOf: micrositeLog)
            for unit in [RenderUnit.strategy, .workforce, .scenarios, .papers] {
                files += rendering(unit, recording: memory != nil, into: &units, log: &log)
            }
            return (files, log, units)
        })
        units.merge(restUnits) { $1 }
        log.append(contentsOf: pagesLog)
        log.append(contentsOf: restLog)
        let files = pages + rest + rendering(.staticFiles, recording: memory != nil, into: &units, log: &log)
        memory?.units = units
        return files + assembled(files, memory: memory, log: &log)
    }

    /// What the whole output gives besides its pieces: collisions between them reported, and
    /// the sitemap.
    func assembled(_ files: [OutputFile], memory: BuildMemory?, log: inout DiagnosticLog) -> [OutputFile] {
        var assemblyLog = DiagnosticLog()
        OutputCollisions.report(files, log: &assemblyLog)
        let sitemap = Sitemap.files(for: files, context: context, log: &assemblyLog)
        memory?.assemblyDiagnostics = assemblyLog.entries
        memory?.sitemap = sitemap
        log.append(contentsOf: assemblyLog)
        return sitemap
    }

    /// The files of `unit`. With `recording`, what rendering it read, gave and said is kept in `units`.
    func rendering(_ unit: RenderUnit, recording: Bool, into units: inout [RenderUnit: RenderUnit.Record],
                   log: inout DiagnosticLog) -> [OutputFile] {
        guard recording else { return files(of: unit, log: &log) }
        let parts = ReadRecorder<SitePart>(), templates = ReadRecorder<String>()
        var unitLog = DiagnosticLog()
        let files = self.recording(parts, templates).files(of: unit, log: &unitLog)
        units[unit] = RenderUnit.Record(reads: parts.keys, templates: templates.keys, files: files, diagnostics: unitLog.entries)
        log.append(contentsOf: unitLog)
        return files
    }

    /// The files of one unit. (A build makes the microsite's renderer before the pages, as a
    /// `MicrositeUnit`, and renders it from there.)
    func files(of unit: RenderUnit, log: inout DiagnosticLog) -> [OutputFile] {
        switch unit {
        case .microsite:
            let (files, _, micrositeLog) = MicrositeUnit(self, recording: false).render()
            log.append(contentsOf: micrositeLog)
            return files
        case .strategy: return StrategyRenderer(context: context, site: site).render(log: &log)
        case .workforce: return WorkforceRenderer(context: context, site: site).render(log: &log)
        case .scenarios: return ScenarioPageRenderer(context: context, site: site).render(log: &log)
        case .papers:
            return renderPapers(site.papers.filter { !$0.classification.isExempt },
                                annual: site.annualUpdates.filter { !$0.paper.classification.isExempt }, log: &log)
        case .staticFiles: return staticFiles()
        }
    }

    /// The same renderer, noting the parts of the site it reads and the templates it renders.
    func recording(_ parts: ReadRecorder<SitePart>, _ templates: ReadRecorder<String>) -> SiteRenderer {
        var renderer = self
        renderer.site = site.recording(into: parts)
        renderer.context = context.recordingTemplates(into: templates)
        return renderer
    }

    /// Exempt papers only, for `--include-exempt DIR`: a separate folder, never the public one.
    package func renderExempt(log: inout DiagnosticLog) -> [OutputFile] {
        let exempt = site.papers.filter(\.classification.isExempt)
        let files = renderPapers(exempt, annual: site.annualUpdates.filter(\.paper.classification.isExempt),
                                 context: context.papersAlone, log: &log) + staticFiles()
        OutputCollisions.report(files, log: &log)
        return files
    }

    /// What the papers draw on. Made from the site's parts unnoted: each paper notes what it
    /// reads of it, and the papers' unit notes the parts its papers read (`renderPapers`).
    var paperData: PaperData {
        let parts = site.parts
        return PaperData(priorities: parts.priorities, actionPlan: parts.actionPlan, workforce: parts.workforce,
                         planning: parts.planning, council: parts.config.council, microsite: parts.microsite)
    }

    /// Papers and annual updates, and the index of all of them. With `keptPapers` (`quorum
    /// serve`), a paper kept there and not marked to be prepared again is taken as it was,
    /// and each paper prepared is kept with what it read.
    func renderPapers(_ papers: [CommitteePaper], annual: [AnnualUpdate], context: RenderContext? = nil,
                      log: inout DiagnosticLog) -> [OutputFile] {
        guard !papers.isEmpty || !annual.isEmpty else { return [] }
        let data = paperData
        let renderer = PaperRenderer(context: context ?? self.context, data: data, charts: chartPictures)
        // Only the public site's papers are kept (exempt ones render apart, with another context).
        let kept = context == nil ? keptPapers : nil
        // Each paper is independent: prepare on every core, keep the papers' order. Papers and
        // annual updates in one run, so that neither waits for the other's slowest.
        let jobs = papers.map { (paper: $0, update: AnnualUpdate?.none) } + annual.map { (paper: $0.paper, update: Optional($0)) }
        let prepared = ParallelMap.map(jobs) { job -> (String, KeptPapers.Paper) in
            let path = job.paper.source.file.relativePath
            if let paper = kept?.kept(path) { return (path, paper) }
            let dataReads = kept.map { _ in ReadRecorder<PaperData.Part>() }
            let templateReads = kept.map { _ in ReadRecorder<String>() }
            let data = data.recording(into: dataReads)
            let paperRenderer = PaperRenderer(context: renderer.context.recordingTemplates(into: templateReads), data: data,
                                              charts: renderer.charts)
            var paperLog = DiagnosticLog()
            let generated = job.update.map { AnnualUpdateWriter(update: $0, data: data).sections() } ?? [:]
            let prepared = paperRenderer.prepare(job.paper, generated: generated, log: &paperLog)
            return (path, KeptPapers.Paper(prepared: prepared, diagnostics: paperLog.entries,
                                           reads: Set((dataReads?.keys ?? []).map(KeptPapers.sitePart)),
                                           templates: templateReads?.keys ?? []))
        }
        if let kept {
            let preparedNow = prepared.map(\.0).filter { kept.kept($0) == nil }
            kept.keep(Dictionary(prepared, uniquingKeysWith: { first, _ in first }), preparedNow: preparedNow)
            // The unit reads what its papers read.
            for (_, paper) in prepared {
                for part in paper.reads { site.reads?.note(part) }
                for template in paper.templates { self.context.templates.reads?.note(template) }
            }
        }
        var chartNoted = false
        for (_, paper) in prepared {
            // The note that Word shows charts as tables is said once, not for each paper.
            for entry in paper.diagnostics where entry.code != PaperRenderer.chartNoteCode || !chartNoted {
                chartNoted = chartNoted || entry.code == PaperRenderer.chartNoteCode
                log.report(entry)
            }
        }
        let pdfs = printPDFs(prepared.map(\.1.prepared), renderer: renderer, log: &log)
        var files: [OutputFile] = []
        var downloads: [String: PaperDownloads] = [:]
        for paper in prepared.map(\.1.prepared) {
            let pdf = OutputPath(PaperRenderer.pdfPath(paper.slug)).flatMap { path in pdfs[path].map { (path, $0) } }
            if let page = renderer.page(paper, pdfSize: pdf?.1.count, log: &log) { files.append(page) }
            files += paper.companions
            if let (path, bytes) = pdf { files.append(OutputFile(path: path, contents: .data(bytes))) }
            downloads[paper.slug] = PaperDownloads(slug: paper.slug, wordSize: paper.wordSize, pdfSize: pdf?.1.count)
        }
        if let index = renderer.renderIndex(papers + annual.map(\.paper), downloads: downloads, log: &log) { files.append(index) }
        return files
    }

    /// With a printer, each paper's page printed to PDF, by the PDF's path. The pages printed
    /// offer no PDF yet (its size is not known), which the print does not show anyway.
    func printPDFs(_ papers: [PaperRenderer.Prepared], renderer: PaperRenderer, log: inout DiagnosticLog) -> [OutputPath: Data] {
        guard let printer, !papers.isEmpty else { return [:] }
        var pages: [OutputFile] = []
        for paper in papers {
            if let page = renderer.page(paper, pdfSize: nil, log: &log) { pages.append(page) }
        }
        let context = renderer.context
        var failures: [(OutputFile, String)] = []
        let printed = printer.print(pages, support: staticFiles(), address: { context.publicAddress($0) }, failure: { failures.append(($0, $1)) })
        for (page, reason) in failures {
            log.error(page.origin?.source ?? SourceLocation(path: page.path.value),
                      "this paper could not be printed to PDF: \(reason)", code: "pdf-not-printed")
        }
        var pdfs: [OutputPath: Data] = [:]
        for (path, data) in printed {
            if let pdf = OutputPath(String(path.value.dropLast(".html".count)) + ".pdf") { pdfs[pdf] = data }
        }
        return pdfs
    }

    /// One annual update on its own, for `quorum annual`: not even a papers index beside it.
    package func renderAnnualUpdate(_ update: AnnualUpdate, log: inout DiagnosticLog) -> [OutputFile] {
        var alone = context.papersAlone
        alone.hasPapersIndex = false
        let renderer = PaperRenderer(context: alone, data: paperData, charts: chartPictures)
        let paper = renderer.prepare(update.paper, generated: AnnualUpdateWriter(update: update, data: paperData).sections(), log: &log)
        let pdf = OutputPath(PaperRenderer.pdfPath(paper.slug)).flatMap { path in
            printPDFs([paper], renderer: renderer, log: &log)[path].map { (path, $0) }
        }
        var files = renderer.page(paper, pdfSize: pdf?.1.count, log: &log).map { [$0] } ?? []
        files += paper.companions
        if let (path, bytes) = pdf { files.append(OutputFile(path: path, contents: .data(bytes))) }
        return files + staticFiles()
    }

    /// The chart pictures for the Word versions, styled by the theme's `assets/quorum.css`.
    var chartPictures: ChartPictures? {
        guard let rasteriser else { return nil }
        let stylesheet = context.templates.assets.first { $0.path == "assets/quorum.css" }
            .flatMap { try? String(contentsOf: $0.url, encoding: .utf8) } ?? ""
        return ChartPictures(rasteriser: rasteriser, stylesheet: stylesheet, drawn: keptDrawings ?? DrawnCharts())
    }

    /// The theme's assets and the content's media, copied as they are.
    func staticFiles() -> [OutputFile] {
        context.templates.assets.map { OutputFile(path: OutputPath($0.path)!, contents: .copy($0.url)) }
            + site.media.map { OutputFile(path: OutputPath($0.path)!, contents: .copy($0.url)) }
    }

    /// The markdown pages. Each page is independent: render on every core, then keep page
    /// order so the output never depends on timing.
    func renderPages(values: [String: Any] = [:], context: RenderContext? = nil, memory: BuildMemory? = nil,
                     log: inout DiagnosticLog) -> [OutputFile] {
        let renderer = MarkdownPageRenderer(context: context ?? self.context, values: values)
        // Pages go in batches, so that each core takes cmark's inline-pass lock once a batch.
        let rendered = ParallelMap.mapBatches(site.pages, size: MarkdownDocument.batchSize) { renderer.render($0) }
        for (_, pageLog) in rendered { log.append(contentsOf: pageLog) }
        if let memory {
            memory.pageRenderer = renderer
            memory.pageFiles = rendered.map(\.file)
            memory.pageRenderDiagnostics = [:]
            for (page, (_, pageLog)) in zip(site.pages, rendered) where !pageLog.entries.isEmpty {
                memory.pageRenderDiagnostics[page.source.file.relativePath] = pageLog.entries
            }
        }
        return rendered.compactMap(\.file)
    }
}

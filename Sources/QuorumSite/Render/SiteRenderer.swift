import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumPapers
import QuorumSupport

/// The render stage: turns a loaded site into output files, in memory.
package struct SiteRenderer: Sendable {
    package let site: Site
    package let context: RenderContext
    /// Prints each paper to PDF as well (`--pdf`); nil leaves PDFs out.
    var printer: PaperPrinter?
    /// `rsvg-convert`, which draws charts as pictures for the Word versions; nil shows their tables.
    var rasteriser: URL?

    package init(site: Site, templates: TemplateLibrary, asOf: CalendarDate) {
        self.site = site
        let (menu, footer) = Self.navigation(site.pages)
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

        init(_ page: Page) {
            menuOrder = page.menuOrder
            footerOrder = page.highlights.footerOrder
            title = page.title
            menuTitle = page.menuTitle
            path = page.outputPath
        }
    }

    static func navigation(_ pages: [Page]) -> Navigation {
        // Made from the entries alone, so an unchanged entry cannot change the navigation.
        let entries = pages.map(NavigationEntry.init)
        let menu = entries.filter { $0.menuOrder != nil }
            .sorted { ($0.menuOrder!, $0.title) < ($1.menuOrder!, $1.title) }
            .map { (title: $0.menuTitle, path: $0.path) }
        let footer = entries.filter { $0.footerOrder != nil }
            .sorted { ($0.footerOrder!, $0.title) < ($1.footerOrder!, $1.title) }
            .map { (title: $0.menuTitle, path: $0.path) }
        return (menu, footer)
    }

    /// The public site. Exempt papers are never part of it. `memory`, when given, keeps
    /// what `quorum serve` needs to render a page again (see `BuildMemory`).
    package func render(log: inout DiagnosticLog, memory: BuildMemory? = nil) -> [OutputFile] {
        let microsite = MicrositeRenderer(site: site, context: context, log: &log)
        // Pages take turns at cmark's serial inline pass (see `MarkdownDocument`), so the
        // rest of the site renders alongside them rather than after, on the core they leave.
        let values = microsite.sharedValues
        // The pages get the shared values, so they may show the events: their context knows the events' links.
        let pagesContext = microsite.context
        var pagesLog = DiagnosticLog()
        let (pages, (rest, restLog)) = Concurrently.run({
            renderPages(values: values, context: pagesContext, memory: memory, log: &pagesLog)
        }, alongside: {
            var log = DiagnosticLog()
            var files = microsite.render(log: &log)
            files += StrategyRenderer(context: context, site: site).render(log: &log)
            files += WorkforceRenderer(context: context, site: site).render(log: &log)
            files += ScenarioPageRenderer(context: context, site: site).render(log: &log)
            files += renderPapers(site.papers.filter { !$0.classification.isExempt },
                                  annual: site.annualUpdates.filter { !$0.paper.classification.isExempt }, log: &log)
            return (files, log)
        })
        log.append(contentsOf: pagesLog)
        log.append(contentsOf: restLog)
        let files = pages + rest + staticFiles()
        OutputCollisions.report(files, log: &log)
        return files + Sitemap.files(for: files, context: context, log: &log)
    }

    /// Exempt papers only, for `--include-exempt DIR`: a separate folder, never the public one.
    package func renderExempt(log: inout DiagnosticLog) -> [OutputFile] {
        let exempt = site.papers.filter(\.classification.isExempt)
        let files = renderPapers(exempt, annual: site.annualUpdates.filter(\.paper.classification.isExempt),
                                 context: context.papersAlone, log: &log) + staticFiles()
        OutputCollisions.report(files, log: &log)
        return files
    }

    var paperData: PaperData {
        PaperData(priorities: site.priorities, actionPlan: site.actionPlan, workforce: site.workforce,
                  planning: site.planning, council: site.config.council, microsite: site.microsite)
    }

    /// Papers and annual updates, and the index of all of them.
    func renderPapers(_ papers: [CommitteePaper], annual: [AnnualUpdate], context: RenderContext? = nil,
                      log: inout DiagnosticLog) -> [OutputFile] {
        guard !papers.isEmpty || !annual.isEmpty else { return [] }
        let data = paperData
        let renderer = PaperRenderer(context: context ?? self.context, data: data, charts: chartPictures)
        // Each paper is independent: prepare on every core, keep the papers' order. Papers and
        // annual updates in one run, so that neither waits for the other's slowest.
        let jobs = papers.map { (paper: $0, update: AnnualUpdate?.none) } + annual.map { (paper: $0.paper, update: Optional($0)) }
        let prepared = ParallelMap.map(jobs) { job in
            var paperLog = DiagnosticLog()
            let generated = job.update.map { AnnualUpdateWriter(update: $0, data: data).sections() } ?? [:]
            return (renderer.prepare(job.paper, generated: generated, log: &paperLog), paperLog)
        }
        var chartNoted = false
        for (_, paperLog) in prepared {
            // The note that Word shows charts as tables is said once, not for each paper.
            for entry in paperLog.entries where entry.code != PaperRenderer.chartNoteCode || !chartNoted {
                chartNoted = chartNoted || entry.code == PaperRenderer.chartNoteCode
                log.report(entry)
            }
        }
        let pdfs = printPDFs(prepared.map(\.0), renderer: renderer, log: &log)
        var files: [OutputFile] = []
        var downloads: [String: PaperDownloads] = [:]
        for (paper, _) in prepared {
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
        return ChartPictures(rasteriser: rasteriser, stylesheet: stylesheet)
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
            for (page, (_, pageLog)) in zip(site.pages, rendered) {
                memory.diagnosticsByFile.record(pageLog.entries, for: page.source.file.relativePath)
            }
        }
        return rendered.compactMap(\.file)
    }
}

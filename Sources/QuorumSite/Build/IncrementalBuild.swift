import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumSupport

/// The build `quorum serve` keeps in memory and brings up to date after each change, doing
/// as little as gives exactly what a fresh full build of the same folders would.
///
/// What each piece of the build depends on is recorded while it is made, never listed by
/// hand: loading each part of the site notes the content files it read (`SiteLoadRecord`),
/// rendering each unit notes the parts of the site and the templates it read
/// (`RenderUnit.Record`), and each paper what it read of the papers' data (`KeptPapers`).
/// A change then loads again only the parts that read a changed file and renders again only
/// the pages, units and papers that read a changed part or template. The menu, footer and
/// feed every page shows are compared: when they changed, everything renders again. When the
/// values the microsite gives every page change, the pages whose templates look up one of
/// their names render again (`TemplateLibrary.valueNames`). Settings (`site.yaml`), templates
/// added or removed, theme assets, anything that is not a plain file, or outside both
/// folders, build everything again.
///
/// The commonest edit, the text of markdown pages, takes a shorter way still (`renderAgain`):
/// when what other files show of those pages (address, template, navigation entry) stays
/// the same, nothing else is looked at.
///
/// Either way the whole output is link-checked (only changed pages again when that gives the
/// same), and the diagnostics are whole: each piece's own are kept apart (`BuildMemory`), so
/// a changed piece's are replaced and every other's are kept.
package final class IncrementalBuild: @unchecked Sendable {
    /// How the latest build was made.
    package enum Kind: Sendable, Equatable {
        /// Everything built again.
        case full
        /// Only these pages rendered again (paths inside the content folder); none when the
        /// change was to files no build reads (hidden ones, an editor's swap file).
        case pages([String])
        /// The parts a change reached loaded again, and these pages (paths inside the content
        /// folder) and render units rendered again.
        case pieces(pages: [String], units: [RenderUnit])
    }

    package let options: BuildOptions
    /// The latest build, as `SiteBuild.render` hands it back.
    package private(set) var rendered: SiteBuild.Rendered
    package private(set) var kind: Kind = .full

    /// Every file of the latest build, also when it failed (`rendered` then has none).
    package var heldFiles: [OutputFile] { memory.files }

    /// The files the latest build rendered again when it was not `.full`: every other file
    /// is the one the build before it had.
    package private(set) var renderedAgain: [OutputFile] = []
    /// The papers and annual updates (paths inside the content folder) the latest build
    /// prepared again: their layouts, markdown and Word files; the others' were kept.
    package var papersPreparedAgain: [String] { memory.keptPapers.preparedLast }
    /// True when the latest build has the files of the build before it, at the same paths
    /// (only `renderedAgain` differ); false after a full build.
    package private(set) var samePaths = false

    private var memory: BuildMemory
    /// The index in `site.pages` of each page, by path inside the content folder.
    private var pageIndex: [String: Int] = [:]
    /// The index in `memory.files` of each page's file, by its index in `site.pages`.
    private var fileIndex: [Int: Int] = [:]

    /// Builds everything once.
    package init(_ options: BuildOptions) {
        self.options = options
        memory = BuildMemory()
        rendered = SiteBuild.render(options, memory: memory)
        indexPages()
    }

    /// Brings the build up to date with changed files (absolute paths, as the watcher gives
    /// them) and returns how it was done.
    @discardableResult
    package func update(added: Set<String>, removed: Set<String>, modified: Set<String>) -> Kind {
        renderedAgain = []
        samePaths = false
        let changes = options.exemptOutput == nil ? sortChanges(added: added, removed: removed, modified: modified) : nil
        if let changes, let pages = editedPages(changes), renderAgain(pages) {
            // Every page keeps its place: the indexes stand.
            kind = .pages(pages)
            samePaths = true
            return kind
        } else if let changes, let pieces = renderPieces(changes) {
            kind = pieces
        } else {
            // Charts are drawn from their whole text: the drawings stand whatever changed.
            let drawnCharts = memory.drawnCharts
            memory = BuildMemory()
            memory.drawnCharts = drawnCharts
            rendered = SiteBuild.render(options, memory: memory)
            kind = .full
        }
        indexPages()
        return kind
    }

    private func indexPages() {
        pageIndex = Dictionary((memory.site?.pages ?? []).enumerated().map { ($1.source.file.relativePath, $0) },
                               uniquingKeysWith: { first, _ in first })
        fileIndex = [:]
        var next = 0
        for index in memory.pageFiles.indices where memory.pageFiles[index] != nil {
            fileIndex[index] = next
            next += 1
        }
    }

    // MARK: The text of pages

    /// The pages (paths inside the content folder) whose text alone changed, edited in place,
    /// or nil when the change may reach further than those pages (a template, another file, a
    /// file added or removed).
    private func editedPages(_ changes: Changes) -> [String]? {
        guard memory.site != nil, changes.templates.isEmpty,
              changes.content.allSatisfy({ pageIndex[$0] != nil && !changes.addedOrRemoved.contains($0) })
        else { return nil }
        return changes.content.sorted()
    }

    /// Reads and renders `paths` again; false when a page no longer reads as a page, or what
    /// other files show of it changed: then more is to be done. The pages, the folder's files
    /// and the output are changed in place: at ten thousand pages, copying any of them would
    /// cost more than the page's render.
    private func renderAgain(_ paths: [String]) -> Bool {
        guard memory.content != nil, memory.site != nil, let renderer = memory.pageRenderer else { return false }
        // A page as it was, read where it is (a reference to the array held here would make
        // replacing one page copy them all).
        func previous(_ index: Int) -> Page { memory.site!.parts.pages[index] }
        var timings = BuildTimings()
        var readLogs: [String: [Diagnostic]] = [:]
        var loaded: [(index: Int, page: Page, log: DiagnosticLog)] = []
        let read = BuildTimings.measure(&timings.load) {
            guard memory.content!.update(Set(paths), logs: &readLogs) else {
                // Half-changed: the way for any change must not take it (it builds everything).
                memory.content = nil
                return false
            }
            for path in paths {
                var log = DiagnosticLog()
                let index = pageIndex[path]!
                guard let file = memory.content!.file(path), let page = Page.load(file, log: &log),
                      page.outputPath == previous(index).outputPath, page.template == previous(index).template,
                      memory.pageFiles[index] != nil
                else { return false }
                loaded.append((index, page, log))
            }
            return true
        }
        guard read else { return false }
        // The navigation is made from the entries of the pages it shows alone: only the
        // changed pages' can differ (the title of a page it does not show is the page's own).
        typealias Entry = SiteRenderer.NavigationEntry
        guard loaded.allSatisfy({ index, page, _ in
            !Entry.isShown(page) && !Entry.isShown(previous(index)) || Entry(page) == Entry(previous(index))
        })
        else { return false }
        let results = BuildTimings.measure(&timings.render) { renderer.render(loaded.map(\.page)) }
        guard results.allSatisfy({ $0.file != nil }) else { return false }

        // Only `memory` holds the pages and the files now: each is replaced where it is.
        rendered = SiteBuild.Rendered(files: [], exempt: [], report: rendered.report)
        guard var site = memory.site.take() else { return false }
        for ((index, page, loadLog), result) in zip(loaded, results) {
            let path = page.source.file.relativePath
            site.replacePage(at: index, with: page)
            memory.pageFiles[index] = result.file
            // The pages come first in the output, in page order (`SiteRenderer.render`); each
            // page changed had a file and has one, so every file keeps its place.
            memory.files[fileIndex[index]!] = result.file!
            memory.readDiagnostics.replace(readLogs[path] ?? [], for: path)
            memory.loadRecord.pageDiagnostics.replace(loadLog.entries, for: path)
            memory.pageRenderDiagnostics[path] = result.log.entries.isEmpty ? nil : result.log.entries
        }
        memory.site = site
        renderedAgain = results.compactMap(\.file)
        finish(changed: Set(renderedAgain.map(\.path.value)), samePaths: true, site: site, timings: timings)
        return true
    }

    // MARK: Any other change

    /// The files a change touched, inside the content folder and the templates folder.
    private struct Changes {
        var content: Set<String> = []
        /// Those of `content` added or removed rather than edited in place.
        var addedOrRemoved: Set<String> = []
        /// Edited templates, by name.
        var templates: Set<String> = []
    }

    /// Loads again the parts of the site a change reaches and renders again the pages and
    /// units that read them; nil when everything is to be built again.
    private func renderPieces(_ changes: Changes) -> Kind? {
        guard let previousNavigation = memory.sharedNavigation else { return nil }
        var timings = BuildTimings()
        guard let (site, changedParts, templates) = BuildTimings.measure(&timings.load, { loadAgain(changes) })
        else { return nil }
        // Every template that takes in a changed one (a page extending `base` when a partial of it changed).
        let affectedTemplates = changes.templates.isEmpty
            ? [] : templates.names.filter { !templates.takenIn(by: [$0]).isDisjoint(with: changes.templates) }

        var renderer = SiteRenderer(site: site, templates: templates, asOf: site.asOf)
        renderer.printer = try? options.printer(asOf: site.asOf)
        renderer.rasteriser = options.chartRasteriser
        renderer.keptPapers = memory.keptPapers
        renderer.keptDrawings = memory.drawnCharts
        // What every page shows of the rest of the site: when it changed, everything renders again.
        let navigationChanged = renderer.context.sharedNavigation != previousNavigation
        func reaches(_ record: RenderUnit.Record?) -> Bool {
            guard let record else { return true }
            return navigationChanged || !record.reads.isDisjoint(with: changedParts)
                || !record.templates.isDisjoint(with: affectedTemplates)
        }
        let micrositeChanged = reaches(memory.units[.microsite])
        var units = memory.units
        var unitsAgain = RenderUnit.allCases.filter { $0 != .microsite && reaches(memory.units[$0]) }
        // Of the papers, only those whose own file, or what preparing them read, changed are prepared again.
        memory.keptPapers.again = navigationChanged ? nil : Set(memory.keptPapers.papers.filter { path, paper in
            changes.content.contains(path) || !paper.reads.isDisjoint(with: changedParts)
                || !paper.templates.isDisjoint(with: affectedTemplates)
        }.keys)

        // The pages' renderer: made again when what it shares with every page may have changed.
        guard let pageRenderer = BuildTimings.measure(&timings.render, { () -> MarkdownPageRenderer? in
            guard micrositeChanged || !changes.templates.isEmpty || memory.pageRenderer == nil else { return memory.pageRenderer }
            let microsite = MicrositeUnit(renderer, recording: true)
            if micrositeChanged {
                units[.microsite] = microsite.render().record
                unitsAgain.insert(.microsite, at: 0)
            }
            return MarkdownPageRenderer(context: microsite.pagesContext, values: microsite.renderer.sharedValues)
        }) else { return nil }

        let previousFiles = Dictionary(zip((memory.site?.pages ?? []).map(\.source.file.relativePath), memory.pageFiles),
                                       uniquingKeysWith: { first, _ in first })
        // A page shows the microsite's values only through names its template looks up.
        let sharedNames = pageRenderer.sharedValueNames.union(memory.pageRenderer?.sharedValueNames ?? [])
        var showsShared: [String: Bool] = [:]
        for template in Set(site.pages.map(\.template)) where micrositeChanged {
            showsShared[template] = !templates.valueNames(usedBy: template).isDisjoint(with: sharedNames)
        }
        let pagesAgain = site.pages.indices.filter { index in
            let page = site.pages[index], path = page.source.file.relativePath
            return navigationChanged || changes.content.contains(path) || showsShared[page.template] == true
                || affectedTemplates.contains(page.template) || previousFiles[path] == nil
        }

        // The pages and the units, alongside each other as in a full build.
        let (pageResults, unitRecords) = BuildTimings.measure(&timings.render) {
            Concurrently.run({
                ParallelMap.mapBatches(pagesAgain.map { site.pages[$0] }, size: MarkdownDocument.batchSize) {
                    pageRenderer.render($0)
                }
            }, alongside: { [unitsAgain, renderer] in
                var records: [RenderUnit: RenderUnit.Record] = [:]
                var ignored = DiagnosticLog()
                for unit in unitsAgain where unit != .microsite {
                    _ = renderer.rendering(unit, recording: true, into: &records, log: &ignored)
                }
                return records
            })
        }
        units.merge(unitRecords) { $1 }

        // Each page's file: rendered again, or as it was.
        let again = Dictionary(zip(pagesAgain, pageResults), uniquingKeysWith: { first, _ in first })
        var pageFiles: [OutputFile?] = []
        var pageDiagnostics: [String: [Diagnostic]] = [:]
        for (index, page) in site.pages.enumerated() {
            let path = page.source.file.relativePath
            if let (file, log) = again[index] {
                pageFiles.append(file)
                if !log.entries.isEmpty { pageDiagnostics[path] = log.entries }
            } else {
                pageFiles.append(previousFiles[path] ?? nil)
                pageDiagnostics[path] = memory.pageRenderDiagnostics[path]
            }
        }
        let files = pageFiles.compactMap { $0 } + RenderUnit.afterPages.flatMap { units[$0]?.files ?? [] }
            + (units[.staticFiles]?.files ?? [])
        let sitemap = assemble(files, renderer: renderer)

        memory.site = site
        memory.templates = templates
        memory.sharedNavigation = renderer.context.sharedNavigation
        memory.pageRenderer = pageRenderer
        memory.pageFiles = pageFiles
        memory.pageRenderDiagnostics = pageDiagnostics
        memory.units = units
        memory.files = files + sitemap
        renderedAgain = pageResults.compactMap(\.file) + unitsAgain.flatMap { units[$0]?.files ?? [] } + (samePaths ? [] : sitemap)
        // A template's links are reported at its lines: when one changed, every page is checked again.
        finish(changed: changes.templates.isEmpty ? Set(renderedAgain.map(\.path.value)) : nil, samePaths: samePaths,
               site: site, timings: timings)
        return .pieces(pages: pagesAgain.map { site.pages[$0].source.file.relativePath }, units: unitsAgain)
    }

    /// The changed files (absolute paths, as the watcher gives them) inside the content and
    /// templates folders; nil when one may change everything: outside both, or in the
    /// templates folder anything but an edit of an existing template (a new template, an
    /// asset, the Word reference document).
    private func sortChanges(added: Set<String>, removed: Set<String>, modified: Set<String>) -> Changes? {
        guard let templates = memory.templates else { return nil }
        let contentRoot = options.content.standardizedFileURL.path + "/"
        let templatesRoot = options.templates.standardizedFileURL.path + "/"
        var changes = Changes()
        for path in added.union(removed).union(modified) {
            if path.hasPrefix(templatesRoot) {
                let relative = String(path.dropFirst(templatesRoot.count))
                if Self.isHidden(relative) { continue }
                let name = String(relative.dropLast(".mustache".count))
                guard modified.contains(path), !added.contains(path), !removed.contains(path),
                      relative.hasSuffix(".mustache"), templates.names.contains(name)
                else { return nil }
                changes.templates.insert(name)
            } else if path.hasPrefix(contentRoot) {
                let relative = String(path.dropFirst(contentRoot.count))
                // Hidden files are never read by a build.
                guard !Self.isHidden(relative) else { continue }
                changes.content.insert(relative)
                if added.contains(path) || removed.contains(path) || !modified.contains(path) {
                    changes.addedOrRemoved.insert(relative)
                }
            } else {
                return nil
            }
        }
        return changes
    }

    /// The load stage again for `changes`: the files changed read, the parts of the site that
    /// read them loaded, the templates when one changed. Gives the site, the parts that may
    /// differ and the templates; nil when everything is to be built again (the settings
    /// changed, a file is not a plain one, a template no longer parses).
    private func loadAgain(_ changes: Changes) -> (Site, Set<SitePart>, TemplateLibrary)? {
        guard memory.content != nil, let site = memory.site, var templates = memory.templates else { return nil }
        var readLogs: [String: [Diagnostic]] = [:]
        // In place: when this fails, everything is built again, with a new memory.
        guard memory.content!.update(changes.content, logs: &readLogs), let updated = memory.content,
              let (site, parts) = site.reloaded(updated, changed: changes.content, record: memory.loadRecord)
        else { return nil }
        if !changes.templates.isEmpty {
            var templateLog = DiagnosticLog()
            let loaded = SiteBuild.loadTemplates(options, log: &templateLog)
            // A template that no longer parses is one less: everything again, which reports it.
            guard loaded.names == templates.names else { return nil }
            templates = loaded
            memory.templateDiagnostics = templateLog.entries
        }
        memory.readDiagnostics.keep(only: Set(updated.textPaths))
        for path in changes.content { memory.readDiagnostics.replace(readLogs[path] ?? [], for: path) }
        return (site, parts, templates)
    }

    /// The sitemap of `files`, with collisions between them reported. It lists the output's
    /// paths alone: the same paths as the last build's, with no collision between them, give
    /// the same sitemap and no collision (`samePaths`).
    private func assemble(_ files: [OutputFile], renderer: SiteRenderer) -> [OutputFile] {
        let previousPaths = memory.files.dropLast(memory.sitemap.count).lazy.map(\.path.value)
        samePaths = memory.assemblyDiagnostics.isEmpty && files.lazy.map(\.path.value).elementsEqual(previousPaths)
        guard !samePaths else { return memory.sitemap }
        var ignored = DiagnosticLog()
        return renderer.assembled(files, memory: memory, log: &ignored)
    }

    // MARK: Both ways

    /// The diagnostics from the pieces kept, the link check (of the `changed` files alone
    /// when that gives the same; of every page when nil) and the report.
    private func finish(changed: Set<String>?, samePaths: Bool = false, site: Site, timings: BuildTimings) {
        var timings = timings
        var log = DiagnosticLog(memory.pieceDiagnostics)
        memory.beforeLinkCheck = log.entries
        var external: [ExternalLink] = []
        if log.hasErrors {
            // As a full build, no link check while there are errors; the kept one is then out of date.
            memory.linkCheck.forget()
        } else if let templates = memory.templates {
            external = BuildTimings.measure(&timings.checkLinks) {
                SiteBuild.checkLinks(memory.files, exempt: [], templates: templates, site: site, options: options,
                                     kept: memory.linkCheck, changed: changed ?? [], recheckAll: changed == nil,
                                     samePaths: samePaths, log: &log)
            }
        }
        let pageCount = samePaths ? rendered.report.pageCount : memory.files.count { $0.path.value.hasSuffix(".html") }
        var report = BuildReport(diagnostics: log.sorted, pageCount: pageCount, fileCount: 0, wrote: false, strict: options.strict)
        report.asOf = site.asOf
        report.timings = timings
        report.externalLinks = external
        rendered = SiteBuild.Rendered(files: report.failed ? [] : memory.files, exempt: [], report: report)
    }

    /// True when a path inside a folder names a hidden file or folder, which no build reads.
    private static func isHidden(_ relative: String) -> Bool {
        relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

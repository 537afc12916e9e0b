import Foundation
import QuorumContent
import QuorumSupport

/// The build `quorum serve` keeps in memory and brings up to date after each change, doing
/// as little as gives exactly what a fresh full build of the same folders would.
///
/// The common edit, the text of markdown pages, re-reads and renders only those pages, when
/// what other files show of a page (its address, its template, its place and name in the
/// navigation and the footer, `SiteRenderer.navigation`) stays the same: the pages share
/// nothing else of each other. Every other change (a page added, removed or renamed, a paper,
/// a snapshot, `site.yaml`, a template) builds everything again. Either way the whole output
/// is link-checked, and the diagnostics are whole: each content file's own are kept apart
/// (`DiagnosticsByFile`), so a changed page's are replaced and every other file's are kept.
package final class IncrementalBuild: @unchecked Sendable {
    /// How the latest build was made.
    package enum Kind: Sendable, Equatable {
        /// Everything built again.
        case full
        /// Only these pages rendered again (paths inside the content folder); none when the
        /// change was to files no build reads (hidden ones, an editor's swap file).
        case pages([String])
    }

    package let options: BuildOptions
    /// The latest build, as `SiteBuild.render` hands it back.
    package private(set) var rendered: SiteBuild.Rendered
    package private(set) var kind: Kind = .full

    /// Every file of the latest build, also when it failed (`rendered` then has none).
    package var heldFiles: [OutputFile] { memory.files }

    /// The files the latest build rendered again when it was `.pages`: every other file is
    /// the one the build before it had.
    package private(set) var renderedAgain: [OutputFile] = []

    private var memory: BuildMemory
    /// Each content file's own diagnostics (reading, loading and rendering it), by path inside the folder.
    private var fileDiagnostics: [String: [Diagnostic]] = [:]
    /// The diagnostics before the link check that no single file's own are.
    private var otherDiagnostics: [Diagnostic] = []
    /// The index in `site.pages` of each page, by path inside the content folder.
    private var pageIndex: [String: Int] = [:]
    /// The index in `memory.files` of each page's file, by its index in `site.pages`.
    private var fileIndex: [Int: Int] = [:]

    /// Builds everything once.
    package init(_ options: BuildOptions) {
        self.options = options
        memory = BuildMemory()
        rendered = SiteBuild.render(options, memory: memory)
        remember()
    }

    /// Brings the build up to date with changed files (absolute paths, as the watcher gives
    /// them) and returns how it was done.
    @discardableResult
    package func update(added: Set<String>, removed: Set<String>, modified: Set<String>) -> Kind {
        renderedAgain = []
        if let pages = changedPages(added: added, removed: removed, modified: modified), renderAgain(pages) {
            kind = .pages(pages)
        } else {
            memory = BuildMemory()
            rendered = SiteBuild.render(options, memory: memory)
            remember()
            kind = .full
        }
        return kind
    }

    /// Takes the diagnostics of a full build apart: each file's own, and the rest.
    private func remember() {
        fileDiagnostics = memory.diagnosticsByFile.all
        var owned: [Diagnostic: Int] = [:]
        for diagnostic in fileDiagnostics.values.joined() { owned[diagnostic, default: 0] += 1 }
        otherDiagnostics = memory.beforeLinkCheck.filter { diagnostic in
            guard let count = owned[diagnostic], count > 0 else { return true }
            owned[diagnostic] = count - 1
            return false
        }
        pageIndex = Dictionary((memory.site?.pages ?? []).enumerated().map { ($1.source.file.relativePath, $0) },
                               uniquingKeysWith: { first, _ in first })
        fileIndex = [:]
        var next = 0
        for index in memory.pageFiles.indices where memory.pageFiles[index] != nil {
            fileIndex[index] = next
            next += 1
        }
    }

    /// The pages (paths inside the content folder) whose text alone changed, or nil when the
    /// change may reach further than those pages.
    private func changedPages(added: Set<String>, removed: Set<String>, modified: Set<String>) -> [String]? {
        guard options.exemptOutput == nil, memory.site != nil else { return nil }
        let content = options.content.standardizedFileURL.path + "/"
        let templates = options.templates.standardizedFileURL.path + "/"
        var pages: Set<String> = []
        for path in added.union(removed).union(modified) {
            // Anything in the templates folder, or outside the content folder, may change every page.
            guard path.hasPrefix(content), !path.hasPrefix(templates) else { return nil }
            let relative = String(path.dropFirst(content.count))
            // Hidden files are never read by a build.
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard modified.contains(path), !added.contains(path), !removed.contains(path),
                  pageIndex[relative] != nil
            else { return nil }
            pages.insert(relative)
        }
        return pages.sorted()
    }

    /// Reads and renders `paths` again; false (nothing changed) when a page no longer reads
    /// as a page, or what other files show of it changed: then everything is built again.
    private func renderAgain(_ paths: [String]) -> Bool {
        guard let content = memory.content, let site = memory.site, let renderer = memory.pageRenderer,
              let templates = memory.templates
        else { return false }
        var timings = BuildTimings()
        var pages = site.pages
        var readLogs: [DiagnosticLog] = []
        let read = BuildTimings.measure(&timings.load) {
            for path in paths {
                var log = DiagnosticLog()
                let index = pageIndex[path]!
                guard let file = content.reread(path, log: &log), let page = Page.load(file, log: &log),
                      page.outputPath == pages[index].outputPath, page.template == pages[index].template,
                      memory.pageFiles[index] != nil
                else { return false }
                pages[index] = page
                readLogs.append(log)
            }
            return true
        }
        guard read else { return false }
        let changed = paths.map { pageIndex[$0]! }
        // The navigation is made from each page's entry alone: only the changed pages' can differ.
        guard changed.allSatisfy({ SiteRenderer.NavigationEntry(pages[$0]) == SiteRenderer.NavigationEntry(site.pages[$0]) })
        else { return false }
        let results = BuildTimings.measure(&timings.render) { renderer.render(changed.map { pages[$0] }) }
        guard results.allSatisfy({ $0.file != nil }) else { return false }

        for ((path, index), (readLog, result)) in zip(zip(paths, changed), zip(readLogs, results)) {
            memory.pageFiles[index] = result.file
            fileDiagnostics[path] = readLog.entries + result.log.entries
            if fileDiagnostics[path]!.isEmpty { fileDiagnostics[path] = nil }
        }
        renderedAgain = results.compactMap(\.file)
        let updated = site.replacingPages(pages)
        memory.site = updated
        // The pages come first in the output, in page order (`SiteRenderer.render`); each
        // page changed had a file and has one, so every file keeps its place.
        for (index, result) in zip(changed, results) {
            memory.files[fileIndex[index]!] = result.file!
        }

        var log = DiagnosticLog(otherDiagnostics + fileDiagnostics.values.joined())
        memory.beforeLinkCheck = log.entries
        var external: [ExternalLink] = []
        if log.hasErrors {
            // As a full build, no link check while there are errors; the kept one is then out of date.
            memory.linkCheck.forget()
        } else {
            let changedFiles = Set(results.compactMap { $0.file?.path.value })
            external = BuildTimings.measure(&timings.checkLinks) {
                SiteBuild.checkLinks(memory.files, exempt: [], templates: templates, site: updated, options: options,
                                     kept: memory.linkCheck, changed: changedFiles, log: &log)
            }
        }
        var report = BuildReport(diagnostics: log.sorted, pageCount: memory.files.count { $0.path.value.hasSuffix(".html") },
                                 fileCount: 0, wrote: false, strict: options.strict)
        report.asOf = updated.asOf
        report.timings = timings
        report.externalLinks = external
        rendered = SiteBuild.Rendered(files: report.failed ? [] : memory.files, exempt: [], report: report)
        return true
    }

}

extension Site {
    /// The same site with other pages (a copy, so that nothing else can be forgotten).
    fileprivate func replacingPages(_ pages: [Page]) -> Site {
        var site = self
        site.pages = pages
        return site
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// The whole pipeline: load -> validate -> analyse -> render -> check links -> write.
///
/// `check` runs every stage but the last; `build` writes only when nothing failed, so a
/// broken input (a broken link included) never replaces a good site. `render` stops
/// before writing and hands back the files, for `quorum serve`.
package enum SiteBuild {
    /// A build held in memory: its files (when it did not fail) and its report.
    package struct Rendered: Sendable {
        package let files: [OutputFile]
        /// Exempt papers, rendered only when `exemptOutput` asks for them.
        package let exempt: [OutputFile]
        package let report: BuildReport
    }

    package static func check(_ options: BuildOptions, progress: BuildProgress? = nil) -> BuildReport {
        render(options, progress: progress).report
    }

    package static func build(_ options: BuildOptions, progress: BuildProgress? = nil) -> BuildReport {
        let rendered = render(options, progress: progress)
        var report = rendered.report
        guard !report.failed else { return report }
        progress?(.writing)
        var timings = report.timings
        // The public site first, then the exempt papers: each folder is replaced whole or
        // not at all, and a failure says which of the two was changed.
        let (written, failure): (Bool, Diagnostic?) = BuildTimings.measure(&timings.write) {
            do {
                try OutputFolder(options.output, force: options.force).replace(with: rendered.files)
            } catch {
                let note = options.exemptOutput.map { "; \(BuildOptions.display($0)) was not changed either" } ?? ""
                return (false, .error(SourceLocation(path: BuildOptions.display(options.output)),
                                      "\(error); \(BuildOptions.display(options.output)) was not changed\(note)", code: "write-failed"))
            }
            guard let folder = options.exemptOutput else { return (true, nil) }
            do {
                try OutputFolder(folder, force: options.force).replace(with: rendered.exempt)
                return (true, nil)
            } catch {
                return (true, .error(SourceLocation(path: BuildOptions.display(folder)),
                                     "\(error); \(BuildOptions.display(folder)) was not changed, but the public site in "
                                         + "\(BuildOptions.display(options.output)) was replaced", code: "write-failed"))
            }
        }
        report = BuildReport(
            diagnostics: DiagnosticLog(report.diagnostics + (failure.map { [$0] } ?? [])).sorted,
            pageCount: report.pageCount, fileCount: written ? rendered.files.count : 0,
            wrote: written, strict: options.strict
        )
        report.asOf = rendered.report.asOf
        report.timings = timings
        report.externalLinks = rendered.report.externalLinks
        return report
    }

    /// The load stage: the content folder, the templates, and the site read from them as at
    /// the build's date. `memory`, when given, keeps what each piece read and said.
    static func load(_ options: BuildOptions, memory: BuildMemory? = nil,
                     log: inout DiagnosticLog) -> (ContentFolder, TemplateLibrary, Site) {
        var folderLog = DiagnosticLog()
        let content = ContentFolder.read(options.content, displayRoot: BuildOptions.display(options.content),
                                         byFile: memory?.readDiagnostics, log: &folderLog)
        log.append(contentsOf: folderLog)
        var templateLog = DiagnosticLog()
        let templates = loadTemplates(options, log: &templateLog)
        log.append(contentsOf: templateLog)
        if let memory {
            memory.folderDiagnostics = folderLog.entries.removing(Array(memory.readDiagnostics.all.values.joined()))
            memory.templateDiagnostics = templateLog.entries
        }
        return (content, templates, Site.load(content, asOf: options.effectiveAsOf, record: memory?.loadRecord, log: &log))
    }

    static func loadTemplates(_ options: BuildOptions, log: inout DiagnosticLog) -> TemplateLibrary {
        TemplateLibrary.load(options.templates, displayRoot: BuildOptions.display(options.templates), log: &log)
    }

    /// Load, validate, analyse, render and check links, in memory. `files` is empty when
    /// the build failed. `memory`, when given, keeps what `quorum serve` needs to render a
    /// changed page again (`IncrementalBuild`).
    package static func render(_ options: BuildOptions, progress: BuildProgress? = nil, memory: BuildMemory? = nil) -> Rendered {
        var log = DiagnosticLog()
        var timings = BuildTimings()
        if let folder = options.exemptOutput, let problem = ExemptFolder.problem(folder, publicOutput: options.output) {
            log.error(SourceLocation(path: BuildOptions.display(folder)), problem, code: "exempt-output")
        }
        // Without the browser `--pdf` asks for, nothing is worth loading: say so at once.
        do {
            _ = try options.printer(asOf: options.asOf)
        } catch {
            log.report(error.diagnostic)
            return Rendered(files: [], exempt: [], report: BuildReport(diagnostics: log.sorted, pageCount: 0, fileCount: 0,
                                                                       wrote: false, strict: options.strict))
        }
        progress?(.loading)
        let (templates, site) = BuildTimings.measure(&timings.load) {
            let (content, templates, site) = load(options, memory: memory, log: &log)
            // Only the preview keeps the folder's texts past loading (a snapshot's, say).
            memory?.content = content
            return (templates, site)
        }
        progress?(.rendering)
        var renderer = SiteRenderer(site: site, templates: templates, asOf: site.asOf)
        renderer.printer = try? options.printer(asOf: site.asOf)
        renderer.rasteriser = options.chartRasteriser
        renderer.keptPapers = memory?.keptPapers
        renderer.keptDrawings = memory?.drawnCharts
        let (files, exempt) = BuildTimings.measure(&timings.render) {
            // Exempt papers are only rendered on explicit request, so their text is never in memory otherwise.
            (renderer.render(log: &log, memory: memory), options.exemptOutput == nil ? [] : renderer.renderExempt(log: &log))
        }
        if let memory {
            memory.site = site
            memory.templates = templates
            memory.sharedNavigation = renderer.context.sharedNavigation
            memory.files = files
            memory.beforeLinkCheck = log.entries
        }
        // Links are checked once everything else is clean: a page left out because of an
        // error would otherwise also show up as a broken link in every page that links to it.
        var external: [ExternalLink] = []
        if !log.hasErrors {
            progress?(.checkingLinks)
            external = BuildTimings.measure(&timings.checkLinks) {
                checkLinks(files, exempt: exempt, templates: templates, site: site, options: options,
                           kept: memory?.linkCheck, log: &log)
            }
        }
        let pages = files.count { $0.path.value.hasSuffix(".html") }
        var report = BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
        report.asOf = site.asOf
        report.timings = timings
        report.externalLinks = external
        return Rendered(files: report.failed ? [] : files, exempt: report.failed ? [] : exempt, report: report)
    }

    /// The link-check stage over the whole output; returns the external links. With `kept`,
    /// each page's findings are kept there, and only the `changed` pages are checked again
    /// when that gives the same as checking all (see `KeptLinkCheck`).
    static func checkLinks(_ files: [OutputFile], exempt: [OutputFile], templates: TemplateLibrary, site: Site,
                           options: BuildOptions, kept: KeptLinkCheck? = nil, changed: Set<String>? = nil,
                           recheckAll: Bool = false, samePaths: Bool = false, log: inout DiagnosticLog) -> [ExternalLink] {
        let texts = Dictionary(uniqueKeysWithValues: templates.texts.map { (templates.displayPath($0.key), $0.value) })
        if let folder = options.exemptOutput {
            // The exempt folder stands alone: its links must resolve inside it.
            _ = LinkChecker(files: exempt, baseURL: "", templates: texts,
                            outputDisplay: BuildOptions.display(folder)).check(log: &log)
        }
        let checker = LinkChecker(files: files, baseURL: site.config.baseURL, templates: texts,
                                  outputDisplay: BuildOptions.display(options.output))
        guard let kept else { return checker.check(log: &log) }
        guard let changed, !recheckAll else { return kept.checkAll(checker, log: &log) }
        return kept.recheck(changed, checker, samePaths: samePaths, log: &log)
    }
}

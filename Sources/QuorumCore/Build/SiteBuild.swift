import Foundation

/// The whole pipeline: load -> validate -> analyse -> render -> write.
///
/// `check` runs every stage but the last; `build` writes only when nothing failed, so a
/// broken input never replaces a good site.
public enum SiteBuild {
    public static func check(_ options: BuildOptions) -> BuildReport {
        let (_, _, pages, log) = renderAll(options)
        return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
    }

    public static func build(_ options: BuildOptions) -> BuildReport {
        var (files, exempt, pages, log) = renderAll(options)
        let failed = log.hasErrors || (options.strict && log.warningCount > 0)
        guard !failed else {
            return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
        }
        do {
            try OutputFolder(options.output).replace(with: files)
            if let folder = options.exemptOutput {
                try OutputFolder(folder).replace(with: exempt)
            }
        } catch {
            log.error(SourceLocation(path: BuildOptions.display(options.output)), "\(error)", code: "write-failed")
            return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
        }
        return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: files.count, wrote: true, strict: options.strict)
    }

    /// Load, validate, analyse and render in memory.
    static func renderAll(_ options: BuildOptions) -> (files: [OutputFile], exempt: [OutputFile], pages: Int, log: DiagnosticLog) {
        var log = DiagnosticLog()
        if let folder = options.exemptOutput, let problem = ExemptFolder.problem(folder, publicOutput: options.output) {
            log.error(SourceLocation(path: BuildOptions.display(folder)), problem, code: "exempt-output")
        }
        let content = ContentFolder.read(options.content, displayRoot: BuildOptions.display(options.content), log: &log)
        let templates = TemplateLibrary.load(options.templates, displayRoot: BuildOptions.display(options.templates), log: &log)
        let site = Site.load(content, asOf: options.effectiveAsOf, log: &log)
        let renderer = SiteRenderer(site: site, templates: templates, asOf: site.asOf)
        let files = renderer.render(log: &log)
        // Exempt papers are only rendered on explicit request, so their text is never in memory otherwise.
        let exempt = options.exemptOutput == nil ? [] : renderer.renderExempt(log: &log)
        let pages = files.count { $0.path.value.hasSuffix(".html") }
        return (files, exempt, pages, log)
    }
}

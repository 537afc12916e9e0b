import Foundation

/// The whole pipeline: load -> validate -> analyse -> render -> write.
///
/// `check` runs every stage but the last; `build` writes only when nothing failed, so a
/// broken input never replaces a good site.
public enum SiteBuild {
    public static func check(_ options: BuildOptions) -> BuildReport {
        let (files, pages, log) = renderAll(options)
        _ = files
        return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
    }

    public static func build(_ options: BuildOptions) -> BuildReport {
        var (files, pages, log) = renderAll(options)
        let failed = log.hasErrors || (options.strict && log.warningCount > 0)
        guard !failed else {
            return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
        }
        do {
            try OutputFolder(options.output).replace(with: files)
        } catch {
            log.error(SourceLocation(path: BuildOptions.display(options.output)), "\(error)", code: "write-failed")
            return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: 0, wrote: false, strict: options.strict)
        }
        return BuildReport(diagnostics: log.sorted, pageCount: pages, fileCount: files.count, wrote: true, strict: options.strict)
    }

    /// Load, validate, analyse and render in memory.
    static func renderAll(_ options: BuildOptions) -> (files: [OutputFile], pages: Int, log: DiagnosticLog) {
        var log = DiagnosticLog()
        let content = ContentFolder.read(options.content, displayRoot: BuildOptions.display(options.content), log: &log)
        let templates = TemplateLibrary.load(options.templates, displayRoot: BuildOptions.display(options.templates), log: &log)
        let site = Site.load(content, log: &log)
        let files = SiteRenderer(site: site, templates: templates, asOf: options.effectiveAsOf(site.config)).render(log: &log)
        let pages = files.count { $0.path.value.hasSuffix(".html") }
        return (files, pages, log)
    }
}

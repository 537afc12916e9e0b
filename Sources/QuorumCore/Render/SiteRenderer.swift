import Foundation

/// The render stage: turns a loaded site into output files, in memory.
public struct SiteRenderer {
    public let site: Site
    public let context: RenderContext

    public init(site: Site, templates: TemplateLibrary, asOf: CalendarDate) {
        self.site = site
        let menu = site.pages.filter { $0.menuOrder != nil }
            .sorted { ($0.menuOrder!, $0.title) < ($1.menuOrder!, $1.title) }
            .map { (title: $0.menuTitle, path: $0.outputPath) }
        context = RenderContext(templates: templates, config: site.config, asOf: asOf, menu: menu)
    }

    public func render(log: inout DiagnosticLog) -> [OutputFile] {
        var files = renderPages(log: &log)
        for asset in context.templates.assets {
            files.append(OutputFile(path: OutputPath(asset.path)!, contents: .copy(asset.url)))
        }
        for media in site.media {
            files.append(OutputFile(path: OutputPath(media.path)!, contents: .copy(media.url)))
        }
        return files
    }

    /// The markdown pages. Markdown is the expensive part and each page is independent:
    /// render on every core, then keep page order so the output never depends on timing.
    func renderPages(log: inout DiagnosticLog) -> [OutputFile] {
        let bodies = ParallelMap.map(site.pages) { MarkdownDocument.rendered($0.source.body) }
        return zip(site.pages, bodies).compactMap { page, body in
            context.page(page.template, at: page.outputPath, title: page.title, description: page.description,
                         content: body.html, source: page.source.file.location(),
                         links: page.source.sourceLinks(body.links), log: &log)
        }
    }
}

import Foundation

/// The render stage: turns a loaded site into output files, in memory.
public struct SiteRenderer {
    public let site: Site
    public let templates: TemplateLibrary
    public let asOf: CalendarDate

    public init(site: Site, templates: TemplateLibrary, asOf: CalendarDate) {
        self.site = site
        self.templates = templates
        self.asOf = asOf
    }

    public func render(log: inout DiagnosticLog) -> [OutputFile] {
        var files: [OutputFile] = []
        let siteView = SiteView(
            title: site.config.title, council: site.config.council, description: site.config.description,
            language: site.config.language, primaryColour: site.config.primaryColour, logo: site.config.logo,
            asOf: asOf.description, asOfLong: asOf.longForm
        )
        // Markdown is the expensive part and each page is independent: render on every core,
        // then put the results back in page order so the output never depends on timing.
        let pages = site.pages
        let bodies = ParallelMap.map(pages) { MarkdownDocument.html($0.source.body) }
        for (page, body) in zip(pages, bodies) {
            guard let path = OutputPath(page.outputPath) else {
                log.error(page.source.file.location(), "cannot write a page to '\(page.outputPath)'", code: "unsafe-output-path")
                continue
            }
            let navigation = navigation(from: path)
            let view = PageView(
                site: siteView,
                page: PageInfo(title: page.title, description: page.description, url: page.outputPath,
                               canonicalURL: canonicalURL(page.outputPath)),
                root: path.rootPrefix,
                navigation: navigation, hasNavigation: !navigation.isEmpty,
                content: body
            )
            guard let html = templates.render(page.template, view) else {
                log.error(page.source.file.location(),
                          "no template '\(page.template).mustache' in the templates folder", code: "missing-template")
                continue
            }
            files.append(OutputFile(path: path, contents: .text(html)))
        }
        for asset in templates.assets {
            files.append(copy(asset.path, asset.url, log: &log))
        }
        for media in site.media {
            files.append(copy(media.path, media.url, log: &log))
        }
        return files
    }

    private func copy(_ path: String, _ url: URL, log: inout DiagnosticLog) -> OutputFile {
        OutputFile(path: OutputPath(path)!, contents: .copy(url))
    }

    func canonicalURL(_ path: String) -> String? {
        guard !site.config.baseURL.isEmpty else { return nil }
        return site.config.baseURL + "/" + (path == "index.html" ? "" : path)
    }

    /// Pages with a `menu` number, in that order, linked relative to `from`.
    func navigation(from path: OutputPath) -> [NavigationItem] {
        site.pages.filter { $0.menuOrder != nil }
            .sorted { ($0.menuOrder!, $0.title) < ($1.menuOrder!, $1.title) }
            .map { NavigationItem(title: $0.title, url: path.rootPrefix + $0.outputPath, current: $0.outputPath == path.value) }
    }
}

import QuorumSupport

/// `sitemap.xml` and `robots.txt`: every published page's address on the live site, so search
/// engines find the adverts. Both need absolute addresses and are written only with `base_url`.
enum Sitemap {
    /// Pages search engines should not list.
    static let excluded: Set<String> = ["404.html"]
    /// Folders of internal pages, marked `noindex`: the scenario pages beside the dashboard.
    static let excludedFolders = [ScenarioPageRenderer.folder + "/"]

    static func files(for files: [OutputFile], context: RenderContext, log: inout DiagnosticLog) -> [OutputFile] {
        let config = context.config
        guard !config.baseURL.isEmpty else { return [] }
        let urls = files.map(\.path.value).filter { $0.hasSuffix(".html") && !excluded.contains($0)
            && !excludedFolders.contains(where: $0.hasPrefix) }.sorted()
            .compactMap { context.canonicalURL($0) }
        let source = SourceLocation(path: "site.yaml")
        let sitemap = context.page("sitemap", at: "sitemap.xml", title: "", values: ["urls": urls], source: source, log: &log)
        let robots = context.page("robots", at: "robots.txt", title: "",
                                  values: ["sitemapURL": config.baseURL + "/sitemap.xml"], source: source, log: &log)
        return [sitemap, robots].compactMap { $0 }
    }
}

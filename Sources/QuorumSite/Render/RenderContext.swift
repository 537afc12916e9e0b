import Foundation
import QuorumContent
import QuorumSupport

/// What every part of the render stage shares: the templates, the site settings, the
/// as-at date and the navigation. Each kind of content renders its pages through
/// `page(...)`, so every page gets the same layout values.
package struct RenderContext: Sendable {
    package private(set) var templates: TemplateLibrary
    package let config: SiteConfig
    package let asOf: CalendarDate
    /// Main navigation entries: title and path inside the output folder, in order.
    package var menu: [(title: String, path: String)]
    /// Footer links (accessibility statement, privacy notice), likewise.
    package var footer: [(title: String, path: String)] = []
    /// The vacancies feed, linked from every page's head when the site has one.
    package var feed: String?
    /// False in a folder of papers alone (exempt papers, `quorum annual`), where there is no
    /// home page for the site name to link to.
    package var hasHome = true
    /// False where there is no papers index to link to.
    package var hasPapersIndex = true
    /// False for a folder that is not the public site (exempt papers, `quorum annual`): its
    /// pages name no public address (no canonical link, no Open Graph URL).
    package var isPublicSite = true
    /// Links written in content that any page may show (events), for the link checker.
    package var sharedLinks: SharedContentLinks?

    /// The site's values, the same on every page: made once, not for each page.
    package let siteView: SiteView

    /// The same context, noting into `recorder` each template rendered (nil: noting none).
    func recordingTemplates(into recorder: ReadRecorder<String>?) -> RenderContext {
        var context = self
        context.templates = templates.recording(into: recorder)
        return context
    }

    /// What every page shows of the rest of the site: the menu, the footer and the feed.
    /// A change to it renders every page again.
    var sharedNavigation: [String] {
        menu.map { "menu \($0.title) \($0.path)" } + footer.map { "footer \($0.title) \($0.path)" } + [feed ?? ""]
    }

    package init(templates: TemplateLibrary, config: SiteConfig, asOf: CalendarDate,
                 menu: [(title: String, path: String)], footer: [(title: String, path: String)] = [],
                 feed: String? = nil) {
        self.templates = templates
        self.config = config
        self.asOf = asOf
        self.menu = menu
        self.footer = footer
        self.feed = feed
        siteView = SiteView(
            title: config.title, council: config.council, description: config.description,
            language: config.language, primaryColour: config.primaryColour, logo: config.logo,
            asOf: asOf.description, asOfLong: asOf.longForm
        )
    }

    /// Renders one page with `template`. Templates see `site`, `page`, `navigation`,
    /// `hasNavigation`, `root`, `content`, plus the kind's own `values`.
    /// Reports a missing template or an unsafe path at `source` and returns nil.
    /// `links` are the links written in `content`, where they were written, so that the
    /// link checker reports a broken one at its markdown line (see `PageOrigin`).
    package func page(
        _ template: String, at path: String, title: String, description: String = "",
        content: String = "", values: [String: Any] = [:], source: SourceLocation,
        links: [SourceLink] = [], log: inout DiagnosticLog
    ) -> OutputFile? {
        page(template, at: path, text: text(title: title, description: description, path: path, content: content),
             values: values, source: source, links: links, log: &log)
    }

    /// The same, for a page whose text is already put together.
    func page(_ template: String, at path: String, text: PageText, values: [String: Any], source: SourceLocation,
              links: [SourceLink], log: inout DiagnosticLog) -> OutputFile? {
        guard let outputPath = OutputPath(path) else {
            log.error(source, "cannot write a page to '\(path)'", code: "unsafe-output-path")
            return nil
        }
        guard let html = templates.render(template, templateValues(text, at: outputPath, values: values)) else {
            templates.reportMissing([template], at: source, log: &log)
            return nil
        }
        return OutputFile(path: outputPath, contents: .text(html), origin: origin(template, source: source, links: links))
    }

    /// The own text of the page at `path`, with its public address.
    func text(title: String, description: String, path: String, content: String) -> PageText {
        PageText(title: title, description: description, url: path, canonicalURL: canonicalURL(path), content: content)
    }

    /// What the link checker needs to know of a page's making.
    func origin(_ template: String, source: SourceLocation, links: [SourceLink]) -> PageOrigin {
        PageOrigin(source: source, template: templates.displayPath(template), links: links, shared: sharedLinks)
    }

    /// The page's relative path back to the site root. The 404 page is served at any depth,
    /// so it links from the site's root path when known.
    func root(of path: OutputPath) -> String {
        path.value == "404.html" ? URL(string: config.baseURL).map { $0.path + "/" } ?? path.rootPrefix : path.rootPrefix
    }

    /// The values a page's template sees.
    func templateValues(_ text: PageText, at path: OutputPath, values: [String: Any]) -> [String: Any] {
        let root = root(of: path)
        let navigation = menu.map {
            NavigationItem(title: $0.title, url: root + $0.path, current: $0.path == path.value)
        }
        var context: [String: Any] = [
            "site": siteView,
            "page": PageInfo(title: text.title, description: text.description, url: text.url, canonicalURL: text.canonicalURL),
            "root": root,
            "navigation": navigation,
            "hasNavigation": !navigation.isEmpty,
            "content": text.content,
            "footerLinks": footer.map { ["title": $0.title, "url": $0.path] },
            "hasFooterLinks": !footer.isEmpty,
            "hasFeed": feed != nil,
            "feedURL": feed ?? "",
            "hasHome": hasHome,
            "hasPapersIndex": hasPapersIndex,
        ]
        context.merge(values) { _, kind in kind }
        return context
    }

    /// The context for a folder of papers that is not the site (exempt papers, `quorum
    /// annual`): it holds no site pages, so its papers link to none (no menu, footer, feed or
    /// home page), and it names no public address.
    var papersAlone: RenderContext {
        var alone = self
        alone.menu = []
        alone.footer = []
        alone.feed = nil
        alone.hasHome = false
        alone.isPublicSite = false
        alone.sharedLinks = nil
        return alone
    }

    /// The page's address on the live site, when `base_url` is set.
    /// The public address of a path in the site (with any `#fragment`), or nil when this
    /// folder has none (no `base_url`, or not the public site).
    func publicAddress(_ path: String) -> String? {
        guard isPublicSite, !config.baseURL.isEmpty else { return nil }
        return config.baseURL + "/" + path
    }

    package func canonicalURL(_ path: String) -> String? {
        guard isPublicSite, !config.baseURL.isEmpty else { return nil }
        return config.baseURL + "/" + (path == "index.html" ? "" : path)
    }
}

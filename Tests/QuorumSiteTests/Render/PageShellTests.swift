import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumMarkdown
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Page shells")
struct PageShellTests {
    // MARK: reading a shell

    @Test func readsEachMarkerWithTheEscapingTheTemplateGaveIt() throws {
        let rendered = "<h1>\(HTMLContentType.escape(PageShell.marker(0)))</h1>"
            + PageShell.marker(1) + "|" + MarkdownEscaping.escape(PageShell.marker(0))
        let shell = try #require(PageShell(rendered: rendered, gaps: 2))
        #expect(shell.segments == [.text("<h1>"), .gap(0, .html), .text("</h1>"), .gap(1, .none), .text("|"),
                                   .gap(0, .markdown)])
        #expect(shell.filled(with: ["Tom & <Jerry>", "<p>x</p>"]) == "<h1>Tom &amp; &lt;Jerry&gt;</h1><p>x</p>|Tom & &lt;Jerry\\>")
    }

    @Test func refusesMarkersATemplateChanged() {
        let marker = PageShell.marker(0)
        #expect(PageShell(rendered: marker.replacingOccurrences(of: "<", with: "&#60;"), gaps: 1) == nil)
        #expect(PageShell(rendered: String(marker.reversed()), gaps: 1) == nil)
        #expect(PageShell(rendered: PageShell.marker(3), gaps: 2) == nil)
        #expect(PageShell(rendered: "stray \u{E001} mark", gaps: 1) == nil)
        #expect(PageShell(rendered: "\u{E000}<\u{E001}", gaps: 1) == nil)
        #expect(PageShell(rendered: "plain", gaps: 1)?.segments == [.text("plain")])
    }

    // MARK: pages through shells

    static let base = """
        <!DOCTYPE html>
        <title>{{$title}}{{page.title}} – {{site.title}}{{/title}}</title>
        {{#page.description}}<meta name="description" content="{{page.description}}">
        {{/page.description}}
        {{#page.canonicalURL}}<link rel="canonical" href="{{page.canonicalURL}}">{{/page.canonicalURL}}
        <link rel="stylesheet" href="{{root}}assets/site.css">
        {{#navigation}}<a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/navigation}}
          <main>
          {{$main}}{{/main}}
          </main>
        {{> partials/footer}}
        """
    static let page = """
        {{<base}}
        {{$main}}
        <h1>{{page.title}}</h1>
          {{{content}}}
        <p>{{page.url}}</p>
        {{/main}}
        {{/base}}
        """

    func context(_ templates: [String: String], baseURL: String = "https://example.org",
                 siteTitle: String = "Harbourside") -> RenderContext {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(templates, in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates", log: &log)
        let config = SiteConfig(title: siteTitle, council: "C", baseURL: baseURL, language: "en-GB", description: "",
                                primaryColour: "#000000", logo: nil)
        return RenderContext(templates: library, config: config, asOf: CalendarDate("2026-11-23")!,
                             menu: [(title: "Home", path: "index.html"), (title: "Jobs", path: "jobs/index.html")])
    }

    /// Pages of every shape: depths, the current navigation entry, empty and missing text,
    /// text with and without a final line feed, text that needs escaping.
    static let pages: [(path: String, title: String, description: String, content: String)] = [
        ("index.html", "Home", "Work for us", "<p>Welcome</p>\n"),
        ("about.html", "About & us", "", "<p>About</p>\n"),
        ("a/b.html", "B <one>", "Says \"hi\"", "<p>B</p>\n<p>two</p>\n"),
        ("a/c.html", "C", "Plain", "<p>C</p>"),
        ("a/d.html", "D", "Plain", ""),
        ("jobs/index.html", "Jobs", "Roles", "<ul>\n<li>x</li>\n</ul>\n"),
        ("a/e.html", "E", "Plain again", "<p>E</p>\n"),
        ("a/f.html", "F 'quoted'", "Multi\nline", "<p>F</p>\n"),
    ]

    func renderBothWays(_ context: RenderContext, values: [String: Any] = [:]) -> (shells: PageShells, equal: [Bool]) {
        let shells = PageShells(context: context, values: values)
        var equal: [Bool] = []
        for _ in 0..<2 {
            for page in Self.pages {
                var log = DiagnosticLog()
                let source = SourceLocation(path: "Content/\(page.path).md")
                let text = context.text(title: page.title, description: page.description, path: page.path,
                                        content: page.content)
                let viaShell = shells.page("page", at: page.path, text: text, source: source, links: [], log: &log)
                let full = context.page("page", at: page.path, title: page.title, description: page.description,
                                        content: page.content, values: values, source: source, log: &log)
                guard case .text(let a) = viaShell?.contents, case .text(let b) = full?.contents else {
                    equal.append(false)
                    continue
                }
                equal.append(a == b && viaShell?.origin?.template == full?.origin?.template)
            }
        }
        return (shells, equal)
    }

    @Test func givesExactlyThePageMustacheGives() {
        let context = context(["base.mustache": Self.base, "page.mustache": Self.page,
                               "partials/footer.mustache": "  <footer>{{site.council}}</footer>\n"])
        let (shells, equal) = renderBothWays(context, values: ["extra": "shared"])
        #expect(equal.allSatisfy { $0 })
        #expect(shells.counts.used > 0)
        #expect(shells.counts.setAside == 0)
    }

    @Test func worksWithoutABaseURL() {
        let context = context(["base.mustache": Self.base, "page.mustache": Self.page,
                               "partials/footer.mustache": "<footer></footer>"], baseURL: "")
        #expect(renderBothWays(context).equal.allSatisfy { $0 })
    }

    @Test func templatesThatComputeWithAValueGetNoShells() {
        let context = context(["base.mustache": Self.base, "partials/footer.mustache": "",
                               "page.mustache": "{{<base}}{{$main}}{{uppercased(page.title)}} {{count(content)}}{{/main}}{{/base}}"])
        #expect(!context.templates.allowsShells)
        let (shells, equal) = renderBothWays(context)
        #expect(equal.allSatisfy { $0 })
        #expect(shells.counts == (0, 0))
    }

    @Test func aShellThatWouldDifferIsSetAside() {
        // The site title holds a marker character, so no shell can be read from the layout.
        let context = context(["base.mustache": Self.base, "page.mustache": Self.page,
                               "partials/footer.mustache": ""], siteTitle: "Odd \u{E001} title")
        let (shells, equal) = renderBothWays(context)
        #expect(equal.allSatisfy { $0 })
        #expect(shells.counts.used == 0)
        #expect(shells.counts.setAside > 0)
    }

    /// Renders two pages of one shape through shells and directly.
    func secondPage(_ templates: [String: String], titles: (String, String)) -> (shell: String, full: String) {
        let context = context(templates.merging(["partials/footer.mustache": ""]) { a, _ in a })
        let shells = PageShells(context: context, values: [:])
        var result = ("", "")
        for (path, title) in [("a.html", titles.0), ("b.html", titles.1)] {
            var log = DiagnosticLog()
            let text = context.text(title: title, description: "d", path: path, content: "<p>x</p>\n")
            let a = shells.page("page", at: path, text: text, source: SourceLocation(path: path), links: [], log: &log)
            let b = context.page("page", at: path, title: title, description: "d", content: "<p>x</p>\n",
                                 source: SourceLocation(path: path), log: &log)
            if case .text(let x) = a?.contents, case .text(let y) = b?.contents { result = (x, y) }
        }
        return result
    }

    @Test func changedDelimitersHideNothing() {
        let templates = ["page.mustache": "{{=<% %>=}}<h1><% uppercased(page.title) %></h1>\n"]
        #expect(!context(templates).templates.allowsShells)
        let page = secondPage(templates, titles: ("FAQ", "About us"))
        #expect(page.full == "<h1>ABOUT US</h1>\n" && page.shell == page.full)
    }

    @Test func aWholeValueWrittenOutGetsNoShell() {
        for template in ["<pre>{{page}}</pre>\n", "<pre>{{{ page }}}</pre>\n", "{{#page}}{{.}}{{/page}}\n"] {
            #expect(!context(["page.mustache": template]).templates.allowsShells, "\(template)")
            let page = secondPage(["page.mustache": template], titles: ("Plain", #"Say "hi" \o/"#))
            #expect(page.shell == page.full)
        }
        #expect(!ShellSafety.allows("{{.}}") && !ShellSafety.allows("{{#page}}{{.}}{{/page}}") && !ShellSafety.allows("{{& page }}"))
        // The item of a section over a list or a text is fine: the default theme writes those.
        #expect(ShellSafety.allows("{{#page.title}}<h1>{{.}}</h1>{{/page.title}}{{#urls}}<loc>{{.}}</loc>{{/urls}}"))
        #expect(ShellSafety.allows("{{<base}}{{$main}}{{! note }}{{{content}}}{{/main}}{{/base}}"))
        // A comment's brackets are no transform (the default scenario template has one).
        #expect(ShellSafety.allows("{{! rendered on its own (far quicker) }}\n{{{content}}}"))
    }

    @Test func aTemplateNamingHTMLEscapesAsQuorumDoes() {
        let templates = ["page.mustache": "{{% CONTENT_TYPE: HTML }}\n<h1 title=\"{{page.title}}\">x</h1>\n"]
        let page = secondPage(templates, titles: ("Plain", "Q\"\u{301} onmouseover=x"))
        #expect(page.full == "<h1 title=\"Q&quot;\u{301} onmouseover=x\">x</h1>\n" && page.shell == page.full)
    }

    @Test func textEndingInCarriageReturnLineFeedIsNotALineFeedEnding() {
        let templates = ["base.mustache": "<main>\n  {{$main}}{{/main}}\n</main>\n",
                         "page.mustache": "{{<base}}{{$main}}\n{{{content}}}\n<p>{{page.title}}</p>\n{{/main}}{{/base}}"]
        let context = context(templates.merging(["partials/footer.mustache": ""]) { a, _ in a })
        let shells = PageShells(context: context, values: [:])
        for (path, content) in [("a.html", "<p>one</p>\n"), ("b.html", "<p>two</p>\r\n"), ("c.html", "<p>three</p>\n")] {
            var log = DiagnosticLog()
            let text = context.text(title: "T", description: "", path: path, content: content)
            let a = shells.page("page", at: path, text: text, source: SourceLocation(path: path), links: [], log: &log)
            let b = context.page("page", at: path, title: "T", content: content, source: SourceLocation(path: path), log: &log)
            guard case .text(let x) = a?.contents, case .text(let y) = b?.contents else { Issue.record("no page"); continue }
            #expect(x == y, "\(path)")
        }
    }
}

@Suite("Page shells and the default theme")
struct DefaultThemeShellTests {
    @Test func theDefaultThemeAllowsShells() {
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(TestPaths.templates, displayRoot: "Templates", log: &log)
        #expect(library.allowsShells, "\(library.texts.filter { !ShellSafety.allows($0.value) }.keys.sorted())")
    }
}

import Foundation
import Testing
import Mustache
@testable import QuorumContent
@testable import QuorumMicrosite
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Templates")
struct TemplateLibraryTests {
    @Test func rendersPagesThroughTheBaseLayoutAndPartials() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree([
            "base.mustache": "<title>{{$title}}Default{{/title}}</title>{{> partials/nav}}<main>{{$main}}{{/main}}</main>",
            "partials/nav.mustache": "<nav>{{site}}</nav>",
            "page.mustache": "{{<base}}{{$title}}{{name}}{{/title}}{{$main}}{{{html}}} {{text}}{{/main}}{{/base}}",
            "assets/site.css": "body {}",
        ], in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates", log: &log)
        #expect(log.entries.isEmpty)
        #expect(library.names == ["base", "page", "partials/nav"])
        #expect(library.assets.map(\.path) == ["assets/site.css"])
        let output = library.render("page", ["name": "About", "site": "Harbourside", "html": "<p>x</p>", "text": "<b>"])
        #expect(output == "<title>About</title><nav>Harbourside</nav><main><p>x</p> &lt;b&gt;</main>")
        #expect(library.render("missing", [String: String]()) == nil)
    }

    @Test func reportsSyntaxErrorsWithFileAndLine() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["page.mustache": "<h1>{{title}}</h1>\n{{#items}}\n<li>{{name}}</li>\n{{/item}}\n"], in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates", log: &log)
        #expect(library.names.isEmpty)
        #expect(log.entries.map(\.code) == ["template-syntax"])
        #expect(log.entries[0].location.path == "Templates/page.mustache")
        #expect(log.entries[0].location.line == 4)
        #expect(log.entries[0].message.contains("closed with a different name"))
    }

    @Test func reportsAMissingTemplatesFolder() {
        var log = DiagnosticLog()
        _ = TemplateLibrary.load(URL(fileURLWithPath: "/nonexistent/templates"), displayRoot: "Themes", log: &log)
        #expect(log.entries.map(\.code) == ["missing-templates"])
    }
}

@Suite("HTML escaping in templates")
struct HTMLEscapingTests {
    func render(_ template: String, _ values: [String: Any]) -> String? {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["t.mustache": template], in: root)
        var log = DiagnosticLog()
        return TemplateLibrary.load(root, displayRoot: "Templates", log: &log).render("t", values)
    }

    @Test func escapesTheFiveCharactersAndNothingElse() {
        #expect(render("{{x}}", ["x": "Tom & \"Jerry\" <b> 'x' – £5 🙂"])
                == "Tom &amp; &quot;Jerry&quot; &lt;b&gt; &#39;x&#39; – £5 🙂")
        #expect(render("{{{x}}}", ["x": "<b>"]) == "<b>")
        #expect(render("{{x}}", ["x": "plain text"]) == "plain text")
    }

    @Test func escapesAQuoteEvenWhenACombiningMarkFollowsIt() {
        // As one character `"\u{301}` is not a quote, but a browser ends the attribute at it.
        #expect(render("<a title=\"{{x}}\">", ["x": "\"\u{301} onmouseover=alert(1)"])
                == "<a title=\"&quot;\u{301} onmouseover=alert(1)\">")
    }

    @Test func markdownAndTextTemplatesKeepTheirOwnEscaping() {
        #expect(render("{{% CONTENT_TYPE: MARKDOWN }}\n{{x}}", ["x": "a_b <c>"]) == "a\\_b &lt;c\\>")
        #expect(render("{{% CONTENT_TYPE: TEXT }}\n{{x}}", ["x": "a & b"]) == "a & b")
    }

    /// Quorum puts a pragma line before every template; the output is swift-mustache's own.
    @Test(arguments: [
        "{{#flag}}\nyes\n{{/flag}}\n", "{{^flag}}\nno\n{{/flag}}\n", "{{>part}}\nafter\n", "  {{>part}}\n",
        "{{<base}}\n{{$main}}\nmain {{name}}\n{{/main}}\n{{/base}}\n", "{{% CONTENT_TYPE: TEXT }}\n{{name}}\n",
        "", "\n", "\r\nx\r\n{{#flag}}\r\n{{name}}\r\n{{/flag}}\r\n", "{{! comment }}\n{{name}}", "{{=<% %>=}}\n<%name%>\n",
        "\u{301}{{name}}", "{{name}}",
    ])
    func thePragmaQuorumAddsLeavesNoTrace(_ text: String) throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let base = "<b>\n  {{$main}}default{{/main}}\n</b>\n"
        let part = "<p>{{name}}</p>\n"
        writeTree(["t.mustache": text, "base.mustache": base, "part.mustache": part], in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates", log: &log)
        var plain = MustacheLibrary()
        // Quorum reads every template with line feeds for its line ends (see `LineEndingTests`).
        try plain.register(MustacheTemplate(string: TextNormalization.lineFeeds(text)), named: "t")
        try plain.register(MustacheTemplate(string: base), named: "base")
        try plain.register(MustacheTemplate(string: part), named: "part")
        let values: [String: Any] = ["flag": true, "name": "A & <b>"]
        #expect(library.render("t", values) == plain.render(values, withTemplate: "t"))
    }
}

@Suite("Templates rendered once per value")
struct RenderedTemplatesTests {
    /// Counts how often templates look into a row, that is, how often one is rendered.
    final class Lookups: @unchecked Sendable {
        let lock = NSLock()
        var count = 0
    }

    struct Row: Hashable, TemplateView {
        static let lookups = Lookups()
        let name: String
        let count: Int

        func child(named key: String) -> Any? {
            Self.lookups.lock.withLock { Self.lookups.count += 1 }
            return key == "name" ? name : key == "count" ? count : nil
        }
    }

    @Test func equalValuesGiveTheSameTextAndOthersTheirOwn() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["a.mustache": "{{name}}: {{count}}", "b.mustache": "<b>{{name}}</b>"], in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates", log: &log)
        #expect(library.render("a", Row(name: "Agency", count: 3)) == "Agency: 3")
        let afterFirst = Row.lookups.lock.withLock { Row.lookups.count }
        #expect(library.render("a", Row(name: "Agency", count: 3)) == "Agency: 3")
        #expect(Row.lookups.lock.withLock { Row.lookups.count } == afterFirst, "the second render was not reused")
        #expect(library.render("a", Row(name: "Agency", count: 4)) == "Agency: 4")
        #expect(library.render("b", Row(name: "Agency", count: 3)) == "<b>Agency</b>")
        #expect(library.render("a", ["name": "Vacancy", "count": 1] as [String: Any]) == "Vacancy: 1")
        #expect(library.render("missing", Row(name: "x", count: 0)) == nil)
    }
}

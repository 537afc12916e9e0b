import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumMarkdown
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// CR LF, LF and a lone CR each end one line, as in CommonMark and YAML; a file keeps its
/// line numbers whichever it uses, and no two lines are ever merged.
@Suite("Line endings and byte order marks")
struct LineEndingTests {
    /// `lines` joined with the line ends of `style` (LF, CRLF, CR, or mixed: CRLF, LF and CR
    /// in turn, so that a CR is never followed by an LF of the next line), each line ended.
    static func text(_ lines: [String], style: String) -> String {
        let ends = ["LF": ["\n"], "CRLF": ["\r\n"], "CR": ["\r"], "mixed": ["\r\n", "\n", "\r"]][style]!
        return lines.enumerated().map { $1 + ends[$0 % ends.count] }.joined()
    }

    @Test(arguments: [
        ("a\nb", "a\nb"), ("a\r\nb", "a\nb"), ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"), ("a\n\r\nb", "a\n\nb"), ("a\r\n\rb", "a\n\nb"), ("a\n\rb", "a\n\nb"),
        ("a\r", "a\n"), ("\r\r", "\n\n"), ("é\r\nß\rñ", "é\nß\nñ"), ("", ""),
    ])
    func lineEndsBecomeLineFeedsWithoutMergingLines(_ text: String, _ expected: String) {
        #expect(Array(TextNormalization.lineFeeds(text).utf8) == Array(expected.utf8))
        #expect(Array(SourceFile(path: "a.md", relativePath: "a.md", text: text).text.utf8) == Array(expected.utf8))
    }

    @Test func aLoneCarriageReturnBeforeALineEndIsABlankLineAsInCmark() {
        var log = DiagnosticLog()
        let source = MarkdownSource(file: source("line1\r\r\nline2"), log: &log)
        #expect(MarkdownDocument.html(source.body) == "<p>line1</p>\n<p>line2</p>\n")
    }

    @Test(arguments: ["CRLF", "CR", "mixed"])
    func markdownRendersAsWithLineFeeds(style: String) {
        let lines = ["# Title", "", "First line", "second line", "", "- one", "- two", "", "| A | B |", "|---|---|", "| 1 | 2 |"]
        var log = DiagnosticLog()
        let expected = MarkdownDocument.html(MarkdownSource(file: source(Self.text(lines, style: "LF")), log: &log).body)
        let got = MarkdownDocument.html(MarkdownSource(file: source(Self.text(lines, style: style)), log: &log).body)
        #expect(got == expected)
        #expect(expected.contains("<table>") && expected.contains("<li>two</li>"))
    }

    @Test(arguments: ["LF", "CRLF", "CR", "mixed"])
    func frontMatterIsReadWithTheSameLineNumbers(style: String) {
        var log = DiagnosticLog()
        let text = Self.text(["---", "title: Hi", "menu: 2", "---", "Body", "", "more"], style: style)
        let md = MarkdownSource(file: source(text), log: &log)
        #expect(log.entries.isEmpty)
        #expect(md.frontMatter.string("title", log: &log) == "Hi")
        #expect(md.frontMatter.location(of: "menu") == SourceLocation(path: "Content/pages/test.md", line: 3, column: 7))
        #expect(md.bodyStartLine == 5)
        #expect(md.body == "Body\n\nmore\n")
    }

    @Test(arguments: ["LF", "CRLF", "CR", "mixed"])
    func aFrontMatterErrorIsAtItsLine(style: String) {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source(Self.text(["---", "title: Fine", "description: one: two", "---", "Body"], style: style)),
                           log: &log)
        #expect(log.entries.map(\.code) == ["front-matter-syntax"])
        #expect(log.entries.first?.location == SourceLocation(path: "Content/pages/test.md", line: 3, column: 17))
    }

    @Test(arguments: ["LF", "CRLF", "CR", "mixed"])
    func aSnapshotCellIsAtItsLine(style: String) throws {
        let bad = "Alpha,Social workers,20.0,16.0,4.2,20.0%,3.0,15.8%"
        let text = Self.text([WorkforceTesting.header, "Alpha,Managers,5.0,5.0,0.0,0.0%,0.0,0.0%", bad], style: style)
        let file = SourceFile(path: "Content/workforce/snapshots/2019-09-30.csv",
                              relativePath: "workforce/snapshots/2019-09-30.csv", text: text)
        var log = DiagnosticLog()
        let snapshot = Snapshot.load(file, config: WorkforceTesting.config, asOf: WorkforceTesting.asOf, log: &log)
        #expect(snapshot != nil)
        #expect(log.entries.map(\.code) == [WorkforceDiagnosticCode.vacantMismatch])
        let diagnostic = try #require(log.entries.first)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == WorkforceTesting.column(of: 4, in: bad))
    }

    @Test(arguments: ["LF", "CRLF", "CR", "mixed"])
    func siteSettingsAreReadWithAnyLineEnds(style: String) throws {
        let file = SourceFile(path: "Content/site.yaml", relativePath: "site.yaml",
                              text: Self.text(["title: T", "council: C", "branding:", "  primary_colour: blue"], style: style))
        let content = ContentFolder(root: URL(fileURLWithPath: "/nonexistent"), displayRoot: "Content", files: [file], binaryFiles: [])
        var log = DiagnosticLog()
        let config = SiteConfig.load(from: content, log: &log)
        #expect(config.title == "T" && config.council == "C")
        #expect(log.entries.map(\.code) == ["site-config-colour"])
        #expect(log.entries.first?.location.line == 4)
    }

    /// The files as they come from disk: a page saved with CR line ends, with two byte order
    /// marks, and with one in the middle.
    @Test func filesOnDiskWithCarriageReturnsOrExtraByteOrderMarksAreRead() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree([
            "pages/cr.md": "---\rtitle: Old Mac\r---\rBody\r",
            "pages/two-boms.md": "\u{FEFF}\u{FEFF}---\ntitle: Twice\n---\nBody\n",
            "pages/joined.md": "\u{FEFF}---\ntitle: Joined\n---\nFirst part\n\u{FEFF}Second part\u{FEFF}\n",
            "pages/one-bom.md": "\u{FEFF}---\r\ntitle: Usual\r\n---\r\nBody\r\n",
        ], in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        let pages = Page.loadAll(from: content, log: &log)
        #expect(pages.map(\.title).sorted() == ["Joined", "Old Mac", "Twice", "Usual"])
        #expect(content.files.allSatisfy { !$0.text.unicodeScalars.contains("\u{FEFF}") && !$0.text.contains("\r") })
        #expect(log.entries.map(\.formatted).sorted() == [
            "Content/pages/joined.md:5:1: warning: a byte order mark (U+FEFF) after the start of the file (and 1 more after it) was removed; it usually comes from joining two files, so check nothing else was joined in [stray-byte-order-mark]",
            "Content/pages/two-boms.md:1:1: warning: a byte order mark (U+FEFF) after the start of the file was removed; it usually comes from joining two files, so check nothing else was joined in [stray-byte-order-mark]",
        ])
        #expect(content.file("pages/joined.md")?.text == "---\ntitle: Joined\n---\nFirst part\nSecond part\n")
    }

    @Test func aByteOrderMarkInTheMiddleOfALineIsPlacedByItsColumn() throws {
        let normalized = TextNormalization.normalized("ab\r\ncdé\u{FEFF}f\u{FEFF}")
        #expect(normalized.text == "ab\ncdéf")
        let mark = try #require(normalized.strayByteOrderMark)
        #expect(mark.line == 2 && mark.column == 4 && mark.count == 2)
        #expect(TextNormalization.normalized("\u{FEFF}abc").strayByteOrderMark == nil)
    }

    @Test func templatesAreReadWithLineFeedsAndWithoutAByteOrderMark() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["page.mustache": "\u{FEFF}<p>\r{{name}}\r\n</p>\r", "broken.mustache": "a\rb\r{{#x}}\r{{/y}}\rc\r"], in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates", log: &log)
        #expect(library.render("page", ["name": "Ann"]) == "<p>\nAnn\n</p>\n")
        #expect(log.entries.map(\.code) == ["template-syntax"])
        #expect(log.entries.first?.location.path == "Templates/broken.mustache")
        #expect(log.entries.first?.location.line == 4)
    }
}

import Foundation
import Testing
@testable import QuorumMarkdown
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

/// The markdown papers, the feed and sitemap, and the diagnostics are as safe as the HTML:
/// no raw HTML or script link in markdown, no control character in XML or on the terminal.
@Suite("Markdown and XML safety")
struct MarkdownAndXMLSafetyTests {
    static let site = "title: T\ncouncil: Test Borough Council\nbase_url: https://jobs.example.gov.uk\n"

    static func paper(_ front: String = "", contact: String = "a@example.org", body: String = "## Summary\n\nS.\n\n## Details\n\nD.\n") -> String {
        """
        ---
        committee: Children Select Committee
        title: Test paper
        meeting_date: 2017-11-15
        item: "5"
        key_decision: no
        contributors: [{name: A Person, role: Director}]
        class: open
        \(front.hasPrefix("recommendations") ? "" : "recommendations: [Note the report.]\n")contact: {name: A Person, role: Director, phone: "020 7946 0000", email: "\(contact)"}
        \(front)---
        \(body)
        """
    }

    /// Builds `files` with the site settings into a temporary folder.
    static func build(_ files: [String: String]) -> (report: BuildReport, output: [String: Data]) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        writeTree(files.merging(["site.yaml": site, "pages/index.md": "---\ntitle: Home\n---\nHello.\n"]) { a, _ in a }, in: content)
        let report = SiteBuild.build(BuildOptions(content: content, templates: TestPaths.templates, output: output,
                                                  asOf: CalendarDate("2026-11-20")!))
        return (report, readTree(output))
    }

    static func codes(_ report: BuildReport) -> [String] {
        report.diagnostics.map { "\($0.location.path.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line) \($0.code)" }
    }

    // MARK: Markdown papers

    @Test func theMarkdownPaperDropsRawHTMLAndScriptLinksAsTheHTMLDoes() throws {
        let body = """
            ## Summary

            <script>alert('block')</script>

            Text <div onclick="alert(1)">x</div> and <img src=x onerror=alert(1)>.

            [a](javascript:alert(1)) [b](&#106;avascript:alert(2)) ![c](data:text/html;base64,PHNjcmlwdD4=)
            [e](VBScript:msgbox) <javascript:alert(4)> [ok](https://example.org/ok)

            ## Details

            &lt;script&gt;alert('entity')&lt;/script&gt; stays text.
            """
        let front = """
            recommendations:
              - "<script>alert('rec')</script>"
              - "[click](javascript:alert('rec'))"
              - "Agree <b onmouseover=alert(1)>this</b>."

            """
        let (report, output) = Self.build(["papers/p.md": Self.paper(front, body: body)])
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        let markdown = String(decoding: try #require(output["papers/p.md"]), as: UTF8.self)
        #expect(OutputSafety.markdownProblems(markdown) == [], "\(markdown)")
        #expect(markdown.contains("[ok](https://example.org/ok)"))
        #expect(markdown.contains(SafeMarkdownTree.omittedHTML))
        #expect(!markdown.lowercased().contains("onclick"), "\(markdown)")
        // The entity-written script stays text: `\<script\>`, not an element.
        #expect(markdown.contains(#"\<script\>alert('entity')\</script\> stays text."#), "\(markdown)")
        let html = String(decoding: try #require(output["papers/p.html"]), as: UTF8.self)
        #expect(OutputSafety.htmlProblems(html) == [])
    }

    @Test func aTitleWithACarriageReturnStaysInTheHeaderTable() throws {
        let text = Self.paper().replacingOccurrences(of: "title: Test paper", with: #"title: "Line one\rLine two | # [x](javascript:y) <b>\u001B[2J""#)
            .replacingOccurrences(of: "committee: Children Select Committee", with: #"committee: "C\r\n## Injected heading""#)
        let (report, output) = Self.build(["papers/p.md": text])
        #expect(Self.codes(report).filter { $0.hasSuffix("front-matter-control-character") } == [
            "papers/p.md:2 front-matter-control-character", "papers/p.md:3 front-matter-control-character",
        ])
        let markdown = String(decoding: try #require(output["papers/p.md"]), as: UTF8.self)
        // The table runs unbroken from its first row to the blank line after it.
        let table = markdown.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        #expect(table.count == 9 && table.allSatisfy { $0.hasPrefix("| ") }, "\(table)")
        #expect(table.contains { $0.contains(##"Line one Line two \| \# \[x\](javascript:y) &lt;b\>\[2J"##) })
        #expect(!markdown.contains("\n## Injected") && OutputSafety.markdownProblems(markdown) == [])
        let document = MarkdownDocument(markdown)
        #expect(document.document.children.first?.kind == "table")
        #expect(!document.document.descendants.contains { $0.kind == "link" && $0.url?.contains("javascript") == true })
    }

    /// Found by the fuzzer: cmark writes a comment between two adjacent lists; it is the only
    /// raw HTML besides the omitted-HTML comment that markdown Quorum writes may hold.
    @Test func markdownWrittenBackHoldsOnlyQuorumsOwnComments() {
        let markdown = MarkdownDocument("- a\n* b\n\n<div>x</div>\n\ntext <b>bold</b>\n\nwww.evil.example&lt;javascript:alert(1)&gt;\n").commonMark()
        #expect(markdown.contains("<!-- end list -->") && markdown.contains(SafeMarkdownTree.omittedHTML))
        #expect(OutputSafety.markdownProblems(markdown) == [], "\(markdown)")
    }

    /// Found by the property test: a `www.` autolink takes a following backslash into its
    /// address, so `\<` would leave a bare `<` to open `<javascript:...>`.
    @Test func anAutolinkBeforeAnEscapedAngleBracketOpensNoScriptLink() {
        let cell = MarkdownEscaping.escape("Alpha www.evil.example<javascript:alert(1)>")
        #expect(cell == "Alpha www.evil.example&lt;javascript:alert(1)\\>")
        #expect(OutputSafety.markdownProblems("| a |\n| --- |\n| \(cell) |\n") == [])
        #expect(!MarkdownDocument(cell).links.contains { $0.url.hasPrefix("javascript") })
    }

    @Test func markdownEscapingKeepsEveryValueOnOneLineAsWritten() {
        #expect(MarkdownEscaping.escape("a\r\nb\rc\nd") == "a b c d")
        #expect(MarkdownEscaping.escape("x\u{1B}]0;t\u{07}\u{7F}\u{9B}\u{FFFE}y") == #"x\]0;ty"#)
        #expect(MarkdownEscaping.escape("&#106;avascript: &amp; & b") == ##"&\#106;avascript: \&amp; & b"##)
        #expect(MarkdownDocument.html(MarkdownEscaping.escape("[a](&#106;avascript:x) <i>")).contains("&amp;#106;avascript:x) &lt;i&gt;"))
    }

    @Test func scriptAddressesAreRecognisedAsABrowserReadsThem() {
        for url in ["javascript:a", " JavaScript:a", "java\tscript:a", "vbscript:a", "file:///etc/passwd", "data:text/html,x",
                    "data:image/svg+xml,<svg>"] {
            #expect(SafeMarkdownTree.isScriptAddress(url), "\(url)")
        }
        for url in ["https://a.example", "media/a.png", "data:image/png;base64,AA", "mailto:a@b.c", "notes:javascript:"] {
            #expect(!SafeMarkdownTree.isScriptAddress(url), "\(url)")
        }
    }

    // MARK: Front matter links and addresses

    @Test(arguments: [
        ("javascript:alert(1)", true), ("&#106;avascript:alert(1)", false), ("javascript&#58;alert(1)", false), ("data:text/html;base64,PHNjcmlwdD4=", true),
        ("vbscript:msgbox", true), ("JAVASCRIPT:x", true), ("https://x.example/a b", true), ("ftp://x.example", true),
        ("https://www.gov.uk/doc", false), ("mailto:a@example.org", false), ("media/report.pdf", false), ("other-paper.html", false),
    ])
    func backgroundDocumentLinksAreCheckedLikeApplyURL(link: String, refused: Bool) throws {
        let front = "background_documents:\n  - {title: Doc, link: \"\(link)\"}\n"
        let (report, output) = Self.build(["papers/p.md": Self.paper(front), "media/report.pdf": "pdf"])
        let found = Self.codes(report).filter { $0.hasSuffix("paper-background-link") }
        #expect(found == (refused ? ["papers/p.md:12 paper-background-link"] : []), "\(Self.codes(report))")
        // Front matter decodes no character references, and the paper writes the address so
        // that markdown does not either: `&#106;avascript:` is a (broken) path, never a script.
        if !refused, let data = output["papers/p.md"] {
            let markdown = String(decoding: data, as: UTF8.self)
            #expect(OutputSafety.markdownProblems(markdown) == [])
            #expect(MarkdownDocument(markdown).links.contains { $0.url == link }, "\(markdown)")
        }
        #expect(refused || link.contains("&") || !link.contains(":") || output["papers/p.md"] != nil, "\(Self.codes(report))")
    }

    @Test(arguments: ["javascript:alert(1)", "a@b.c> <script>x</script>", "not an address", "a@b"])
    func aContactEmailMustBeAMailAddress(email: String) {
        let (report, _) = Self.build(["papers/p.md": Self.paper(contact: email)])
        #expect(Self.codes(report).contains("papers/p.md:10 paper-contact-email"), "\(Self.codes(report))")
    }

    // MARK: XML

    static func vacancy(title: String) -> String {
        """
        ---
        title: "\(title)"
        team: Children in Need
        grade: PO3
        salary_min: 40000
        salary_max: 45000
        hours: 36 hours a week
        working_pattern: full-time
        contract: permanent
        location: {office: Town Hall, street: 1 High Street, town: London, postcode: E1 1AA}
        posted: 2026-11-01
        closes: 2026-12-01
        reference: REF-1
        apply_url: https://apply.example.org/apply/1
        registration: Social Work England
        ---
        The job \u{1B}[31m with <b>markup</b> &#27; \u{0C}.

        """
    }

    @Test func controlCharactersInAVacancyNeverMakeTheFeedOrSitemapMalformed() throws {
        let title = #"Social\u0001\u0008\u000B\u000C\u001B[2J\u007F\u0085\uFFFE\uFFFF\r Worker <&> \"q\""#
        let (report, output) = Self.build([
            "vacancies/sw.md": Self.vacancy(title: title),
            "pages/vacancies.md": "---\ntitle: Jobs\ntemplate: vacancies\n---\n",
        ])
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        #expect(Self.codes(report).contains("vacancies/sw.md:2 front-matter-control-character"))
        let feed = try #require(output["feeds/vacancies.xml"])
        #expect(OutputSafety.xmlProblems(feed) == nil)
        #expect(String(decoding: feed, as: UTF8.self).contains("<title>Social[2J\n Worker &lt;&amp;&gt; &quot;q&quot;</title>"))
        let sitemap = try #require(output["sitemap.xml"])
        #expect(OutputSafety.xmlProblems(sitemap) == nil)
        for (path, data) in output {
            #expect(OutputSafety.problems(path: path, data: data) == [])
        }
    }

    @Test func theHTMLEscapingDropsWhatXMLForbids() {
        #expect(HTMLContentType.escape("a\u{0}\u{1}\u{1B}\u{7F}\u{85}\u{FFFE}\u{FFFF}b\t\n\r<") == "ab\t\n\r&lt;")
        #expect(HTMLContentType.escape("£5 – ok") == "£5 – ok")
    }

    /// The byte check that lets most values through unchanged says yes exactly when the
    /// scalar-by-scalar escaping would change the text.
    @Test func theHTMLEscapingLeavesExactlyTheTextsWithNothingToEscape() {
        let pieces = ["a", "£", "\u{A0}", "\u{80}", "\u{9F}", "\u{85}", "\u{C2}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}",
                      "\u{1B}", "\u{7F}", "\t", "\n", "\r", "<", ">", "&", "\"", "'", "é", "🙂", "57,200"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let changes = text.unicodeScalars.contains { scalar in
                "<>&\"'".unicodeScalars.contains(scalar) || ControlCharacters.isControl(scalar, allowingCarriageReturn: true)
            }
            #expect(HTMLContentType.needsEscaping(text) == changes, "\(Array(text.unicodeScalars))")
        }
    }

    /// Every XML file the sample site writes parses (the feed, the sitemap, the logo).
    @Test func everyXMLFileOfTheSampleSiteParses() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let report = SiteBuild.build(BuildOptions(content: TestPaths.sampleContent, templates: TestPaths.templates,
                                                  output: root.appendingPathComponent("public"), asOf: CalendarDate("2026-11-20")!))
        #expect(report.errorCount == 0)
        let files = readTree(root.appendingPathComponent("public")).filter { $0.key.hasSuffix(".xml") || $0.key.hasSuffix(".svg") }
        #expect(files.keys.contains("feeds/vacancies.xml") && files.keys.contains("sitemap.xml"))
        for (path, data) in files {
            #expect(OutputSafety.xmlProblems(data) == nil, "\(path)")
        }
    }

    // MARK: Diagnostics

    @Test func diagnosticsNeverPrintControlCharactersFromContent() {
        let diagnostic = Diagnostic.error(QuorumSupport.SourceLocation(path: "Content/pages/\u{1B}]0;x\u{07}.md", line: 2),
                                          "'title' must be text, not '\u{1B}[2J\u{9B}31m\u{202E}evil\r'", code: "c")
        let text = DiagnosticFormat.text.render([diagnostic], summary: nil)
        #expect(text == #"Content/pages/\u{1B}]0;x\u{7}.md:2:1: error: 'title' must be text, not '\u{1B}[2J\u{9B}31m\u{202E}evil\r' [c]"# + "\n")
        let github = DiagnosticFormat.github.render([diagnostic], summary: nil)
        #expect(github.contains(#"::'title' must be text, not '\u{1B}[2J\u{9B}31m\u{202E}evil%0D'"#), "\(github)")
        for format in DiagnosticFormat.allCases {
            let output = format.render([diagnostic], summary: "done")
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E },
                    "\(format)")
        }
    }
}

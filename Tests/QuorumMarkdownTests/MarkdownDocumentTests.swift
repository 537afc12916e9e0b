import Testing
@testable import QuorumMarkdown
@testable import QuorumSupport

@Suite("Markdown rendering through cmark-gfm")
struct MarkdownDocumentTests {
    @Test func rendersGFMTables() {
        let html = MarkdownDocument.html("| Area | FTE |\n| --- | ---: |\n| Fostering | 12.5 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Area</th>"))
        #expect(html.contains("<td align=\"right\">12.5</td>"))
    }

    @Test func rendersStrikethroughAutolinksAndTaskLists() {
        let html = MarkdownDocument.html("~~HCPC~~ Social Work England\n\nSee www.example.org\n\n- [x] done\n- [ ] to do\n")
        #expect(html.contains("<del>HCPC</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> to do</li>"))
    }

    @Test func omitsRawHTMLAndScript() {
        let html = MarkdownDocument.html("Hello <script>alert('x')</script>\n\n<div onclick=\"x()\">block</div>\n\n<iframe src=x></iframe>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dropsJavaScriptLinks() {
        let html = MarkdownDocument.html("[click](javascript:alert(1)) ![x](javascript:alert(2))\n")
        #expect(!html.contains("javascript:"))
    }

    @Test func escapesTextThatLooksLikeTags() {
        let html = MarkdownDocument.html("`<script>` and 5 < 6 > 4\n\n    <h2>code</h2>\n")
        #expect(html.contains("<code>&lt;script&gt;</code>"))
        #expect(html.contains("&lt;h2&gt;code&lt;/h2&gt;"))
        #expect(!html.contains("<h2"))
    }

    @Test func givesHeadingsStableUniqueIDs() {
        let text = "# Summary\n\n## Financial implications\n\n## Details\n\n### Details\n\n## Details!\n\n## `Code` & more\n"
        let html = MarkdownDocument.html(text)
        #expect(html.contains("<h1 id=\"summary\">Summary</h1>"))
        #expect(html.contains("<h2 id=\"financial-implications\">"))
        #expect(html.contains("<h2 id=\"details\">Details</h2>"))
        #expect(html.contains("<h3 id=\"details-1\">Details</h3>"))
        #expect(html.contains("<h2 id=\"details-2\">Details!</h2>"))
        #expect(html.contains("<h2 id=\"code--more\">"))
        #expect(MarkdownDocument.html(text) == html)
    }

    @Test func slugsFollowOneRuleForASCIIAndOtherText() {
        #expect(HeadingAnchor.slug("Costs & Funding_2024 (draft)") == "costs--funding_2024-draft")
        #expect(HeadingAnchor.slug("Tab\there") == "tabhere")
        #expect(HeadingAnchor.slug("Café Über 2°") == "café-über-2")
        #expect(HeadingAnchor.slug("ÉCOLE") == "école")
        let html = MarkdownDocument.html("## Überblick\n\nText <h2> and `<h3>` in a paragraph.\n\n###### Six\n")
        #expect(html == "<h2 id=\"überblick\">Überblick</h2>\n<p>Text <!-- raw HTML omitted --> and <code>&lt;h3&gt;</code> in a paragraph.</p>\n<h6 id=\"six\">Six</h6>\n")
    }

    @Test func taskListCheckboxesHaveAnAccessibleName() {
        let html = MarkdownDocument.html("- [x] Send the offer letters\n- [ ] Book the induction\n\nNot a box: `<input type=\"checkbox\" disabled=\"\" />`\n")
        #expect(html == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" aria-label="Done" /> Send the offer letters</li>
            <li><input type="checkbox" disabled="" aria-label="Not done" /> Book the induction</li>
            </ul>
            <p>Not a box: <code>&lt;input type=&quot;checkbox&quot; disabled=&quot;&quot; /&gt;</code></p>

            """)
    }

    @Test func rendersOneNodeWithItsHeadingIDs() {
        let document = MarkdownDocument("# Intro\n\n> ## Quote heading\n> text\n\n## Intro\n")
        let quote = document.document.children[1]
        #expect(quote.kind == "block_quote")
        #expect(document.html(of: quote) == "<blockquote>\n<h2 id=\"quote-heading\">Quote heading</h2>\n<p>text</p>\n</blockquote>\n")
    }

    @Test func exposesTheTreeWithPositionsAndTaskState() {
        let document = MarkdownDocument("## Recruitment\n\n- [x] Advert *launched*\n- [ ] Fair\n\n```quorum workforce-table\nas-of: 2017-06-30\n```\n")
        let children = document.document.children
        #expect(children.map(\.kind) == ["heading", "list", "code_block"])
        #expect(children[0].headingLevel == 2)
        #expect(children[0].plainText == "Recruitment")
        let items = children[1].children
        #expect(items.map(\.isTaskItem) == [true, true])
        #expect(items.map(\.isTaskChecked) == [true, false])
        #expect(items[0].plainText == "Advert launched")
        #expect(items[1].startLine == 4)
        #expect(children[2].fenceInfo == "quorum workforce-table")
        #expect(children[2].literal == "as-of: 2017-06-30\n")
        #expect(children[2].startLine == 6)
    }

    @Test func writesCommonMarkBack() {
        let document = MarkdownDocument("Title\n=====\n\n* one\n* ~~two~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        let markdown = document.commonMark()
        #expect(markdown.contains("# Title"))
        #expect(markdown.contains("~~two~~"))
        #expect(markdown.contains("| a | b |"))
        #expect(MarkdownDocument.html(markdown).contains("<table>"))
    }

    /// cmark-gfm's inline pass shares a table of special characters between parsers; a
    /// parser finishing while another runs used to make the other miss `~~` or an autolink.
    @Test func rendersTheSameOnManyThreadsAtOnce() {
        let texts = (0..<1_000).map { number in
            "# Page \(number)\n\n| a | b |\n|---|---|\n| \(number) | ~~x~~ |\n\n"
                + String(repeating: "Plain words to keep the inline pass busy. ", count: number % 7 * 20)
                + "See www.example.org/\(number) or https://example.org and ~~old~~ text.\n\n- [x] task \(number)\n"
        }
        let serial = texts.map { MarkdownDocument.html($0) }
        #expect(serial.allSatisfy { $0.contains("<del>x</del>") && $0.contains("<a href=\"http://www.example.org/") })
        for _ in 0..<2 {
            let parallel = ParallelMap.map(texts) { MarkdownDocument.html($0) }
            #expect(serial == parallel)
        }
    }
}

import QuorumContent
import QuorumMarkdown
import QuorumPapers
import QuorumSupport

/// Lays a paper out in the standard format: the sections of its `PaperOutline` (the
/// standard order, missing ones added or reported), every section and paragraph numbered,
/// each block rendered to HTML and markdown (directives through their templates).
///
/// Numbering: sections 1, 2, 3 ...; paragraphs 1.1, 1.2 ... A list, table, quote or
/// directive that follows a paragraph belongs to it and keeps its number; one that opens a
/// section gets a number of its own. Level-3 headings are unnumbered sub-headings.
package struct PaperLayout: Sendable {
    package struct Paragraph: Sendable {
        package let number: String
        package let blocks: [RenderedBlock]
        /// A sub-heading shown above the paragraph (from a level-3 heading).
        package let subheading: String?
    }

    package struct Section: Sendable {
        package let number: Int
        package let title: String
        package let anchor: String
        package let lead: String?
        package let paragraphs: [Paragraph]
    }

    package let sections: [Section]
    /// The links written in the paper's text and front matter (recommendations, background
    /// documents), where they were written, for the link checker.
    package let links: [SourceLink]

    /// `generated` holds markdown that Quorum wrote for some sections (an annual update's
    /// figures and sentences); it comes first in its section and is numbered with the
    /// officer's paragraphs that follow.
    package static func make(paper: CommitteePaper, data: PaperData, templates: TemplateLibrary,
                             generated: [StandardSection: String] = [:], log: inout DiagnosticLog) -> PaperLayout {
        let document = MarkdownDocument(paper.source.body)
        let directives = DirectiveRenderer(data: data, templates: templates, asAt: paper.asAt)
        let outline = PaperOutline(document, paper: paper, generated: Set(generated.keys), log: &log)
        var sections: [Section] = []
        var links: [SourceLink] = []
        for (index, draft) in outline.sections.enumerated() {
            let number = index + 1
            var paragraphs: [Paragraph] = []
            if let kind = draft.kind, let markdown = generated[kind] {
                let written = MarkdownDocument(markdown)
                // Generated text has no lines of its own in the officer's file.
                paragraphs = numberBlocks(written.document.children, section: number, document: written,
                                          locate: { _ in paper.source.file.location() }, links: &links,
                                          locateLink: { _ in paper.source.file.location() }, directives: directives, log: &log)
            }
            paragraphs += numberBlocks(draft.blocks, section: number, startingAt: paragraphs.count, document: document,
                                       locate: { paper.source.location(bodyLine: $0.startLine, column: $0.startColumn) }, links: &links,
                                       locateLink: { paper.source.location(bodyLine: $0.line, column: $0.column) },
                                       directives: directives, log: &log)
            var lead: String?
            switch draft.kind {
            case .recommendations where paragraphs.isEmpty:
                lead = paper.recommendationsIntro
                let written = itemLocations("recommendations", of: paper)
                paragraphs = paper.recommendations.enumerated().map { offset, text in
                    let item = offset < written.count ? written[offset] : paper.source.frontMatter.location(of: "recommendations")
                    return Paragraph(number: "\(number).\(offset + 1)",
                                     blocks: [inline(text, links: &links, at: { locate($0, in: text, writtenAt: item, of: paper) })],
                                     subheading: nil)
                }
            case .background:
                paragraphs += backgroundParagraphs(paper, section: number, after: paragraphs.count, links: &links)
            case let kind? where kind.isImplication && paragraphs.isEmpty:
                paragraphs = [Paragraph(number: "\(number).1", blocks: [inline(kind.noImplicationsSentence)], subheading: nil)]
            default:
                break
            }
            sections.append(Section(number: number, title: draft.title, anchor: "section-\(number)", lead: lead,
                                    paragraphs: paragraphs))
        }
        return PaperLayout(sections: sections, links: links)
    }

    /// Numbers `blocks` into paragraphs, adding the links of the blocks it keeps to `links`,
    /// each where `locateLink` says it was written.
    static func numberBlocks(_ blocks: [MarkdownNode], section: Int, startingAt first: Int = 0, document: MarkdownDocument,
                             locate: (MarkdownNode) -> SourceLocation, links: inout [SourceLink],
                             locateLink: (MarkdownLink) -> SourceLocation, directives: DirectiveRenderer,
                             log: inout DiagnosticLog) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current: [RenderedBlock] = []
        var subheading: String?
        // Only a paragraph of text takes the lists, tables and directives that follow it.
        var openedByText = false
        func close() {
            guard !current.isEmpty else { return }
            paragraphs.append(Paragraph(number: "\(section).\(first + paragraphs.count + 1)", blocks: current, subheading: subheading))
            current = []
            subheading = nil
        }
        for block in blocks {
            if block.kind == "heading" {
                close()
                subheading = block.plainText
                openedByText = false
                continue
            }
            var rendered: RenderedBlock?
            if block.kind == "code_block", let info = block.fenceInfo,
               var directive = Directive(info: info, location: locate(block)) {
                // The paragraph it will belong to: a new one unless it follows a paragraph of text.
                let opens = !openedByText
                let number = first + paragraphs.count + (opens && !current.isEmpty ? 2 : 1)
                directive.anchor = "\(section).\(number)-\(opens ? 1 : current.count + 1)"
                rendered = directives.render(directive, log: &log)
                guard rendered != nil else { continue }
            } else {
                rendered = RenderedBlock(html: document.html(of: block), markdown: document.commonMark(of: block),
                                         isText: block.kind == "paragraph")
                links += document.links(of: block).map { SourceLink(url: $0.url, kind: $0.kind, location: locateLink($0)) }
            }
            if block.kind == "paragraph" || !openedByText {
                close()
                openedByText = block.kind == "paragraph"
            }
            current.append(rendered!)
        }
        close()
        return paragraphs
    }

    /// A sentence from the front matter as a paragraph, rendered as markdown so that
    /// emphasis and links work and raw HTML does not.
    static func inline(_ text: String) -> RenderedBlock {
        var none: [SourceLink] = []
        return inline(text, links: &none, at: { _ in SourceLocation(path: "") })
    }

    /// The same for a sentence written in the front matter, adding its links to `links`
    /// at the places `locate` gives.
    static func inline(_ text: String, links: inout [SourceLink], at locate: (MarkdownLink) -> SourceLocation) -> RenderedBlock {
        let document = MarkdownDocument(text)
        links += document.links.map { SourceLink(url: $0.url, kind: $0.kind, location: locate($0)) }
        return RenderedBlock(html: document.html(), markdown: document.commonMark(),
                             isText: document.document.children.first?.kind == "paragraph")
    }

    /// Where a link of the front matter sentence `text`, written at `item`, is: at its own
    /// column when the sentence is written on the item's line as it is (unquoted, or quoted
    /// without escapes), else at the item.
    static func locate(_ link: MarkdownLink, in text: String, writtenAt item: SourceLocation,
                       of paper: CommitteePaper) -> SourceLocation {
        guard link.line == 1, item.line >= 1,
              let line = paper.source.file.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(item.line - 1).first,
              let start = line.utf8.indices.dropFirst(max(0, item.column - 1)).first,
              let found = line[start...].range(of: text) else { return item }
        return SourceLocation(path: item.path, line: item.line, column: line.utf8.distance(from: line.startIndex, to: found.lowerBound) + link.column)
    }

    /// Where each item of the front matter list `key` was written.
    static func itemLocations(_ key: String, of paper: CommitteePaper) -> [SourceLocation] {
        let meta = paper.source.frontMatter
        return meta.items(key)?.map(\.location) ?? []
    }

    /// The background documents and the officer to contact, after any text the officer wrote.
    static func backgroundParagraphs(_ paper: CommitteePaper, section: Int, after count: Int,
                                     links: inout [SourceLink]) -> [Paragraph] {
        var texts: [String] = []
        if paper.backgroundDocuments.isEmpty {
            texts.append("There are no background documents to this report.")
        } else {
            let list = paper.backgroundDocuments.map { document in
                let title = MarkdownEscaping.escape(document.title)
                // `&` and `\` written so that markdown takes the address as it is, decoding nothing.
                let link = document.link.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "&", with: "&amp;") }
                return "- " + (link.map { "[\(title)](<\($0)>)" } ?? title)
            }
            texts.append("The background documents to this report are:\n\n" + list.joined(separator: "\n"))
        }
        if let contact = paper.contact {
            texts.append("If you have any queries about this report, please contact \(MarkdownEscaping.escape(contact.name)), "
                + "\(MarkdownEscaping.escape(contact.role)), on \(MarkdownEscaping.escape(contact.phone)) or at <\(contact.email)>.")
        }
        // A document's link is located at its 'link:' value (or its entry) in the front matter.
        let meta = paper.source.frontMatter
        var written: [String: SourceLocation] = [:]
        for item in meta.items("background_documents") ?? [] {
            guard let url = item.fields?["link"], written[url] == nil else { continue }
            written[url] = item.fieldLocations["link"]
        }
        let fallback = meta.location(of: "background_documents")
        return texts.enumerated().map { offset, text in
            Paragraph(number: "\(section).\(count + offset + 1)",
                      blocks: [inline(text, links: &links, at: { written[$0.url] ?? fallback })], subheading: nil)
        }
    }
}

/// A piece of a paper in both renderings.
package struct RenderedBlock: Sendable {
    package let html: String
    package let markdown: String
    /// True for a paragraph of text, which a paragraph number can start on the same line.
    package var isText = false
    /// True for a chart, which the Word version shows as a picture (`chartSVG`, titled
    /// `chartTitle`) followed by its data table, or as the table alone.
    package var isChart = false
    package var chartSVG: String?
    package var chartTitle: String?
}

import CCmarkGFM

/// A link or image destination written in markdown, with where it was written, so that
/// a broken link in a generated page is reported at the markdown line that produced it.
package struct MarkdownLink: Sendable, Hashable {
    package enum Kind: String, Sendable {
        case link, image
    }

    package let kind: Kind
    /// The destination as written (`about.html#team`, `media/chart.png`).
    package let url: String
    /// Line and column in the markdown body (from 1).
    package let line: Int
    package let column: Int

    package init(kind: Kind, url: String, line: Int, column: Int) {
        self.kind = kind
        self.url = url
        self.line = line
        self.column = column
    }
}

/// Markdown rendered to HTML, with the link and image destinations it contains.
package struct RenderedMarkdown: Sendable {
    package let html: String
    package let links: [MarkdownLink]
}

extension MarkdownDocument {
    /// Every link and image destination of the document, in document order. Autolinks
    /// (`https://...` written bare) are links too. Links cmark dropped as unsafe
    /// (`javascript:`) have an empty destination and are left out.
    package var links: [MarkdownLink] { links(under: root) }

    /// The same for one node and what it contains (a block of a committee paper).
    package func links(of node: MarkdownNode) -> [MarkdownLink] { links(under: node.pointer) }

    private func links(under top: OpaquePointer) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        CmarkTree.forEachNode(in: top) { node in
            let kind: MarkdownLink.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK: kind = .link
            case CMARK_NODE_IMAGE: kind = .image
            default: return
            }
            guard let url = cmark_node_get_url(node).map({ String(cString: $0) }), !url.isEmpty else { return }
            links.append(MarkdownLink(kind: kind, url: url, line: Int(cmark_node_get_start_line(node)),
                                      column: Int(cmark_node_get_start_column(node))))
        }
        return links
    }

    /// Renders markdown text to HTML and lists its links, in one parse.
    package static func rendered(_ markdown: String) -> RenderedMarkdown {
        let document = MarkdownDocument(markdown)
        return RenderedMarkdown(html: document.html(), links: document.links)
    }

    /// The same for several texts, parsed together (see `parseAll`).
    package static func renderedAll(_ texts: [String]) -> [RenderedMarkdown] {
        parseAll(texts).map { RenderedMarkdown(html: $0.html(), links: $0.links) }
    }
}

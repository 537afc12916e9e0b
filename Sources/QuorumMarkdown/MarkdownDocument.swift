import CCmarkGFM
import Foundation
import QuorumSupport

/// A markdown text parsed by cmark-gfm with GitHub's extensions, safe by default:
/// raw HTML in content is never emitted and `javascript:` links are dropped.
///
/// One document owns one parser, so documents may be parsed and rendered on several
/// threads at once; only the extension registry is shared, and it is filled once.
package final class MarkdownDocument {
    /// The GFM extensions Quorum turns on, in cmark-gfm's names.
    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm's registry is a global list that is not thread-safe to fill; Swift runs a
    /// global's initialiser exactly once, so every document goes through this first.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Default options: no `CMARK_OPT_UNSAFE`, so raw HTML and dangerous URLs are suppressed.
    static let options = CMARK_OPT_DEFAULT

    /// cmark-gfm turns the extensions' special characters (`~`, `|`, `:`, `w`) on in a
    /// process-wide table when a parser starts its inline pass and off when it ends, so two
    /// parsers finishing at once can make one miss a table or a strikethrough. Block parsing
    /// and rendering run in parallel; only that inline pass (`cmark_parser_finish`) is serial.
    private static let inlinePass = NSLock()

    private let parser: OpaquePointer
    let root: OpaquePointer
    /// Stable anchor ids for every heading, in document order.
    package private(set) var headingIDs: [HeadingAnchor] = []

    package convenience init(_ markdown: String) {
        let parser = MarkdownDocument.parser(fedWith: markdown)
        let root: OpaquePointer = MarkdownDocument.inlinePass.withLock { cmark_parser_finish(parser) }
        self.init(parser: parser, root: root)
    }

    private init(parser: OpaquePointer, root: OpaquePointer) {
        self.parser = parser
        self.root = root
        headingIDs = HeadingAnchor.assign(to: root)
    }

    /// How many texts to parse together: enough that the lock changes hands rarely, few
    /// enough that every core gets work on a small site.
    package static let batchSize = 32

    /// Parses several texts, taking the inline-pass lock once for all of them: on a site of
    /// thousands of pages, handing the lock from core to core page by page costs more than
    /// the work it guards.
    package static func parseAll(_ texts: [String]) -> [MarkdownDocument] {
        let parsers = texts.map(parser(fedWith:))
        let roots: [OpaquePointer] = inlinePass.withLock { parsers.map { cmark_parser_finish($0) } }
        return zip(parsers, roots).map { MarkdownDocument(parser: $0, root: $1) }
    }

    /// A parser with Quorum's extensions that has read `markdown` and has its blocks.
    private static func parser(fedWith markdown: String) -> OpaquePointer {
        _ = registration
        let parser: OpaquePointer = cmark_parser_new(options)
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, markdown.utf8.count) }
        return parser
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document's top node, for walking the tree.
    package var document: MarkdownNode { MarkdownNode(pointer: root, owner: self) }

    /// HTML for the whole document, or for one node and what it contains, with heading ids.
    package func html(of node: MarkdownNode? = nil) -> String {
        let target = node?.pointer ?? root
        let extensions = cmark_parser_get_syntax_extensions(parser)
        let raw = MarkdownDocument.take(cmark_render_html(target, MarkdownDocument.options, extensions))
        // Every heading is inside the whole document; only a part needs the ancestry walk.
        let inside = target == root ? headingIDs : headingIDs.filter { anchor in
            anchor.node == target || MarkdownNode(pointer: anchor.node, owner: self).isInside(target)
        }
        // A control character written in the body (or as `&#27;`) has no place in a page or feed.
        return CmarkHTMLEdits.apply(to: ControlCharacters.removing(from: raw, allowingCarriageReturn: true), headingIDs: inside.map(\.id))
    }

    /// CommonMark (GFM) text for the whole document or one node, for markdown renderings,
    /// under the same rules as the HTML (see `SafeMarkdownTree`).
    package func commonMark(of node: MarkdownNode? = nil) -> String {
        let target = node?.pointer ?? root
        SafeMarkdownTree.apply(to: target)
        return ControlCharacters.removing(from: MarkdownDocument.take(cmark_render_commonmark(target, MarkdownDocument.options, 0)),
                                          allowingCarriageReturn: true)
    }

    /// Copies a string cmark allocated and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Renders markdown text to HTML in one call: what `quorum markdown` and every page use.
    package static func html(_ markdown: String) -> String {
        MarkdownDocument(markdown).html()
    }
}

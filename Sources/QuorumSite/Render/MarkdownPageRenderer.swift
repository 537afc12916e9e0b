import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumSupport

/// Renders markdown pages with what every page of a build shares: the context (navigation,
/// footer, feed), the microsite's shared values and the page shells. A build renders all
/// pages with one; `quorum serve` keeps it to render a changed page again exactly as the
/// build did.
final class MarkdownPageRenderer: @unchecked Sendable {
    let context: RenderContext
    /// Plain data, only read once made, shared by every page.
    private let values: [String: Any]
    /// The names of the values every page gets.
    var sharedValueNames: Set<String> { Set(values.keys) }
    private let shells: PageShells

    init(context: RenderContext, values: [String: Any]) {
        self.context = context
        self.values = values
        shells = PageShells(context: context, values: values.merging(PageHighlights.none.values(root: "")) { $1 })
    }

    /// Each page's file (nil when it could not be rendered) and what rendering it said, in
    /// the order of `pages`. Pages without highlights of their own share their layout
    /// through `PageShells`. The markdown of a batch is parsed together, so that each call
    /// takes cmark's inline-pass lock once (see `MarkdownDocument`).
    func render(_ pages: [Page]) -> [(file: OutputFile?, log: DiagnosticLog)] {
        zip(pages, MarkdownDocument.renderedAll(pages.map(\.source.body))).map { page, body in
            var pageLog = DiagnosticLog()
            let source = page.source.file.location()
            let links = page.source.sourceLinks(body.links)
            let text = context.text(title: page.title, description: page.description, path: page.outputPath,
                                    content: body.html)
            let file = page.highlights.isEmpty
                ? shells.page(page.template, at: page.outputPath, text: text, source: source, links: links, log: &pageLog)
                : context.page(page.template, at: page.outputPath, text: text,
                               values: values.merging(page.highlights.values(root: OutputPath(page.outputPath)?.rootPrefix ?? "")) { $1 },
                               source: source, links: links, log: &pageLog)
            return (file, pageLog)
        }
    }
}

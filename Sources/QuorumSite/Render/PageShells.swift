import Foundation
import QuorumContent
import QuorumSupport

/// Renders pages through a `PageShell` per layout where that gives exactly the page
/// Mustache would, and through Mustache otherwise.
///
/// A shell stands for every page with the same template, depth and current navigation
/// entry, and text of the same shape (absent, empty, ending in a line feed: the things a
/// template's sections and indentation can see). Each shell is checked once against a
/// full render of the first page it is for, and set aside if they differ. Templates that
/// could change the text more than by escaping it never get shells (see `ShellSafety`).
final class PageShells: @unchecked Sendable {
    private struct Key: Hashable {
        let template: String
        let root: String
        let current: Int?
        let shapes: [Shape]
    }

    private struct Shape: Hashable {
        let absent: Bool
        let empty: Bool
        let endsWithLineFeed: Bool

        init(_ text: String?) {
            absent = text == nil
            empty = text?.isEmpty ?? true
            // As a character, as swift-mustache's indentation and markdown escaping see it:
            // text ending in "\r\n" does not end in a line feed.
            endsWithLineFeed = text?.last == "\n"
        }
    }

    private let context: RenderContext
    /// Values every page of the shells shares (the kind's own values).
    private let values: [String: Any]
    private let enabled: Bool
    private let lock = NSLock()
    private var shells: [Key: PageShell?] = [:]

    init(context: RenderContext, values: [String: Any]) {
        self.context = context
        self.values = values
        enabled = context.templates.allowsShells
    }

    /// How many shells are in use, and how many were set aside (for tests).
    var counts: (used: Int, setAside: Int) {
        lock.withLock { (shells.values.count { $0 != nil }, shells.values.count { $0 == nil }) }
    }

    /// The page, as `RenderContext.page` renders it with the shared values.
    func page(_ template: String, at path: String, text: PageText, source: SourceLocation, links: [SourceLink],
              log: inout DiagnosticLog) -> OutputFile? {
        guard enabled, let outputPath = OutputPath(path), context.templates.names.contains(template) else {
            return fullPage(template, at: path, text: text, source: source, links: links, log: &log)
        }
        let gaps: [String?] = [text.title, text.description, text.url, text.canonicalURL, text.content]
        let shapes = gaps.map(Shape.init)
        let key = Key(template: template, root: context.root(of: outputPath),
                      current: context.menu.firstIndex { $0.path == outputPath.value }, shapes: shapes)
        // A gap's text without the line feed it ends with: the shell has that line feed.
        let texts = zip(gaps, shapes).map { gap, shape -> Substring in
            guard let gap else { return "" }
            return shape.endsWithLineFeed ? gap[..<gap.utf8.index(before: gap.utf8.endIndex)] : gap[...]
        }
        let known = lock.withLock { shells[key] }
        if let known {
            guard let shell = known else {
                return fullPage(template, at: path, text: text, source: source, links: links, log: &log)
            }
            return OutputFile(path: outputPath, contents: .text(shell.filled(with: texts)),
                              origin: context.origin(template, source: source, links: links))
        }
        // The first page of this shape: make the shell and keep it only if it gives this page exactly.
        let full = fullPage(template, at: path, text: text, source: source, links: links, log: &log)
        var shell: PageShell?
        if let full, case .text(let html) = full.contents {
            shell = makeShell(template, at: outputPath, shapes: shapes)
            if shell?.filled(with: texts) != html { shell = nil }
        }
        lock.withLock { shells[key] = .some(shell) }
        return full
    }

    private func fullPage(_ template: String, at path: String, text: PageText, source: SourceLocation,
                          links: [SourceLink], log: inout DiagnosticLog) -> OutputFile? {
        context.page(template, at: path, text: text, values: values, source: source, links: links, log: &log)
    }

    private func makeShell(_ template: String, at path: OutputPath, shapes: [Shape]) -> PageShell? {
        func marker(_ gap: Int) -> String {
            shapes[gap].empty ? "" : PageShell.marker(gap) + (shapes[gap].endsWithLineFeed ? "\n" : "")
        }
        let text = PageText(title: marker(0), description: marker(1), url: marker(2),
                            canonicalURL: shapes[3].absent ? nil : marker(3), content: marker(4))
        guard let rendered = context.templates.render(template, context.templateValues(text, at: path, values: values))
        else { return nil }
        return PageShell(rendered: rendered, gaps: shapes.count)
    }
}

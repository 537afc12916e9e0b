import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import QuorumCore

/// What "safe" means for each kind of file a build writes, as checks that name each problem.
enum OutputSafety {
    /// Problems in any generated file, by its extension.
    static func problems(path: String, data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        switch (path as NSString).pathExtension {
        case "xml", "svg": return xmlProblems(data).map { ["\(path): \($0)"] } ?? []
        case "html": return htmlProblems(text).map { "\(path): \($0)" }
        case "md": return markdownProblems(text).map { "\(path): \($0)" }
        default: return []
        }
    }

    /// The parser's error when `data` is not well-formed XML.
    static func xmlProblems(_ data: Data) -> String? {
        let parser = XMLParser(data: data)
        if parser.parse() { return nil }
        return "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
    }

    /// Script that is not Quorum's own (its JSON-LD), a script address in an attribute, an
    /// event-handler attribute, or a control character.
    static func htmlProblems(_ html: String) -> [String] {
        var problems: [String] = []
        let lower = html.lowercased()
        var searchStart = lower.startIndex
        while let found = lower.range(of: "<script", range: searchStart..<lower.endIndex) {
            if !lower[found.lowerBound...].hasPrefix("<script type=\"application/ld+json\">") {
                problems.append("script element: \(lower[found.lowerBound...].prefix(60))")
            }
            searchStart = found.upperBound
        }
        let patterns = [
            #"(href|src|action|formaction|poster)\s*=\s*["']?\s*(javascript|vbscript|data:text)"#,
            #"<[a-z][^>]*\son[a-z]+\s*="#,
        ]
        for pattern in patterns {
            if let match = lower.range(of: pattern, options: .regularExpression) {
                problems.append("unsafe markup: \(lower[match].prefix(80))")
            }
        }
        if ControlCharacters.contains(html, allowingCarriageReturn: true) { problems.append("a control character") }
        return problems
    }

    /// Raw HTML other than the comment that stands for omitted HTML, a link or picture to a
    /// script address, or a control character, found by parsing the markdown as a reader would.
    static func markdownProblems(_ markdown: String) -> [String] {
        var problems: [String] = []
        let document = MarkdownDocument(markdown)
        for node in document.document.descendants {
            switch node.kind {
            case "html_block", "html_inline":
                let literal = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if literal != SafeMarkdownTree.omittedHTML { problems.append("raw HTML: \(literal.prefix(60))") }
            case "link", "image":
                if let url = node.url, SafeMarkdownTree.isScriptAddress(url) { problems.append("script link: \(url.prefix(60))") }
            default: break
            }
        }
        if ControlCharacters.contains(markdown) { problems.append("a control character") }
        return problems
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
@testable import QuorumMarkdown
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
#endif

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
        for (tag, attributes) in tags(in: html) {
            for (name, value) in attributes {
                if name.hasPrefix("on") { problems.append("event handler \(name) on <\(tag)>") }
                if ["href", "src", "action", "formaction", "poster", "xlink:href"].contains(name), SafeMarkdownTree.isScriptAddress(value) {
                    problems.append("script address in <\(tag) \(name)=\"\(value.prefix(40))\">")
                }
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
                if !SafeMarkdownTree.writtenHTML.contains(literal) { problems.append("raw HTML: \(literal.prefix(60))") }
            case "link", "image":
                if let url = node.url, SafeMarkdownTree.isScriptAddress(url) { problems.append("script link: \(url.prefix(60))") }
            default: break
            }
        }
        if ControlCharacters.contains(markdown) { problems.append("a control character") }
        return problems
    }

    /// The start tags of `html` with their attributes (values with references decoded enough
    /// to see a scheme), read as a browser tokenizes them; comments and script content skipped.
    static func tags(in html: String) -> [(String, [(String, String)])] {
        var result: [(String, [(String, String)])] = []
        let characters = Array(html.unicodeScalars)
        var index = 0
        func at(_ i: Int) -> Unicode.Scalar? { i < characters.count ? characters[i] : nil }
        func skipSpace() { while let c = at(index), c.properties.isWhitespace { index += 1 } }
        while index < characters.count {
            guard characters[index] == "<" else { index += 1; continue }
            if String(String.UnicodeScalarView(characters[index..<min(index + 4, characters.count)])) == "<!--" {
                while index < characters.count, !(characters[index] == ">" && index >= 2 && characters[index - 1] == "-" && characters[index - 2] == "-") { index += 1 }
                continue
            }
            index += 1
            var tag = ""
            while let c = at(index), c.properties.isAlphabetic || ("0"..."9").contains(c) { tag.unicodeScalars.append(c); index += 1 }
            guard !tag.isEmpty else { continue }
            var attributes: [(String, String)] = []
            while true {
                skipSpace()
                guard let c = at(index), c != ">" else { index += 1; break }
                if c == "/" { index += 1; continue }
                var name = ""
                while let c = at(index), !c.properties.isWhitespace, c != "=", c != ">", c != "/" { name.unicodeScalars.append(c); index += 1 }
                skipSpace()
                var value = ""
                if at(index) == "=" {
                    index += 1
                    skipSpace()
                    if let quote = at(index), quote == "\"" || quote == "'" {
                        index += 1
                        while let c = at(index), c != quote { value.unicodeScalars.append(c); index += 1 }
                        index += 1
                    } else {
                        while let c = at(index), !c.properties.isWhitespace, c != ">" { value.unicodeScalars.append(c); index += 1 }
                    }
                }
                if name.isEmpty { index += 1; continue }
                let decoded = value.replacingOccurrences(of: "&#106;", with: "j").replacingOccurrences(of: "&#x6a;", with: "j")
                    .replacingOccurrences(of: "&colon;", with: ":").replacingOccurrences(of: "&#58;", with: ":")
                attributes.append((name.lowercased(), decoded))
            }
            result.append((tag.lowercased(), attributes))
            // The content of script and style is not markup: go on after its end tag.
            if ["script", "style"].contains(tag.lowercased()) {
                let rest = String(String.UnicodeScalarView(characters[min(index, characters.count)...]))
                if let close = rest.range(of: "</\(tag)", options: .caseInsensitive) {
                    index += rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: close.lowerBound)
                }
            }
        }
        return result
    }
}

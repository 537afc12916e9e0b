import QuorumSupport

/// The lines of the templates that can hold a link (they say `href` or `src`), and for
/// each template the order to search them in: the template itself, then the parents and
/// partials it uses, then every other template. Found once per run of pages, the first time
/// a template link needs its line, so that finding where a template writes a link costs a
/// few line searches, not a scan of every template for every page.
struct TemplateLinkLines {
    struct Line {
        let number: Int
        let text: Substring
        let isASCII: Bool
    }

    /// Candidate lines by template display path, in line order.
    private let lines: [String: [Line]]
    private let templates: [String: String]
    private let sortedPaths: [String]

    init(templates: [String: String]) {
        self.templates = templates
        sortedPaths = templates.keys.sorted()
        var lines: [String: [Line]] = [:]
        for (path, text) in templates {
            lines[path] = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { $0.element.contains("href") || $0.element.contains("src") }
                .map { Line(number: $0.offset + 1, text: $0.element, isASCII: $0.element.utf8.allSatisfy { $0 < 0x80 }) }
        }
        self.lines = lines
    }

    /// The first line, in search order from `template`, that holds `needle`.
    func find(_ needle: Substring, from template: String, chain: [String]) -> SourceLocation? {
        let needleASCII = needle.utf8.allSatisfy { $0 < 0x80 }
        let needleBytes = Array(needle.utf8)
        for path in chain + sortedPaths.filter({ !chain.contains($0) }) {
            for line in lines[path] ?? [] where Self.contains(line, needle, needleBytes, ascii: needleASCII) {
                return SourceLocation(path: path, line: line.number)
            }
        }
        return nil
    }

    /// Foundation's `contains` (which matches canonically equivalent text); for ASCII text,
    /// where that is a plain byte search, a byte search.
    private static func contains(_ line: Line, _ needle: Substring, _ bytes: [UInt8], ascii: Bool) -> Bool {
        guard ascii, line.isASCII else { return line.text.contains(needle) }
        let haystack = line.text.utf8
        guard let first = bytes.first, bytes.count <= haystack.count else { return bytes.isEmpty }
        var index = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -bytes.count)
        while index <= last {
            if haystack[index] == first, haystack[index...].starts(with: bytes) { return true }
            index = haystack.index(after: index)
        }
        return false
    }
}

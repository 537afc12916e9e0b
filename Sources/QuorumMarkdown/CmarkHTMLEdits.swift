import Foundation

/// Quorum's changes to the HTML cmark-gfm writes, made in one pass over its bytes: an id in
/// each heading's tag (`HeadingAnchor`) and a name on each task-list checkbox
/// (`TaskListLabels`). Safe on the HTML: cmark escapes content and omits raw HTML, so every
/// such tag in its output is its own, written in ASCII.
enum CmarkHTMLEdits {
    /// `html` with `headingIDs` put into its heading tags, in order, and its checkboxes named.
    static func apply(to html: String, headingIDs: [String]) -> String {
        var html = html
        return html.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress else { return nil }
            var output: [UInt8] = []
            var ids = headingIDs[...]
            var copied = 0
            var index = 0
            while index < bytes.count,
                  let found = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let edit = ids.first.flatMap { HeadingAnchor.tag(in: bytes, at: index, id: $0) }
                if edit != nil { ids = ids.dropFirst() }
                guard let (length, replacement) = edit ?? TaskListLabels.tag(in: bytes, at: index) else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: replacement)
                index += length
                copied = index
            }
            // Nothing changed: the HTML as it is, without a copy.
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }
}

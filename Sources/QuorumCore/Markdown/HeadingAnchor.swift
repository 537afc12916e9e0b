import CCmarkGFM

/// The `id` a heading gets, so that papers and pages can link to `#details`.
///
/// Ids follow GitHub's rule: lower case, punctuation dropped, spaces to hyphens, and
/// `-1`, `-2` ... added to repeats. They depend only on the document, so they are stable.
public struct HeadingAnchor {
    let node: OpaquePointer
    public let id: String

    static func assign(to root: OpaquePointer) -> [HeadingAnchor] {
        var anchors: [HeadingAnchor] = []
        var used: [String: Int] = [:]
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            let text = headingText(node)
            var id = slug(text)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id = "\(id)-\(count)"
            } else {
                used[id] = 1
            }
            anchors.append(HeadingAnchor(node: node, id: id))
        }
        return anchors
    }

    private static func headingText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// GitHub's heading slug.
    public static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }

    /// Adds `id="..."` to the heading tags of `html`, in order. Safe because cmark escapes
    /// content and omits raw HTML: every `<h1>`..`<h6>` in its output is a heading node.
    static func insert(_ ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + ids.count * 16)
        var remaining = ids[...]
        var rest = html[...]
        while let next = remaining.first, let range = rest.firstHeadingTag() {
            output += rest[..<range.lowerBound]
            output += rest[range].dropLast()
            output += " id=\"\(next)\">"
            rest = rest[range.upperBound...]
            remaining = remaining.dropFirst()
        }
        output += rest
        return output
    }
}

extension Substring {
    /// The range of the next `<h1>`..`<h6>` opening tag. cmark writes its tags in ASCII, so
    /// the tag is found in the UTF-8 bytes.
    func firstHeadingTag() -> Range<Substring.Index>? {
        let bytes = utf8
        var search = bytes.startIndex
        while let open = bytes[search...].firstIndex(of: UInt8(ascii: "<")) {
            let tag = bytes[open...].prefix(4)
            if tag.count == 4, tag.dropFirst().first == UInt8(ascii: "h"),
               let level = tag.dropFirst(2).first, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(level),
               tag.last == UInt8(ascii: ">") {
                return open..<bytes.index(open, offsetBy: 4)
            }
            search = bytes.index(after: open)
        }
        return nil
    }
}

import CCmarkGFM

/// The `id` a heading gets, so that papers and pages can link to `#details`.
///
/// Ids follow GitHub's rule: lower case, punctuation dropped, spaces to hyphens, and
/// `-1`, `-2` ... added to repeats. They depend only on the document, so they are stable.
package struct HeadingAnchor {
    let node: OpaquePointer
    package let id: String

    static func assign(to root: OpaquePointer) -> [HeadingAnchor] {
        var anchors: [HeadingAnchor] = []
        var used: [String: Int] = [:]
        CmarkTree.forEachNode(in: root) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
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
        CmarkTree.forEachNode(in: node) { child in
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
    package static func slug(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
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

    /// The same rule on plain ASCII text, byte by byte: nearly every heading.
    private static func asciiSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                bytes.append(byte + 32)
            case UInt8(ascii: " "):
                bytes.append(UInt8(ascii: "-"))
            case 0x80...:
                return nil
            default:
                continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The replacement for a heading's opening tag (`<h2>`) at `index` of cmark's HTML,
    /// with `id` in it; nil when there is none there.
    static func tag(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, id: String) -> (length: Int, replacement: [UInt8])? {
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
              bytes[index + 3] == UInt8(ascii: ">") else { return nil }
        return (4, Array(bytes[index..<(index + 3)]) + Array(" id=\"\(id)\">".utf8))
    }
}

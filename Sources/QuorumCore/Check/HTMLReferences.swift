/// The references (`href`, `src`) and the ids of one HTML page, found by a small scanner.
///
/// It is made for the HTML Quorum generates (cmark-gfm's output inside Mustache templates),
/// not for any HTML: it reads tags and their attributes, skips comments, `<!DOCTYPE>`, and
/// the contents of `<script>` and `<style>`, and decodes the usual character references in
/// attribute values. Its limits: no `<base href>`, no `srcset`, no URLs in CSS (`url(...)`)
/// or in scripts, and markup written by a script is not seen. Malformed markup is read as
/// far as it makes sense and never makes the scanner fail.
public struct HTMLReferences: Sendable {
    public struct Reference: Sendable, Hashable {
        /// The element, in lower case: `a`, `img`, `link`, `script`.
        public let element: String
        /// `href` or `src`.
        public let attribute: String
        /// The value with character references decoded, as a browser reads it.
        public let value: String
        /// A stylesheet, image, script or other file the page loads, rather than a link
        /// a reader follows.
        public var isAsset: Bool { attribute == "src" || element == "link" }
    }

    public var references: [Reference] = []
    /// Every `id`, and every `name` of an `<a>`: the targets of `#fragment` links.
    public var ids: Set<String> = []

    public init(scanning html: String) {
        var scanner = Scanner(bytes: Array(html.utf8))
        scanner.run(into: &self)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run(into result: inout HTMLReferences) {
            while let open = find(UInt8(ascii: "<"), from: index) {
                index = open + 1
                if hasPrefix("!--") {
                    index = end(of: "-->", from: index + 3)
                } else if hasPrefix("!") || hasPrefix("?") || hasPrefix("/") {
                    index = (find(UInt8(ascii: ">"), from: index) ?? bytes.count - 1) + 1
                } else if index < bytes.count, isLetter(bytes[index]) {
                    let (element, selfClosing) = readTag(into: &result)
                    if !selfClosing, element == "script" || element == "style" {
                        index = endOfRawText(element)
                    }
                }
            }
        }

        /// Reads `name attr="value" ...>` after the `<`; returns the element name.
        mutating func readTag(into result: inout HTMLReferences) -> (String, Bool) {
            let element = readName()
            var selfClosing = false
            while index < bytes.count {
                skipSpace()
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") { index += 1; break }
                if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
                selfClosing = false
                let name = readName()
                if name.isEmpty { index += 1; continue }
                skipSpace()
                var value: String? = nil
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    skipSpace()
                    value = readValue()
                }
                guard let value else { continue }
                switch name {
                case "href", "src":
                    result.references.append(Reference(element: element, attribute: name, value: value))
                case "id":
                    result.ids.insert(value)
                case "name" where element == "a":
                    result.ids.insert(value)
                default:
                    break
                }
            }
            return (element, selfClosing)
        }

        mutating func readName() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        }

        mutating func readValue() -> String {
            guard index < bytes.count else { return "" }
            let quote = bytes[index]
            let start: Int
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                start = index + 1
                let close = find(quote, from: start) ?? bytes.count
                index = min(close + 1, bytes.count)
                return HTMLReferences.decodeCharacterReferences(String(decoding: bytes[start..<close], as: UTF8.self))
            }
            start = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            return HTMLReferences.decodeCharacterReferences(String(decoding: bytes[start..<index], as: UTF8.self))
        }

        /// After `<script ...>`: the index past `</script`, compared without case.
        func endOfRawText(_ element: String) -> Int {
            let closing = Array("</\(element)".utf8)
            var i = index
            while let open = find(UInt8(ascii: "<"), from: i) {
                if open + closing.count <= bytes.count,
                   zip(bytes[open..<(open + closing.count)], closing).allSatisfy({ lower($0) == $1 }) {
                    return open
                }
                i = open + 1
            }
            return bytes.count
        }

        func end(of marker: String, from start: Int) -> Int {
            let needle = Array(marker.utf8)
            var i = start
            while i + needle.count <= bytes.count {
                if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
                i += 1
            }
            return bytes.count
        }

        func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            return bytes[start...].firstIndex(of: byte)
        }

        func hasPrefix(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            return index + needle.count <= bytes.count && bytes[index..<(index + needle.count)].elementsEqual(needle)
        }

        mutating func skipSpace() {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        }

        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;` and `&#x27;`-style
    /// references: all that cmark-gfm and Mustache's escaping produce. Others stay as written.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var output = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var decoded: Character? = named[name]
                if decoded == nil, name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let scalar = digits.first == "x" || digits.first == "X"
                        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                    decoded = scalar.flatMap(Unicode.Scalar.init).map(Character.init)
                }
                if let decoded {
                    output.append(decoded)
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            output.append("&")
            rest = after
        }
        output += rest
        return output
    }
}

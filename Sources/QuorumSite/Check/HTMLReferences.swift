/// The references (`href`, `src`) and the ids of one HTML page, found by a small scanner.
///
/// It is made for the HTML Quorum generates (cmark-gfm's output inside Mustache templates),
/// not for any HTML: it reads tags and their attributes, skips comments, `<!DOCTYPE>`, and
/// the contents of `<script>` and `<style>`, and decodes the usual character references in
/// attribute values. Its limits: no `<base href>`, no `srcset`, no URLs in CSS (`url(...)`)
/// or in scripts, and markup written by a script is not seen. Malformed markup is read as
/// far as it makes sense and never makes the scanner fail.
package struct HTMLReferences: Sendable {
    package struct Reference: Sendable, Hashable {
        /// The element, in lower case: `a`, `img`, `link`, `script`.
        package let element: String
        /// `href` or `src`.
        package let attribute: String
        /// The value with character references decoded, as a browser reads it.
        package let value: String
        /// A stylesheet, image, script or other file the page loads, rather than a link
        /// a reader follows.
        package var isAsset: Bool { attribute == "src" || element == "link" }
    }

    package var references: [Reference] = []
    /// Every `id`, and every `name` of an `<a>`: the targets of `#fragment` links.
    package var ids: Set<String> = []

    package init(scanning html: String) {
        // The scan runs over the page's UTF-8 bytes in place; a String is made only for
        // the few values it keeps, since every page of a large site passes through here.
        var html = html
        html.withUTF8 { bytes in
            var scanner = HTMLScanner(bytes: bytes)
            scanner.run(into: &self)
        }
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;` and `&#x27;`-style
    /// references: all that cmark-gfm and Mustache's escaping produce. Others stay as written.
    static func decodeCharacterReferences(_ text: String) -> String {
        // A byte search: no character but `&` itself holds an `&`.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
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

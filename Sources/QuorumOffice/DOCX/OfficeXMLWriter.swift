/// A small typed writer for the XML parts of an Office package.
///
/// Why not XMLCoder for writing: WordprocessingML is mixed, ordered content (a paragraph is
/// properties, then runs, hyperlinks and tabs in reading order), with fixed namespace
/// prefixes and a schema that fixes the order of child elements. A writer that emits
/// elements in the order the code calls it says that directly, keeps attribute order fixed
/// (so output is byte-stable), and has one place that escapes text. XMLCoder is used where
/// it fits: reading a reference document's parts (`WordReferenceDocument`).
struct OfficeXMLWriter {
    typealias Attributes = [(String, String)]

    private(set) var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// An element with children written by `body`, so every start tag has its end tag.
    mutating func element(_ name: String, _ attributes: Attributes = [], _ body: (inout OfficeXMLWriter) -> Void) {
        xml += "<" + name
        appendAttributes(attributes)
        xml += ">"
        body(&self)
        xml += "</" + name + ">"
    }

    /// An element without children: `<name a="b"/>`.
    mutating func empty(_ name: String, _ attributes: Attributes = []) {
        xml += "<" + name
        appendAttributes(attributes)
        xml += "/>"
    }

    /// An element holding only text.
    mutating func text(_ name: String, _ attributes: Attributes, _ text: String) {
        element(name, attributes) { $0.characters(text) }
    }

    mutating func text(_ name: String, _ text: String) {
        self.text(name, [], text)
    }

    /// Character data, escaped.
    mutating func characters(_ text: String) {
        xml += Self.escape(text, inAttribute: false)
    }

    /// Markup taken as it is (a part copied from a reference document).
    mutating func raw(_ markup: String) {
        xml += markup
    }

    private mutating func appendAttributes(_ attributes: Attributes) {
        for (name, value) in attributes {
            xml += " " + name + "=\"" + Self.escape(value, inAttribute: true) + "\""
        }
    }

    /// Escapes markup characters and drops the characters XML 1.0 forbids (most C0 controls,
    /// U+FFFE, U+FFFF), which would make Word refuse the whole file. In attributes, tab and
    /// line breaks are written as references so a reader keeps them.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        // Most texts (figures, style names, words) have nothing to escape or drop: none of
        // `& < > "`, no control character, no EF lead byte (U+FFFE, U+FFFF). Those are kept whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                        || $0 == UInt8(ascii: "\"") || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0's Char production (Swift strings hold no lone surrogates).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

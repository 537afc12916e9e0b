import Mustache
import QuorumSupport

/// The escaping of `{{value}}` in HTML templates: `<`, `>`, `&`, `"` and `'` become
/// character references, as swift-mustache's own HTML type does, but faster and safer, and
/// control characters are dropped (the feed and sitemap templates use it too).
///
/// swift-mustache escapes character by character with a dictionary lookup for each, which
/// was a sixth of all template time; most values (titles, dates, paths) need no escaping
/// at all and are returned as they are after one pass over their bytes. It also compares
/// whole characters, so a quote followed by a combining mark (`"\u{301}`) is one character
/// it does not escape, while a browser still sees the quote and ends the attribute there.
/// This escapes every such scalar.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // XML 1.0 forbids these (a feed with one is unreadable) and HTML has no use for them.
            case _ where ControlCharacters.isControl(scalar, allowingCarriageReturn: true): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `escape` would change `text`: a markup character or a control character, found
    /// on the UTF-8 bytes. A C1 control is C2 80 to C2 9F and U+FFFE/U+FFFF are EF BF BE/BF, so
    /// a pound sign (C2 A3) or a no-break space (C2 A0) leaves a figure as it is.
    static func needsEscaping(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            for index in 0..<count {
                switch bytes[index] {
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
                case 0x09, 0x0A, 0x0D: continue
                case 0x00..<0x20, 0x7F: return true
                case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]): return true
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    return true
                default: continue
                }
            }
            return false
        } ?? text.unicodeScalars.contains { scalar in
            "<>&\"'".unicodeScalars.contains(scalar) || ControlCharacters.isControl(scalar, allowingCarriageReturn: true)
        }
    }

    static let name = "QUORUM_HTML"

    /// Put before every template's text when it is parsed. swift-mustache starts every
    /// template and partial with its own HTML escaping and only a pragma changes that, so
    /// this changes nothing else; a template that names its own type (markdown templates
    /// do) still has it. On a line of its own the pragma leaves no trace in the output.
    static let pragmaLine = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registered before any template is parsed; registering twice is harmless. It also
    /// takes the name `HTML`, so a template that names the type itself escapes the same way.
    static let registration: Void = {
        MustacheContentTypes.register(HTMLContentType(), named: name)
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
    }()
}

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
        guard text.utf8.contains(where: needsEscape) else { return text }
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

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            // A control character, or the first byte of a C1 control or of U+FFFE/U+FFFF.
            || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
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

import Foundation
import QuorumSupport

/// The text of a file as every later stage reads it: each line end a line feed, and no
/// byte order mark.
///
/// Line ends are those of CommonMark and YAML: CR LF, LF and a lone CR each end one line
/// (`a\r\r\nb` is two line ends, so two paragraphs, as cmark-gfm renders it). Made line
/// feeds once here, markdown, front matter, CSV and YAML all count lines alike, and a
/// diagnostic's line is the line an editor shows.
///
/// A byte order mark at the start is how some editors say "UTF-8", and is dropped. One
/// anywhere else (two at the start, one in the middle: usually two files joined together)
/// is dropped too, with the place of the first so that it can be warned about.
package enum TextNormalization {
    package struct Normalized: Sendable {
        package let text: String
        /// Where the first byte order mark after the start was (line and column of the
        /// text as returned), and how many there were.
        let strayByteOrderMark: (line: Int, column: Int, count: Int)?
    }

    /// `text` with line feeds for line ends; the same string when it has no carriage return.
    static func lineFeeds(_ text: String) -> String {
        guard text.containsByte(carriageReturn) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCarriageReturn = false
        for byte in text.utf8 {
            if byte == lineFeed, afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == carriageReturn
            bytes.append(afterCarriageReturn ? lineFeed : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Line feeds for line ends, and no byte order mark.
    package static func normalized(_ text: String) -> Normalized {
        var text = lineFeeds(text)
        if text.unicodeScalars.first == byteOrderMark { text.unicodeScalars.removeFirst() }
        // U+FEFF is EF BB BF in UTF-8: only a text with an EF byte can hold one.
        guard text.containsByte(0xEF), text.unicodeScalars.contains(byteOrderMark) else {
            return Normalized(text: text, strayByteOrderMark: nil)
        }
        var line = 1, column = 1, count = 0
        var first: (line: Int, column: Int)?
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == byteOrderMark {
                if first == nil { first = (line, column) }
                count += 1
                continue
            }
            kept.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return Normalized(text: String(kept), strayByteOrderMark: first.map { ($0.line, $0.column, count) })
    }

    /// The warning for a byte order mark found after a file's start.
    package static func reportStrayByteOrderMark(_ result: Normalized, in path: String, log: inout DiagnosticLog) {
        guard let mark = result.strayByteOrderMark else { return }
        let more = mark.count > 1 ? " (and \(mark.count - 1) more after it)" : ""
        log.warning(SourceLocation(path: path, line: mark.line, column: mark.column),
                    "a byte order mark (U+FEFF) after the start of the file\(more) was removed; it usually comes from joining two files, so check nothing else was joined in",
                    code: "stray-byte-order-mark")
    }

    private static let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
    private static let byteOrderMark: Unicode.Scalar = "\u{FEFF}"
}

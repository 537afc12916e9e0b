import Foundation
import QuorumSupport

/// Makes a PDF that Chromium printed the same on every build: its creation and
/// modification dates become the build's as-at date (Chromium stamps the time of printing),
/// and links into the folder it was printed from (a temporary one) become the paper's public
/// addresses, or relative ones beside the PDF.
///
/// Only literal strings in the file's plain (uncompressed) objects are edited; the cross-
/// reference table is then moved by what each edit added or removed, so every object is
/// still found where the table says.
enum PrintedPDF {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// `link` maps an address Chromium wrote to the one to keep (nil keeps it as it is).
    static func normalize(_ pdf: Data, date: CalendarDate, link: (String) -> String?) throws -> Data {
        var bytes = [UInt8](pdf)
        renumberStructureIDs(&bytes)
        let stamp = Array(String(format: "D:%04d%02d%02d000000+00'00'", date.year, date.month, date.day).utf8)
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        for key in ["/CreationDate", "/ModDate"] {
            for range in literalStrings(after: key, in: bytes) { edits.append((range, stamp)) }
        }
        for range in literalStrings(after: "/URI", in: bytes) {
            let uri = String(decoding: unescape(bytes[range]), as: UTF8.self)
            if let replacement = link(uri), replacement != uri { edits.append((range, escape(replacement))) }
        }
        guard !edits.isEmpty else { return Data(bytes) }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for edit in edits {
            output += bytes[position..<edit.range.lowerBound]
            output += edit.replacement
            position = edit.range.upperBound
        }
        output += bytes[position...]
        // Where a byte of the old file is in the new one.
        func moved(_ offset: Int) -> Int {
            offset + edits.lazy.filter { $0.range.upperBound <= offset }
                .reduce(0) { $0 + $1.replacement.count - $1.range.count }
        }
        return Data(try repairCrossReferences(output, moved: moved))
    }

    /// Chromium names the elements of a tagged PDF's structure after the page's DOM nodes,
    /// `(node00000054)`, whose numbers can differ by one between two prints of the same
    /// page. Each is replaced by its rank among them, written to the same width: the same
    /// names in the same order (the name tree stays sorted), and no byte moves.
    static func renumberStructureIDs(_ bytes: inout [UInt8]) {
        let prefix = Array("(node".utf8)
        var found: [(range: Range<Int>, value: Int)] = []
        var index = 0
        while let start = find(prefix, in: bytes, from: index) {
            var end = start + prefix.count
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
            index = end
            guard end < bytes.count, bytes[end] == UInt8(ascii: ")"), end > start + prefix.count,
                  let value = Int(String(decoding: bytes[(start + prefix.count)..<end], as: UTF8.self)) else { continue }
            found.append(((start + prefix.count)..<end, value))
        }
        // The k-th smallest of distinct numbers is at least k, so its rank fits its width.
        let ranks = Dictionary(uniqueKeysWithValues: Set(found.map(\.value)).sorted().enumerated().map { ($1, $0) })
        for (range, value) in found {
            let digits = Array(String(ranks[value]!).utf8)
            bytes.replaceSubrange(range, with: Array(repeating: UInt8(ascii: "0"), count: range.count - digits.count) + digits)
        }
    }

    /// The byte ranges of the literal strings `key (…)` in the file, without the parentheses.
    static func literalStrings(after key: String, in bytes: [UInt8]) -> [Range<Int>] {
        let needle = Array(key.utf8)
        var ranges: [Range<Int>] = []
        var index = 0
        while let found = find(needle, in: bytes, from: index) {
            index = found + needle.count
            var start = index
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            // A key followed by another letter is another key (/URIs); by no string, not ours.
            guard start < bytes.count, bytes[start] == UInt8(ascii: "(") else { continue }
            var depth = 0, end = start + 1
            while end < bytes.count {
                let byte = bytes[end]
                if byte == UInt8(ascii: "\\") { end += 2; continue }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += 1
            }
            guard end < bytes.count else { break }
            ranges.append((start + 1)..<end)
            index = end
        }
        return ranges
    }

    /// Rewrites the classic cross-reference table (Chromium's Skia writes one, and no
    /// cross-reference streams) and `startxref` for the edited file.
    private static func repairCrossReferences(_ bytes: [UInt8], moved: (Int) -> Int) throws -> [UInt8] {
        guard let startxref = findLast(Array("startxref".utf8), in: bytes) else {
            throw Malformed(description: "the PDF has no startxref")
        }
        var cursor = startxref + "startxref".utf8.count
        while cursor < bytes.count, bytes[cursor] == 0x0A || bytes[cursor] == 0x0D || bytes[cursor] == 0x20 { cursor += 1 }
        let digitsStart = cursor
        while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) { cursor += 1 }
        // The old table's offset names a place in the old file: find the table itself in the new one.
        guard let oldTable = Int(String(decoding: bytes[digitsStart..<cursor], as: UTF8.self)) else {
            throw Malformed(description: "the PDF's startxref is not a number")
        }
        let table = moved(oldTable)
        guard bytes.count > table + 4, Array(bytes[table..<(table + 4)]) == Array("xref".utf8) else {
            throw Malformed(description: "the PDF has no cross-reference table where startxref points (a cross-reference stream?)")
        }
        var output = bytes
        var line = table + 4
        func skipLineEnd() { while line < output.count, output[line] == 0x0A || output[line] == 0x0D || output[line] == 0x20 { line += 1 } }
        skipLineEnd()
        // Subsections: "first count", then count entries of 20 bytes: "oooooooooo ggggg n\r\n".
        while line < output.count, (0x30...0x39).contains(output[line]) {
            var end = line
            while end < output.count, output[end] != 0x0A, output[end] != 0x0D { end += 1 }
            let header = String(decoding: output[line..<end], as: UTF8.self).split(separator: " ")
            guard header.count == 2, let count = Int(header[1]) else { throw Malformed(description: "a cross-reference subsection is malformed") }
            line = end
            skipLineEnd()
            for _ in 0..<count {
                guard line + 20 <= output.count else { throw Malformed(description: "the cross-reference table is cut short") }
                if output[line + 17] == UInt8(ascii: "n"), let offset = Int(String(decoding: output[line..<(line + 10)], as: UTF8.self)) {
                    output.replaceSubrange(line..<(line + 10), with: Array(String(format: "%010d", moved(offset)).utf8))
                }
                line += 20
            }
        }
        output.replaceSubrange(digitsStart..<cursor, with: Array(String(table).utf8))
        return output
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func findLast(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// A PDF literal string's bytes, its backslash escapes undone (the ones a URI can hold).
    static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var escaped = false
        for byte in bytes {
            if escaped { result.append(byte); escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else { result.append(byte) }
        }
        return result
    }

    static func escape(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { result.append(UInt8(ascii: "\\")) }
            result.append(byte)
        }
        return result
    }
}

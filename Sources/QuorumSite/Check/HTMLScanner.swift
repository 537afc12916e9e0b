import Foundation

/// The byte scanner behind `HTMLReferences`: walks one page's UTF-8 bytes tag by tag.
///
/// Names of elements and attributes are compared as bytes without regard to case (no
/// character outside ASCII lowercases to the letters of the names it looks for), and a
/// String is made only for a value that is kept: an `href` or `src`, an `id`, an `<a name>`.
struct HTMLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func run(into result: inout HTMLReferences) {
        while let open = find(UInt8(ascii: "<"), from: index) {
            index = open + 1
            if hasPrefix("!--") {
                index = end(of: "-->", from: index + 3)
            } else if hasPrefix("!") || hasPrefix("?") || hasPrefix("/") {
                index = (find(UInt8(ascii: ">"), from: index) ?? bytes.count - 1) + 1
            } else if index < bytes.count, Self.isLetter(bytes[index]) {
                let (element, selfClosing) = readTag(into: &result)
                if !selfClosing, let rawText = rawTextClosing(element) {
                    index = endOfRawText(closing: rawText)
                }
            }
        }
    }

    /// Reads `name attr="value" ...>` after the `<`; returns where the element's name is.
    mutating func readTag(into result: inout HTMLReferences) -> (Range<Int>, Bool) {
        let element = readName()
        // The element's name as `Reference` has it, made once and only for a tag with a reference.
        var elementName: String? = nil
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
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipSpace()
            let value = readValue()
            if let attribute = referenceAttribute(name) {
                let element = elementName ?? Self.lowercasedName(bytes[element])
                elementName = element
                result.references.append(.init(element: element, attribute: attribute, value: self.value(value)))
            } else if isNamed(name, "id") || (isNamed(name, "name") && isNamed(element, "a")) {
                result.ids.insert(self.value(value))
            }
        }
        return (element, selfClosing)
    }

    /// Up to a space, `=`, `>` or `/`.
    mutating func readName() -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            index += 1
        }
        return start..<index
    }

    /// Where the value is, quoted or not; the index moves past it.
    mutating func readValue() -> Range<Int> {
        guard index < bytes.count else { return index..<index }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            let close = find(quote, from: start) ?? bytes.count
            index = min(close + 1, bytes.count)
            return start..<close
        }
        let start = index
        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return start..<index
    }

    /// The value as a browser reads it: character references decoded.
    func value(_ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let text = String(decoding: slice, as: UTF8.self)
        return slice.contains(UInt8(ascii: "&")) ? HTMLReferences.decodeCharacterReferences(text) : text
    }

    /// After `<script ...>`: the index of the `<` of `</script`, compared without case.
    func endOfRawText(closing: StaticString) -> Int {
        let needle = UnsafeBufferPointer(start: closing.utf8Start, count: closing.utf8CodeUnitCount)
        var i = index
        while let open = find(UInt8(ascii: "<"), from: i) {
            if open + needle.count <= bytes.count,
               zip(bytes[open..<(open + needle.count)], needle).allSatisfy({ Self.lower($0) == $1 }) {
                return open
            }
            i = open + 1
        }
        return bytes.count
    }

    /// The index past `marker`, searched from `start`; the end when it is not there.
    func end(of marker: StaticString, from start: Int) -> Int {
        let needle = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
            i += 1
        }
        return bytes.count
    }

    /// The next `byte` from `start`. `memchr`: most of a page is text between tags, and it
    /// passes over that many bytes at a time.
    func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    func hasPrefix(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        return true
    }

    mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    /// `href` or `src`, in lower case, when the attribute named at `name` is one of them.
    func referenceAttribute(_ name: Range<Int>) -> String? {
        if isNamed(name, "href") { return "href" }
        if isNamed(name, "src") { return "src" }
        return nil
    }

    /// The closing tag to skip to when `element` is `script` or `style`, whose text is not markup.
    func rawTextClosing(_ element: Range<Int>) -> StaticString? {
        if isNamed(element, "script") { return "</script" }
        if isNamed(element, "style") { return "</style" }
        return nil
    }

    /// Whether the bytes at `range` are `name` (lower-case ASCII) in any case.
    func isNamed(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        for offset in 0..<range.count where Self.lower(bytes[range.lowerBound + offset]) != name.utf8Start[offset] {
            return false
        }
        return true
    }

    /// As the element's name has always been reported: decoded and lowercased.
    static func lowercasedName(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self).lowercased()
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}

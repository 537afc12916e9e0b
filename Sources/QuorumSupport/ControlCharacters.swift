/// Characters that have no place in a text value: C0 controls other than tab and line feed,
/// DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF. XML 1.0 forbids most of them
/// (one makes a feed unreadable), a terminal obeys them (ESC can retitle or clear it), and a
/// carriage return ends a markdown table row.
package enum ControlCharacters {
    /// Whether `scalar` is one of them; `allowingCarriageReturn` keeps CR (for XML text,
    /// where a CR is allowed and only normalised away).
    package static func isControl(_ scalar: Unicode.Scalar, allowingCarriageReturn: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x0D: !allowingCarriageReturn
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Bidirectional overrides and isolates: harmless in a page, but in a terminal they can
    /// make a message read differently from what it says.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether `text` has any of them, in one pass over its UTF-8 bytes (every page's HTML is
    /// asked), eight bytes at a time.
    package static func contains(_ text: String, allowingCarriageReturn: Bool = false) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ contains(utf8: $0, allowingCarriageReturn: allowingCarriageReturn) }) {
            return found
        }
        return text.unicodeScalars.contains { isControl($0, allowingCarriageReturn: allowingCarriageReturn) }
    }

    /// The same question of valid UTF-8. Each such scalar starts with a byte below 0x20, 0x7F
    /// (DEL), 0xC2 (C1 controls are C2 80 to C2 9F) or 0xEF (U+FFFE and U+FFFF are EF BF BE and
    /// EF BF BF); neither lead byte is ever a continuation byte. A word of eight bytes with none
    /// of those is passed over whole; the others are looked at byte by byte.
    static func contains(utf8 bytes: UnsafeBufferPointer<UInt8>, allowingCarriageReturn: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        func isControl(at index: Int) -> Bool {
            let byte = base[index]
            switch byte {
            case 0x09, 0x0A: return false
            case 0x0D: return !allowingCarriageReturn
            case 0x00..<0x20, 0x7F: return true
            case 0xC2: return index + 1 < count && (0x80...0x9F).contains(base[index + 1])
            case 0xEF: return index + 2 < count && base[index + 1] == 0xBF && (base[index + 2] == 0xBE || base[index + 2] == 0xBF)
            default: return false
            }
        }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Some byte below 0x20, or equal to 0x7F, 0xC2 or 0xEF (a word without may say yes; never the reverse).
            let candidate = (word &- ones &* 0x20) & ~word & highs != 0
                || hasZeroByte(word ^ (ones &* 0x7F)) || hasZeroByte(word ^ (ones &* 0xC2)) || hasZeroByte(word ^ (ones &* 0xEF))
            if candidate {
                for at in index..<index + 8 where isControl(at: at) { return true }
            }
            index += 8
        }
        while index < count {
            if isControl(at: index) { return true }
            index += 1
        }
        return false
    }

    /// `text` without them. A CR (or CR LF) becomes a line feed unless CR is allowed.
    package static func removing(from text: String, allowingCarriageReturn: Bool = false) -> String {
        guard contains(text, allowingCarriageReturn: allowingCarriageReturn) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\r", !allowingCarriageReturn {
                result.append("\n")
                continue
            }
            if scalar == "\n", previousWasCR, !allowingCarriageReturn { continue }
            if isControl(scalar, allowingCarriageReturn: allowingCarriageReturn) { continue }
            result.append(scalar)
        }
        return String(result)
    }

    /// The first such character, named for a message: `U+001B`.
    package static func firstName(in text: String) -> String? {
        text.unicodeScalars.first { isControl($0) }.map(name)
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` safe to print to a terminal: each control character (and bidi override) is
    /// shown as a Swift escape, `\u{1B}`; line feed and CR as `\n` and `\r` unless
    /// `keepingLineBreaks` (for formats that escape line breaks their own way).
    package static func escapedForTerminal(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) || $0 == "\n" })
        else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLineBreaks, "\r" where keepingLineBreaks: result.unicodeScalars.append(scalar)
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isControl(scalar) || isBidiControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

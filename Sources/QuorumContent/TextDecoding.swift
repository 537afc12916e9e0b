import Foundation

/// A text file's bytes made into a string: UTF-8 (with or without its byte order mark), or
/// UTF-16 with its byte order mark (Excel's "Unicode text" export is UTF-16 LE).
///
/// Anything else is refused with the place of the first byte that gives it away and the
/// encoding it looks like, never decoded by guesswork: a Windows-1252 `£` read as something
/// else, or a UTF-16 file read as text with a NUL between every letter, would reach a page
/// or a figure looking plausible.
package enum TextDecoding {
    /// Why a file's bytes are not text Quorum reads: where (line and column, counted as an
    /// editor counts them in the text up to that point) and what.
    package struct Failure: Error, Sendable, Equatable {
        package let line: Int
        package let column: Int
        package let message: String
    }

    package static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if bytes.starts(with: [0xFF, 0xFE]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return decodeUTF16(bytes.dropFirst(2), bigEndian: true) }
        return decodeUTF8(bytes)
    }

    private static let saveAsUTF8 = "save it as UTF-8 (in Excel: 'CSV UTF-8')"

    private static func decodeUTF8(_ bytes: [UInt8]) -> Result<String, Failure> {
        // The common case in one pass each: valid UTF-8, no NUL.
        if let text = String(validating: bytes, as: UTF8.self) {
            // memchr: every content file is asked, and a generic search looks at a byte at a time.
            guard let nul = bytes.withUnsafeBufferPointer({ buffer -> Int? in
                guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }) else { return .success(text) }
            let (line, column) = position(of: nul, in: bytes)
            // UTF-16 text of ASCII letters is a letter and a NUL, in the order of its byte order.
            let order = nul % 2 == 1 ? "LE" : "BE"
            return .failure(Failure(line: line, column: column,
                                    message: "the file holds a NUL byte here: it looks like UTF-16 \(order) without its byte order mark; \(saveAsUTF8), or as Unicode text with its byte order mark"))
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar):
                offset += scalar.count
            case .emptyInput:
                // Not reached (validation failed, so a byte is wrong); said safely all the same.
                let (line, column) = position(of: bytes.count, in: bytes)
                return .failure(Failure(line: line, column: column, message: "the file is not UTF-8 text; \(saveAsUTF8)"))
            case .error:
                let (line, column) = position(of: offset, in: bytes)
                let byte = bytes[offset]
                let hex = "0x" + String(byte, radix: 16, uppercase: true)
                let shown = windows1252(byte).map { " ('\($0)' in Windows-1252)" } ?? ""
                return .failure(Failure(line: line, column: column,
                                        message: "the file is not UTF-8 text: the byte \(hex)\(shown) here is not UTF-8; it looks like Windows-1252 or another 8-bit encoding (Excel's plain 'CSV'); \(saveAsUTF8)"))
            }
        }
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, Failure> {
        let name = bigEndian ? "UTF-16 BE" : "UTF-16 LE"
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let (first, second) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        func failure(_ problem: String) -> Result<String, Failure> {
            let (line, column) = position(in: String(scalars))
            return .failure(Failure(line: line, column: column,
                                    message: "the file is \(name) (it starts with its byte order mark), but \(problem); save it again, or \(saveAsUTF8)"))
        }
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(unit):
                let scalar = Unicode.UTF16.decode(unit)
                if scalar == "\0" { return failure("holds a NUL character here") }
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                return failure("holds a broken character (a lone surrogate) here")
            }
        }
        if bytes.count % 2 == 1 { return failure("its last byte is half a character") }
        return .success(String(scalars))
    }

    /// Line and column of the byte at `offset` of valid UTF-8, counting CR LF, LF and a lone
    /// CR as one line end each (as `TextNormalization` does) and columns in Unicode scalars.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        position(in: String(decoding: bytes[..<offset], as: UTF8.self))
    }

    /// The position just after `text`.
    private static func position(in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1, afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 1
            } else if scalar != "\u{FEFF}" || line > 1 || column > 1 {
                column += 1  // a byte order mark at the start is not counted, as editors do not show it
            }
        }
        return (line, column)
    }

    /// What a byte that is not UTF-8 means in Windows-1252, to show the user which letter it is.
    private static func windows1252(_ byte: UInt8) -> String? {
        let high: [UInt8: Unicode.Scalar] = [
            0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
            0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
            0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›", 0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
        ]
        if let scalar = high[byte] { return String(scalar) }
        guard byte >= 0xA1 else { return nil }  // 0xA0 is a no-break space: nothing to show
        return String(Unicode.Scalar(byte))
    }
}

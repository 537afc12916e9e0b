import Foundation

/// What a cell of an HR export says: a number, "not given", or something unreadable.
///
/// Numbers may carry a `%` sign, thousands separators and surrounding spaces. An empty cell,
/// `-`, `n/a` and `x` mean the figure was not given. Anything else (`12.5 fte`, `#DIV/0!`)
/// is unreadable: reported at the cell, never guessed at.
enum CellValue: Sendable, Equatable {
    /// `decimals` is how many decimal places were typed (it sets the rounding allowance).
    case number(Double, decimals: Int, percentSign: Bool)
    case notGiven
    case unreadable

    static let notGivenMarks: Set<String> = ["", "-", "–", "—", "n/a", "x"]

    init(_ text: String) {
        if let plain = CellValue(plain: text) {
            self = plain
            return
        }
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}")))
        if CellValue.notGivenMarks.contains(text.lowercased()) {
            self = .notGiven
            return
        }
        var percentSign = false
        if text.hasSuffix("%") {
            percentSign = true
            text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        text = text.replacingOccurrences(of: "\u{2212}", with: "-")  // a typographic minus
        // Thousands separators only where they belong: 1,234.5 but not 1,2.
        let pattern = #"^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$"#
        guard !text.isEmpty, text != "-", text != ".",
              CellValue.isPlainNumber(text) || text.range(of: pattern, options: .regularExpression) != nil,
              let value = Double(text.replacingOccurrences(of: ",", with: ""))
        else {
            self = .unreadable
            return
        }
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        self = .number(value, decimals: decimals, percentSign: percentSign)
    }

    /// The common case, without Foundation: ASCII text that starts and ends with a visible
    /// character (so there is nothing to trim), and is a mark or a plain number, with or
    /// without `%`. nil sends everything else the long way, which gives the same answer.
    /// Read from the UTF-8 bytes: a folder of snapshots has millions of cells.
    private init?(plain text: String) {
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> CellValue? in
            guard let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first),
                  (0x21...0x7E).contains(last), bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            if CellValue.isNotGivenMark(bytes) { return .notGiven }
            let percentSign = last == UInt8(ascii: "%")
            let number = UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - (percentSign ? 1 : 0))])
            guard let end = number.last, (0x21...0x7E).contains(end),
                  number.count > 1 || (end != UInt8(ascii: "-") && end != UInt8(ascii: ".")),
                  CellValue.isPlainNumber(number),
                  let value = percentSign ? Double(String(decoding: number, as: UTF8.self)) : Double(text) else { return nil }
            let decimals = number.firstIndex(of: UInt8(ascii: ".")).map { number.count - $0 - 1 } ?? 0
            return .number(value, decimals: decimals, percentSign: percentSign)
        }
        guard let plain = read ?? nil else { return nil }
        self = plain
    }

    /// True when ASCII text is one of `notGivenMarks`, in any case.
    private static func isNotGivenMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        notGivenBytes.contains { mark in
            mark.count == bytes.count && zip(mark, bytes).allSatisfy { $0 == ((0x41...0x5A).contains($1) ? $1 | 0x20 : $1) }
        }
    }

    private static let notGivenBytes = notGivenMarks.map { Array($0.utf8) }

    /// `-12.5`, `340`, `.5`: ASCII digits with an optional minus and decimal part, which the
    /// pattern above always accepts, checked without compiling it (a snapshot has thousands of cells).
    static func isPlainNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlainNumber($0) }
    }

    static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var bytes = bytes[...]
        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        bytes = bytes.drop(while: isDigit)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: ".") else { return false }
        let fraction = bytes.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }

    /// A cell of a file whose decimal mark is the comma (a semicolon-separated snapshot):
    /// `12,5` and `25,7%` are read with their decimal comma, and `1.234,5` with a dot between
    /// thousands. A number with a dot and no comma is read as typed when it can only mean
    /// one thing (`12.5`, `0.625`), and is unreadable when it could be either (`1.234`: a
    /// thousand, or one and a bit), so that no figure changes its meaning by a guess.
    init(_ text: String, decimalComma: Bool) {
        // Most cells have neither mark, and read the same whatever the decimal mark is.
        guard decimalComma, text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }) else {
            self.init(text)
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}")))
        let percentSign = trimmed.hasSuffix("%")
        let number = percentSign ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        if number.contains(",") {
            let pattern = #"^[-\u2212]?(\d{1,3}(\.\d{3})+|\d*),\d+$"#
            guard number.range(of: pattern, options: .regularExpression) != nil else {
                self = .unreadable
                return
            }
            let withPoint = number.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            self.init(withPoint + (percentSign ? "%" : ""))
        } else if CellValue.isAmbiguousWithoutDecimalComma(number) {
            self = .unreadable
        } else {
            self.init(text)
        }
    }

    /// True for `1.234` (and `-12.345.678`): in a file with decimal commas, a thousands
    /// separator or a decimal point, with nothing to tell which.
    static func isAmbiguousWithoutDecimalComma(_ text: String) -> Bool {
        var number = text.trimmingCharacters(in: .whitespaces)
        if number.hasSuffix("%") { number = String(number.dropLast()).trimmingCharacters(in: .whitespaces) }
        return number.range(of: #"^[-\u2212]?[1-9]\d{0,2}(\.\d{3})+$"#, options: .regularExpression) != nil
    }

    var number: Double? {
        if case let .number(value, _, _) = self { return value }
        return nil
    }
}

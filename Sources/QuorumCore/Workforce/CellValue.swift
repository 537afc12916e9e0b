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
    private init?(plain text: String) {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last),
              bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if CellValue.notGivenMarks.contains(text.lowercased()) {
            self = .notGiven
            return
        }
        var number = Substring(text)
        let percentSign = number.hasSuffix("%")
        if percentSign { number = number.dropLast() }
        guard let end = number.utf8.last, (0x21...0x7E).contains(end), number != "-", number != ".",
              CellValue.isPlainNumber(String(number)), let value = Double(number) else { return nil }
        let decimals = number.firstIndex(of: ".").map { number.distance(from: $0, to: number.endIndex) - 1 } ?? 0
        self = .number(value, decimals: decimals, percentSign: percentSign)
    }

    /// `-12.5`, `340`, `.5`: ASCII digits with an optional minus and decimal part, which the
    /// pattern above always accepts, checked without compiling it (a snapshot has thousands of cells).
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let whole = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        bytes = bytes.dropFirst(whole.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: ".") else { return false }
        let fraction = bytes.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    var number: Double? {
        if case let .number(value, _, _) = self { return value }
        return nil
    }
}

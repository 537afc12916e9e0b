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

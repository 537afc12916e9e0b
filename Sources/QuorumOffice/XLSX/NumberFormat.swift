import Foundation

/// A cell's number format, resolved from styles.xml, and the kind that decides what its
/// number means: 0.2567 under `0.0%` is 25.67%, under `General` it is 0.2567.
package struct NumberFormat: Equatable, Sendable {
    package enum Kind: String, Equatable, Sendable {
        /// No format (`General`): the number is what it says.
        case general
        /// The number is a fraction shown times 100 (`0%`, `0.0%`).
        case percent
        /// The number is a date serial (days since the workbook's epoch), perhaps with a time.
        case date
        /// `@`: typed in as text, so a number in it was stored as text.
        case text
        /// Any other format (thousands separators, currency, fractions, scientific...).
        case other
    }

    /// The numFmtId in styles.xml (0-163 are built in, 164 up are the workbook's own).
    package let id: Int
    /// The format code (`0.0%`, `d mmm yyyy`); empty for a built-in id Excel leaves to the locale.
    package let code: String
    package let kind: Kind

    package static let general = NumberFormat(id: 0, code: "General")

    /// A format with its kind read from the code, or from the id for a built-in format whose
    /// code the file leaves out.
    package init(id: Int, code: String) {
        self.id = id
        self.code = code
        self.kind = code.isEmpty ? Self.builtInKinds[id] ?? .other : Self.kind(ofCode: code)
    }

    /// A built-in format by id (`9` is `0%`); nil if the id is not built in.
    static func builtIn(_ id: Int) -> NumberFormat? {
        if let code = builtInCodes[id] { return NumberFormat(id: id, code: code) }
        return builtInKinds[id].map { _ in NumberFormat(id: id, code: "") }
    }

    /// The kind of a format code: percent if a `%` is shown, date if a date or time part is,
    /// ignoring quoted text, escaped characters and `[Red]`/`[$-409]` brackets.
    static func kind(ofCode code: String) -> Kind {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.caseInsensitiveCompare("General") == .orderedSame { return .general }
        if trimmed == "@" { return .text }
        var shown: [Character] = []
        var iterator = trimmed.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\"": while let next = iterator.next(), next != "\"" {}
            case "\\", "_", "*": _ = iterator.next()   // an escaped, padded or repeated character
            case "[":
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.append(next) }
                // [h], [mm], [ss]: elapsed time, which is a date-time format.
                if !inside.isEmpty, inside.lowercased().allSatisfy({ "hms".contains($0) }) { shown.append("h") }
            default: shown.append(character)
            }
        }
        if shown.contains("%") { return .percent }
        if shown.contains(where: { "yYmMdDhHsS".contains($0) }) { return .date }
        if shown.contains("@") { return .text }
        return .other
    }

    /// ECMA-376 Part 1, 18.8.30: the built-in formats a file names by id alone.
    private static let builtInCodes: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
        11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm",
        17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
        22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
        39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
        46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    ]

    /// Kinds by built-in id, including the East Asian date ids (27-36, 50-58) whose code
    /// depends on the locale.
    private static let builtInKinds: [Int: Kind] = {
        var kinds: [Int: Kind] = [:]
        for (id, code) in builtInCodes { kinds[id] = kind(ofCode: code) }
        for id in Array(27...36) + Array(50...58) { kinds[id] = .date }
        return kinds
    }()
}

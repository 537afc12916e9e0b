import Foundation
import QuorumContent
import QuorumSupport

/// Reads the amounts and rates planning files hold: pounds (`£12,345`, `12345.67`), FTE,
/// and percentages (`15%` or `15`). Each reader says why it refused a text, so the caller
/// can report it at the cell or key, in the user's own words.
enum PlanningAmount {
    enum Reading: Equatable {
        case value(Double)
        case notGiven
        case unreadable
        case negative(Double)
    }

    /// Pounds: an optional `£` (before or after a minus sign), thousands separators, pence.
    /// `allowNegative` is for changes (a budget cut); a level (a budget) is never negative.
    static func pounds(_ text: String, allowNegative: Bool = false) -> Reading {
        var text = text.trimming(.spaces)
        if CellValue.notGivenMarks.contains(text.lowercased()) { return .notGiven }
        var minus = false
        if text.hasPrefix("-") || text.hasPrefix("\u{2212}") { minus = true; text = String(text.dropFirst()).trimming(.spaces) }
        if text.hasPrefix("£") { text = String(text.dropFirst()).trimming(.spaces) }
        if text.hasPrefix("-") { return .unreadable }
        guard !text.hasSuffix("%"), case let .number(value, _, _) = CellValue(text), value.isFinite else { return .unreadable }
        let signed = minus ? -value : value
        if signed < 0, !allowNegative { return .negative(signed) }
        return .value(signed)
    }

    /// A plain number (FTE, heads, hours): no `£`, no `%`.
    static func number(_ text: String, allowNegative: Bool = false) -> Reading {
        let text = text.trimming(.spaces)
        switch CellValue(text) {
        case .notGiven: return .notGiven
        case .unreadable: return .unreadable
        case let .number(value, _, percentSign):
            guard !percentSign, value.isFinite else { return .unreadable }
            if value < 0, !allowNegative { return .negative(value) }
            return .value(value)
        }
    }

    /// A percentage: `15%` or `15` both mean fifteen percent.
    static func percent(_ text: String) -> Reading {
        switch CellValue(text.trimming(.spaces)) {
        case .notGiven: return .notGiven
        case .unreadable: return .unreadable
        case let .number(value, _, _):
            guard value.isFinite else { return .unreadable }
            return value < 0 ? .negative(value) : .value(value)
        }
    }

    /// `£12,345.67` (pence only when there are any), for messages. Reports round here only.
    static func poundsText(_ value: Double) -> String {
        let pence = (abs(value) * 100).rounded()
        let whole = Int(pence / 100), rest = Int(pence.truncatingRemainder(dividingBy: 100))
        var digits = String(whole), grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        let sign = value < 0 && pence > 0 ? "-" : ""
        let penceText = rest == 0 ? "" : "." + (rest < 10 ? "0" : "") + String(rest)
        return "\(sign)£\(digits)\(grouped)\(penceText)"
    }
}

extension FrontMatter {
    /// A planning amount under `key`, reported at its value when it is missing (if required),
    /// unreadable or negative. `what` names the kind of amount in the message.
    func planningAmount(_ key: String, required: Bool = false, what: String,
                        read: (String) -> PlanningAmount.Reading, log: inout DiagnosticLog) -> Double? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        switch read(text) {
        case let .value(value): return value
        case .notGiven:
            if required {
                log.error(location(of: key), "'\(key)' must be \(what), not '\(text)'", code: PlanningDiagnosticCode.badNumber)
            }
            return nil
        case .unreadable:
            log.error(location(of: key), "'\(key)' must be \(what), not '\(text)'", code: PlanningDiagnosticCode.badNumber)
            return nil
        case .negative:
            log.error(location(of: key), "'\(key)' is '\(text)': it cannot be negative", code: PlanningDiagnosticCode.negative)
            return nil
        }
    }
}

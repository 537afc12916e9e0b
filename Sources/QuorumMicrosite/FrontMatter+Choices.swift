import Foundation
import QuorumContent
import QuorumSupport

/// Readers for the microsite's constrained fields: a value from a fixed list, a web address,
/// a sum of money. Each reports at the value's line and column, like the other readers.
extension FrontMatter {
    /// One of `choices`, compared without case; reported with `code` otherwise.
    package func choice(_ key: String, from choices: [String], required: Bool = false, code: String,
                        log: inout DiagnosticLog) -> String? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let match = choices.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
            let list = choices.map { "'\($0)'" }.joined(separator: ", ")
            log.error(location(of: key), "'\(key)' must be one of \(list), not '\(text)'", code: code)
            return nil
        }
        return match
    }

    /// A link a reader may follow: `https://` (or `http://`), or `mailto:` when `mail` is true.
    /// Anything else (`javascript:`, a relative path) is refused, so content cannot inject script.
    /// `httpsOnly` refuses `http://` too (a testimonial's video, as the docs say).
    package func webAddress(_ key: String, required: Bool = false, mail: Bool = false, httpsOnly: Bool = false, code: String,
                            log: inout DiagnosticLog) -> String? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        let lower = text.lowercased()
        let allowed = lower.hasPrefix("https://") || (!httpsOnly && lower.hasPrefix("http://")) || (mail && lower.hasPrefix("mailto:"))
        guard allowed, !text.contains(where: \.isWhitespace), URL(string: text) != nil else {
            let kinds = mail ? "https:// or mailto:" : "https://"
            log.error(location(of: key), "'\(key)' must be a web address starting \(kinds), not '\(text)'", code: code)
            return nil
        }
        return text
    }

    /// A whole number of pounds, written `38226`, `38,226` or `£38,226`.
    package func pounds(_ key: String, required: Bool = false, code: String, log: inout DiagnosticLog) -> Int? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        let digits = text.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
        guard let value = Int(digits), value > 0 else {
            log.error(location(of: key), "'\(key)' must be a whole number of pounds a year, such as 38226, not '\(text)'",
                      code: code)
            return nil
        }
        return value
    }
}

/// Money as the site shows it: `£38,226`.
package enum Pounds {
    package static func format(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "£" + grouped
    }
}

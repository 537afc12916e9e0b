import Foundation

/// `String(format: "%.1f", locale: en_GB, value)`, without its cost: Foundation formats
/// with a locale through ICU, a few microseconds a call, and a chart of ten years of monthly
/// snapshots has thousands of coordinates.
///
/// ICU writes the shortest decimal digits of the value rounded half to even at the place
/// asked for, with a `,` every three digits: `12,345.6`, `0.0` for 0.05 and `0.4` for 0.35,
/// and `-0.0` for a negative value that rounds to zero. `format` does the same from Swift's
/// own shortest digits (`description`), and leaves what it does not cover (a value Swift
/// writes with an exponent, infinities, NaN) to Foundation. `LocaleDecimalTests` holds it to
/// Foundation's answer on hundreds of thousands of values.
package enum LocaleDecimal {
    private static let locale = Locale(identifier: "en_GB")

    package static func format(_ value: Double, places: Int) -> String {
        shortestDigits(value, places: places) ?? String(format: "%.\(places)f", locale: locale, value)
    }

    /// The text, or nil when `value` is not a plain finite number in Swift's shortest form.
    static func shortestDigits(_ value: Double, places: Int) -> String? {
        guard value.isFinite, places >= 0 else { return nil }
        let text = value.magnitude.description
        guard !text.containsByte(UInt8(ascii: "e")), let dot = text.firstIndex(of: ".") else { return nil }
        let zero = UInt8(ascii: "0")
        var whole = Array(text[..<dot].utf8)
        var fraction = Array(text[text.index(after: dot)...].utf8)
        if fraction.count > places {
            let rest = fraction[places...]
            let first = rest.first!
            let beyond = rest.dropFirst().contains { $0 != zero }
            fraction.removeLast(fraction.count - places)
            let lastKept = places > 0 ? fraction.last! : whole.last!
            let up = first > UInt8(ascii: "5") || (first == UInt8(ascii: "5") && (beyond || (lastKept - zero) % 2 == 1))
            if up {
                var digits = whole + fraction
                var i = digits.count - 1
                while i >= 0 {
                    if digits[i] == UInt8(ascii: "9") {
                        digits[i] = zero
                        i -= 1
                    } else {
                        digits[i] += 1
                        break
                    }
                }
                if i < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
                whole = Array(digits[..<(digits.count - places)])
                fraction = Array(digits[(digits.count - places)...])
            }
        } else {
            fraction += Array(repeating: zero, count: places - fraction.count)
        }
        var grouped: [UInt8] = []
        grouped.reserveCapacity(whole.count + whole.count / 3)
        for (i, digit) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
            grouped.append(digit)
        }
        var result = value.sign == .minus ? "-" : ""
        result += String(decoding: grouped, as: UTF8.self)
        if places > 0 { result += "." + String(decoding: fraction, as: UTF8.self) }
        return result
    }
}

import Foundation

/// `String(format: "%.1f", locale: en_GB, value)`, remembered: Foundation formats with a
/// locale through ICU, which costs microseconds a call, and reports print the same few
/// figures many times (every paper shows the same snapshot). The text is exactly
/// Foundation's, as it is Foundation that makes it the first time.
enum LocaleDecimal {
    private static let locale = Locale(identifier: "en_GB")
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var texts: [Key: String] = [:]
    }
    private struct Key: Hashable {
        let bits: UInt64
        let places: Int
    }
    private static let cache = Cache()

    static func format(_ value: Double, places: Int) -> String {
        let key = Key(bits: value.bitPattern, places: places)
        if let text = cache.lock.withLock({ cache.texts[key] }) { return text }
        let text = String(format: "%.\(places)f", locale: locale, value)
        cache.lock.withLock { cache.texts[key] = text }
        return text
    }
}

import Foundation

/// How numbers are written in papers: one decimal place, rounded half away from zero (as
/// Excel and most readers do), and never "-0.0".
package enum Figures {
    /// The value as it will be printed, to one decimal place.
    package static func rounded(_ value: Double) -> Double {
        let result = (value * 10).rounded(.toNearestOrAwayFromZero) / 10
        return result == 0 ? 0 : result
    }

    /// `12.5%`
    package static func percent(_ value: Double) -> String {
        decimal(value) + "%"
    }

    /// `12.5`
    package static func decimal(_ value: Double) -> String {
        LocaleDecimal.format(rounded(value), places: 1)
    }
}

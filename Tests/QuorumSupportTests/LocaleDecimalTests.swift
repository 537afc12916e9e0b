import Foundation
import Testing
@testable import QuorumSupport

/// Report figures are written without Foundation's locale formatting (see `LocaleDecimal`),
/// so they must be exactly what it writes.
@Suite("Locale decimals")
struct LocaleDecimalTests {
    @Test func matchesFoundationWithTheBritishLocale() {
        let locale = Locale(identifier: "en_GB")
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.05, -0.05, 0.25, 0.35, 1.45, 2.5, -2.5, 9.95, 99.95, 999.95, 12345.65,
                                1234567.891, -98765.4321, 1e12, 123456789012.5, 1e-5, -1e-9, 1e16, 0.1 + 0.2,
                                .infinity, -.infinity, .nan]
        for _ in 0..<20_000 {
            let scale = [1.0, 10, 100, 1000, 7, 3, 20, 3.7, 1e6][Int.random(in: 0...8, using: &generator)]
            values.append(Double(Int.random(in: -10_000_000...10_000_000, using: &generator)) / scale)
            values.append(Double(Int.random(in: -2000...2000, using: &generator)) * 0.05)
            values.append(Double(Int.random(in: -2000...2000, using: &generator)) * 0.005)
        }
        var mismatches: [String] = []
        for value in values {
            for places in 0...2 {
                let expected = String(format: "%.\(places)f", locale: locale, value)
                let written = LocaleDecimal.format(value, places: places)
                if written != expected, mismatches.count < 10 { mismatches.append("\(value) to \(places): \(written), not \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}

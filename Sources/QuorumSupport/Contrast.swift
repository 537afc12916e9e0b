import Foundation

/// WCAG 2.2 contrast: the ratio of the relative luminances of two colours, from 1 to 21.
/// Text needs 4.5:1 at level AA (success criterion 1.4.3).
package enum Contrast {
    package static let minimumForText = 4.5

    /// The contrast of `#RRGGBB` against white, or nil when it is not written that way.
    package static func againstWhite(_ hex: String) -> Double? {
        guard hex.count == 7, hex.hasPrefix("#"), let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        let bytes: [Int] = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF]
        let channels: [Double] = bytes.map { byte in
            let c = Double(byte) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return 1.05 / (luminance + 0.05)
    }
}

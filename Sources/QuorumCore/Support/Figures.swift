import Foundation

/// How numbers are written in papers: one decimal place, plain English.
public enum Figures {
    /// `12.5%`
    public static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", locale: Locale(identifier: "en_GB"), value)
    }

    /// `12.5`
    public static func decimal(_ value: Double) -> String {
        String(format: "%.1f", locale: Locale(identifier: "en_GB"), value)
    }
}

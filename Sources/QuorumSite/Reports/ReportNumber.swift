import Foundation
import QuorumSupport
import QuorumWorkforce

/// How reports write workforce figures: one decimal place (whole numbers for counts),
/// percentages with `%`, changes signed, and never `-0.0`.
enum ReportNumber {
    /// `12.5`, with a value that rounds to zero written `0.0`.
    static func decimal(_ value: Double, places: Int = 1) -> String {
        let text = LocaleDecimal.format(value, places: places)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// A value in its measure's unit: `17.4%`, `25.5` (FTE), `12` (count), `16.3` (cases).
    static func value(_ value: Double, unit: Measure.Unit) -> String {
        switch unit {
        case .percent: decimal(value) + "%"
        case .count: decimal(value, places: 0)
        case .fte, .casesPerWorker, .daysPerFTE: decimal(value)
        }
    }

    /// A change with its sign and short unit: `+1.2 pp`, `-3.0 FTE`, `0.0 pp`.
    static func change(_ change: Double, unit: Measure.Unit) -> String {
        let places = unit == .count ? 0 : 1
        var text = decimal(change, places: places)
        if !text.hasPrefix("-"), Double(text).map({ $0 != 0 }) == true { text = "+" + text }
        let suffix = shortChangeUnit(unit)
        return suffix.isEmpty ? text : "\(text) \(suffix)"
    }

    /// `pp` for percentage points (captions say so), `FTE`, `cases`, `days`.
    static func shortChangeUnit(_ unit: Measure.Unit) -> String {
        switch unit {
        case .percent: "pp"
        case .fte: "FTE"
        case .count: ""
        case .casesPerWorker: "cases"
        case .daysPerFTE: "days"
        }
    }
}

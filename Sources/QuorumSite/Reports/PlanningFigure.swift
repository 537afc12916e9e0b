import QuorumWorkforce

/// How planning figures are written: pounds to the whole pound with commas (`£1,252,300`,
/// `-£4,100`), FTE, cases and rates to one decimal place, heads and counts whole. The
/// engine keeps every figure unrounded; this is the only place planning figures are rounded.
enum PlanningFigure {
    /// `places` is for FTE, cases and rates: 1 in summary tables, 2 in the lines of
    /// arithmetic, so that a reader who redoes a line gets its result to the penny.
    static func text(_ value: Double, unit: CalculationRow.Unit, places: Int = 1) -> String {
        switch unit {
        case .pounds: pounds(value)
        case .percent: ReportNumber.decimal(value, places: places) + "%"
        case .fte, .cases: ReportNumber.decimal(value, places: places)
        case .hours, .days: ReportNumber.decimal(value, places: value == value.rounded() ? 0 : places)
        case .heads, .count: ReportNumber.decimal(value, places: 0)
        }
    }

    /// `£1,252,300`, `-£4,100`, `£0`.
    static func pounds(_ value: Double) -> String {
        let text = ReportNumber.decimal(value, places: 0)
        return text.hasPrefix("-") ? "-£" + text.dropFirst() : "£" + text
    }

    /// A difference with its sign: `+£12,000`, `-3.0`, `0.0`.
    static func change(_ value: Double, unit: CalculationRow.Unit) -> String {
        let text = self.text(value, unit: unit)
        return text.hasPrefix("-") || text.allSatisfy({ !$0.isNumber || $0 == "0" }) ? text : "+" + text
    }

    /// A figure as a report cell; `nil` is "not available", with `note` as the reason.
    static func cell(_ value: Double?, unit: CalculationRow.Unit, suspect: Bool = false, note: String? = nil,
                     signed: Bool = false, places: Int = 1) -> ReportCell {
        guard let value else {
            return ReportCell(text: ReportCell.notAvailable, suspect: suspect, available: false,
                              note: "not available" + (note.map { ": \($0)" } ?? ""))
        }
        return ReportCell(text: signed ? change(value, unit: unit) : text(value, unit: unit, places: places), suspect: suspect)
    }
}

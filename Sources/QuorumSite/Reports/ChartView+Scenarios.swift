import Foundation
import QuorumSupport
import QuorumWorkforce

/// Line charts of scenario projections: one line per scenario and one for "no change", month
/// by month, with the same figures as a table.
extension ChartView {
    /// What a scenario chart can show of the directorate each month.
    enum ScenarioMeasure: String, CaseIterable, Sendable {
        case staffingCost = "staffing-cost"
        case employeeFTE = "employee-fte"
        case agencyFTE = "agency-fte"
        case vacancyRate = "vacancy-rate"
        case agencyRate = "agency-rate"
        case caseload

        var name: String {
            switch self {
            case .staffingCost: "Staffing cost of the month"
            case .employeeFTE: "Employee FTE"
            case .agencyFTE: "Agency FTE"
            case .vacancyRate: "Vacancy rate"
            case .agencyRate: "Agency rate"
            case .caseload: "Average caseload"
            }
        }

        var unit: CalculationRow.Unit {
            switch self {
            case .staffingCost: .pounds
            case .employeeFTE, .agencyFTE: .fte
            case .vacancyRate, .agencyRate: .percent
            case .caseload: .cases
            }
        }

        func value(_ position: Projection.Position) -> Double? {
            switch self {
            case .staffingCost: position.staffingCost
            case .employeeFTE: position.employeeFTE
            case .agencyFTE: position.agencyFTE
            case .vacancyRate: position.vacancyRate
            case .agencyRate: position.agencyRate
            case .caseload: position.caseload
            }
        }
    }

    /// `comparisons` and "no change" over every month any of them projects. Pounds are drawn
    /// in thousands (the axis says `k`); the table and the labels give whole pounds.
    static func scenarios(id: String, comparisons: [ScenarioComparison], measure: ScenarioMeasure) -> ChartView? {
        guard !comparisons.isEmpty else { return nil }
        let months = Set(comparisons.flatMap { $0.projection.months.map(\.month) }).sorted()
        guard let first = months.first, let last = months.last else { return nil }
        func values(_ projection: (CalendarMonth) -> Projection.Month?) -> [(Double?, Bool)] {
            months.map { month in
                guard let found = projection(month) else { return (nil, false) }
                return (measure.value(found.directorate), false)
            }
        }
        let baseline = values { month in comparisons.lazy.compactMap { $0.baseline.month(month) }.first }
        var named: [(String, [(Double?, Bool)], Bool)] = [("No change", baseline, comparisons.contains { $0.baseline.suspect })]
        for comparison in comparisons {
            named.append((comparison.scenario.title, values { comparison.projection.month($0) }, comparison.projection.suspect))
        }
        let cells = named.map { _, values, suspect in
            values.map { PlanningFigure.cell($0.0, unit: measure.unit, suspect: suspect, note: "not projected for this month") }
        }
        let scale = measure.unit == .pounds ? 1000.0 : 1
        // The direct label beside the last point has room for about 26 characters; the
        // description and the table give the whole title.
        let series = zip(named, cells).map { entry, cells in
            LineChart.Series(name: entry.0.count > 26 ? entry.0.prefix(24).trimmingCharacters(in: .whitespaces) + "…" : entry.0, values: entry.1.map { $0.0.map { $0 / scale } },
                             valueTexts: cells.map { $0.text + $0.marker }, suspect: cells.map(\.suspect))
        }
        let title = "\(measure.name), \(first.longForm) to \(last.longForm): " + (comparisons.count == 1
            ? "\(comparisons[0].scenario.title) against no change" : "each scenario against no change")
        let dates = months.map { CalendarDate(year: $0.year, month: $0.month, day: 1)! }
        var description = "Line chart of \(measure.name.lowercased()) for \(months.count) months from \(first.longForm) to \(last.longForm). "
        description += zip(named, series).map { entry, s -> String in
            let available = s.values.indices.filter { s.values[$0] != nil }
            guard let a = available.first, let b = available.last else { return "\(entry.0): not available" }
            return "\(entry.0): from \(s.valueTexts[a]) to \(s.valueTexts[b])"
        }.joined(separator: "; ") + "."
        if series.contains(where: { $0.suspect.contains(true) }) { description += " Values marked † rest on cells that failed validation." }
        let chart = LineChart(id: id, title: title, description: description, dates: dates, series: series,
                              tickSuffix: measure.unit == .pounds ? "k" : measure.unit == .percent ? "%" : "")
        let rows = months.indices.map { i in Row(label: months[i].longForm, cells: cells.map { $0[i] }) }
        return ChartView(kind: "trend", id: id, title: title, svg: chart.svg, caption: title, rowHeader: "Month",
                         columns: named.map { Column(name: $0.0) }, rows: rows,
                         hasSuspect: cells.joined().contains(where: \.suspect), suspectNote: ReportCell.suspectNote)
    }
}

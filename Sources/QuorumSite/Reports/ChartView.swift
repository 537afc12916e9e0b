import QuorumSupport
import QuorumWorkforce

/// A chart and the same data as a table: the table is the primary accessible source, the
/// SVG a picture of it. Built from the analysis; nil when there is nothing to draw.
struct ChartView: Sendable, Hashable {
    struct Column: Sendable, Hashable {
        let name: String
    }

    struct Row: Sendable, Hashable {
        let label: String
        let cells: [ReportCell]
    }

    /// "bars" or "trend".
    let kind: String
    let id: String
    let title: String
    let svg: String
    /// The table's caption: the chart's title, saying what the numbers are.
    let caption: String
    let rowHeader: String
    let columns: [Column]
    let rows: [Row]
    let hasSuspect: Bool
    let suspectNote: String

    /// The measures a chart can show.
    static let measures: [Measure] = [.vacancyRate, .agencyRate, .turnoverRate, .caseload]

    /// One bar per service area: `measure` of each area's total, or of one staff group.
    static func bars(id: String, snapshot: Snapshot, measure: Measure, group: String?,
                     config: WorkforceConfig) -> ChartView? {
        let who = group.map { g in config.groups.first { $0.id == g }?.name.lowercased() ?? g } ?? "all staff"
        let title = "\(measure.name) by service area, \(who), as at \(snapshot.asAt.longForm)"
        let values = snapshot.areas.map { area in
            (area.name, snapshot.value(of: measure, for: RowKey(area: area.id, group: group)))
        }
        guard values.contains(where: { $0.1.isAvailable }) else { return nil }
        let cells = values.map { ReportCell($0.1, unit: measure.unit) }
        let bars = zip(values, cells).map { pair, cell in
            BarChart.Bar(label: pair.0, value: pair.1.value, valueText: cell.text + cell.marker, suspect: cell.suspect)
        }
        let chart = BarChart(id: id, title: title, description: describe(bars: bars, measure: measure),
                             bars: bars, tickSuffix: measure.unit == .percent ? "%" : "")
        let rows = zip(values, cells).map { Row(label: $0.0.0, cells: [$0.1]) }
        return ChartView(kind: "bars", id: id, title: title, svg: chart.svg, caption: title, rowHeader: "Service area",
                         columns: [Column(name: measure.name)], rows: rows, hasSuspect: cells.contains(where: \.suspect),
                         suspectNote: ReportCell.suspectNote)
    }

    /// One line per row (e.g. each staff group and all staff) over `snapshots`.
    static func trend(id: String, snapshots: [Snapshot], measure: Measure, rows keys: [RowKey],
                      config: WorkforceConfig) -> ChartView? {
        guard let first = snapshots.first, let last = snapshots.last else { return nil }
        let names = keys.map { key in
            key.group.map { g in config.groups.first { $0.id == g }?.name ?? g } ?? "All staff"
        }
        let values = keys.map { key in snapshots.map { $0.value(of: measure, for: key) } }
        guard values.joined().contains(where: \.isAvailable) else { return nil }
        let cells = values.map { $0.map { ReportCell($0, unit: measure.unit) } }
        let series = zip(names, zip(values, cells)).map { name, pair in
            LineChart.Series(name: name, values: pair.0.map(\.value), valueTexts: pair.1.map { $0.text + $0.marker },
                             suspect: pair.1.map(\.suspect))
        }
        let place = keys.first?.area.flatMap { a in config.areas.first { $0.id == a }?.name } ?? config.grandTotalName
        let title = "\(measure.name), \(place), \(first.asAt.longForm) to \(last.asAt.longForm)"
        let chart = LineChart(id: id, title: title, description: describe(series: series, dates: snapshots.map(\.asAt), measure: measure),
                              dates: snapshots.map(\.asAt), series: series, tickSuffix: measure.unit == .percent ? "%" : "")
        let rows = snapshots.indices.map { i in Row(label: snapshots[i].asAt.longForm, cells: cells.map { $0[i] }) }
        return ChartView(kind: "trend", id: id, title: title, svg: chart.svg, caption: title, rowHeader: "As at",
                         columns: names.map { Column(name: $0) }, rows: rows,
                         hasSuspect: cells.joined().contains(where: \.suspect), suspectNote: ReportCell.suspectNote)
    }

    /// "Bar chart of 7 service areas. Highest: Children in Need, 30.1%. Lowest: … Values: …"
    static func describe(bars: [BarChart.Bar], measure: Measure) -> String {
        let available = bars.filter { $0.value != nil }
        var text = "Bar chart of \(measure.name.lowercased()) for \(bars.count) service areas."
        if let high = available.max(by: { $0.value! < $1.value! }), let low = available.min(by: { $0.value! < $1.value! }) {
            text += " Highest: \(high.label), \(high.valueText). Lowest: \(low.label), \(low.valueText)."
        }
        text += " Values: " + bars.map { "\($0.label) \($0.valueText)" }.joined(separator: "; ") + "."
        if bars.contains(where: \.suspect) { text += " Values marked † rest on cells that failed validation." }
        return text
    }

    /// "Line chart of vacancy rate at 4 snapshots from … to …. Social workers: from 25.0% to 24.1%; …"
    static func describe(series: [LineChart.Series], dates: [CalendarDate], measure: Measure) -> String {
        var text = "Line chart of \(measure.name.lowercased()) at \(dates.count) snapshot\(dates.count == 1 ? "" : "s")"
        if let first = dates.first, let last = dates.last { text += first == last ? " on \(first.longForm)." : " from \(first.longForm) to \(last.longForm)." }
        let parts = series.map { s -> String in
            let available = s.values.indices.filter { s.values[$0] != nil }
            guard let a = available.first, let b = available.last else { return "\(s.name): not available" }
            return a == b ? "\(s.name): \(s.valueTexts[a])" : "\(s.name): from \(s.valueTexts[a]) to \(s.valueTexts[b])"
        }
        text += " " + parts.joined(separator: "; ") + "."
        if series.contains(where: { $0.suspect.contains(true) }) { text += " Values marked † rest on cells that failed validation." }
        return text
    }
}

import Foundation
import Testing
@testable import QuorumMicrosite
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The SVG charts: accessible structure, geometry proportional to the data, and output that
/// is the same byte for byte on every run.
@Suite struct ChartTests {
    func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    static let bars = BarChart(id: "chart-7", title: "Vacancy rate by area", description: "Three areas & their rates.",
                               bars: [
                                   .init(label: "Alpha & Co", value: 20, valueText: "20.0%", suspect: false),
                                   .init(label: "Beta", value: 10, valueText: "10.0%†", suspect: true),
                                   .init(label: "Gamma", value: 5, valueText: "5.0%", suspect: false),
                                   .init(label: "Delta", value: nil, valueText: "not available", suspect: false),
                               ], tickSuffix: "%")

    /// Every coordinate is a plain finite number, whatever values a chart is handed: a value
    /// that is not finite (or too large for an axis) is drawn as not available.
    @Test func coordinatesAreAlwaysFinite() throws {
        let coordinate = #" (?:x|y|x1|y1|x2|y2|cx|cy|width|height|d|viewBox)="([0-9.\- MLZ]*)""#
        func numbers(_ svg: String) -> [String] {
            matches(coordinate, in: svg).flatMap { $0[0].split(whereSeparator: { " MLZ,".contains($0) }).map(String.init) }
        }
        let bars = BarChart(id: "odd", title: "T", description: "D", bars: [
            .init(label: "Endless", value: .infinity, valueText: "not available", suspect: true),
            .init(label: "Not a number", value: -.nan, valueText: "not available", suspect: true),
            .init(label: "Huge", value: 1e308, valueText: "not available", suspect: true),
            .init(label: "Five", value: 5, valueText: "5.0", suspect: false),
        ])
        let dates = ["2017-09-30", "2018-09-30"].map { CalendarDate($0)! }
        let line = LineChart(id: "odd-line", title: "T", description: "D", dates: dates, series: [
            .init(name: "S", values: [.nan, 4], valueTexts: ["not available", "4.0"], suspect: [true, false]),
            .init(name: "R", values: [.infinity, 1e308], valueTexts: ["not available", "not available"], suspect: [true, true]),
        ])
        for svg in [bars.svg, line.svg] {
            let found = numbers(svg)
            #expect(!found.isEmpty)
            #expect(found.allSatisfy { Double($0)?.isFinite == true && $0.count < 12 }, "\(found.filter { Double($0)?.isFinite != true || $0.count >= 12 })")
        }
        // The one real value still sets the scale, as it would alone.
        #expect(bars.scale == BarChart(id: "five", title: "T", description: "D", bars: [bars.bars[3]]).scale)
        #expect(line.scale == LineChart(id: "four", title: "T", description: "D", dates: dates, series: [
            .init(name: "S", values: [nil, 4], valueTexts: ["not available", "4.0"], suspect: [false, false])]).scale)
    }

    @Test func aBarChartIsAnAccessibleImageWithTitleAndDescription() {
        let svg = Self.bars.svg
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"chart-7-title chart-7-desc\" viewBox=\"0 0 720.0 "))
        #expect(svg.contains("width=\"100%\""))
        #expect(svg.contains("<title id=\"chart-7-title\">Vacancy rate by area</title>"))
        #expect(svg.contains("<desc id=\"chart-7-desc\">Three areas &amp; their rates.</desc>"))
        #expect(svg.contains(">Alpha &amp; Co</text>"))
        #expect(!svg.contains("<script") && !svg.contains("onclick"))
        #expect(svg == Self.bars.svg)   // deterministic
    }

    @Test func oneBarPerAvailableValueWithLengthsProportionalToTheValues() throws {
        let svg = Self.bars.svg
        let rects = matches(#"<rect class="bar( suspect)?"[^>]* width="([0-9.]+)""#, in: svg)
        #expect(rects.count == 3)   // Delta is not available: no bar, its label says so
        let widths = rects.map { Double($0[1])! }
        #expect(abs(widths[0] / widths[1] - 2) < 0.01 && abs(widths[0] / widths[2] - 4) < 0.02)
        #expect(rects.map { $0[0] } == ["", " suspect", ""])
        #expect(svg.contains("fill=\"url(#chart-7-hatch)\""))
        #expect(svg.contains(">10.0%†</text>") && svg.contains(">not available</text>"))
        // The scale runs to a round number at or above the largest value.
        #expect(Self.bars.scale.top == 20 && svg.contains(">20%</text>"))
    }

    @Test func aLineChartHasADashPatternAndMarkerShapePerSeriesAndDirectLabels() {
        let dates = ["2017-09-30", "2018-03-31", "2018-09-30"].map { CalendarDate($0)! }
        let chart = LineChart(id: "trend", title: "Vacancy rate", description: "Two series.", dates: dates, series: [
            .init(name: "Managers", values: [10, 12, nil], valueTexts: ["10.0%", "12.0%", "not available"], suspect: [false, false, false]),
            .init(name: "Social workers", values: [25, 30, 20], valueTexts: ["25.0%", "30.0%†", "20.0%"], suspect: [false, true, false]),
        ], tickSuffix: "%")
        let svg = chart.svg
        #expect(svg.contains("role=\"img\" aria-labelledby=\"trend-title trend-desc\""))
        let paths = matches(#"<path class="line series-(\d)" d="([^"]+)"( stroke-dasharray="([^"]+)")?"#, in: svg)
        #expect(paths.count == 2)
        #expect(paths[0][2].isEmpty && paths[1][3] == "8 4")   // solid, then dashed
        #expect(matches(#"<circle class="marker series-1""#, in: svg).count == 2)
        #expect(matches(#"<rect class="marker series-2( suspect)?""#, in: svg).count == 3)
        #expect(svg.contains("<rect class=\"marker series-2 suspect\""))   // hollow: rests on a suspect figure
        #expect(svg.contains(">Managers 12.0%</text>") && svg.contains(">Social workers 20.0%</text>"))
        // Time is proportional: March is a little less than half-way between the two Septembers.
        let x = dates.indices.map { chart.x($0) }
        #expect(abs((x[1] - x[0]) / (x[2] - x[0]) - 182.0 / 365.0) < 0.001)
        #expect(svg == chart.svg)
    }

    @Test func chartViewsCarryTheSameDataAsTheirTables() throws {
        let (workforce, _) = WorkforceTesting.loadSample()
        let latest = try #require(workforce.latest)
        let bars = try #require(ChartView.bars(id: "c", snapshot: latest, measure: .vacancyRate, group: nil, config: workforce.config))
        #expect(bars.rows.count == latest.areas.count)
        #expect(matches(#"<rect class="bar""#, in: bars.svg).count == latest.areas.count)
        for row in bars.rows { #expect(bars.svg.contains(">\(SVG.escape(row.label))</text>") && bars.svg.contains(">\(row.cells[0].text)</text>")) }
        #expect(bars.svg.contains("Highest: Referral &amp; Assessment, 20.9%."))

        let trend = try #require(ChartView.trend(id: "t", snapshots: workforce.snapshots, measure: .agencyRate,
                                                 rows: [RowKey(group: "social-workers"), .directorate], config: workforce.config))
        #expect(trend.columns.map(\.name) == ["Social workers", "All staff"])
        #expect(trend.rows.map(\.label) == ["30 September 2017", "31 March 2018", "30 September 2018", "30 September 2019"])
        // March 2018: one social worker agency figure could not be read, so the total is not available and suspect.
        #expect(trend.rows[1].cells[0].text == "not available" && trend.rows[1].cells[0].suspect)
        #expect(trend.hasSuspect)
        #expect(ChartView.bars(id: "x", snapshot: latest, measure: .caseload, group: "managers", config: workforce.config) == nil)
    }
}

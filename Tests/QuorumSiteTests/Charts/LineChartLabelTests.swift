import Foundation
import Testing
@testable import QuorumSite
@testable import QuorumSupport

/// A line chart's direct labels: never on top of each other, inside the plot's height and
/// the drawing's width, where their lines end when there is room.
@Suite struct LineChartLabelTests {
    static let dates = ["2017-09-30", "2018-03-31", "2018-09-30"].map { CalendarDate($0)! }

    static func chart(_ ends: [(name: String, last: Double)]) -> LineChart {
        LineChart(id: "labels", title: "T", description: "D", dates: dates, series: ends.map { end in
            .init(name: end.name, values: [10, 12, end.last], valueTexts: ["10.0%", "12.0%", ReportNumber.decimal(end.last) + "%"],
                  suspect: [false, false, false])
        }, tickSuffix: "%")
    }

    /// Each direct label as drawn: its text and baseline.
    static func labels(_ svg: String) -> [(text: String, y: Double)] {
        svg.components(separatedBy: "<text class=\"label series-").dropFirst().map { part in
            let y = Double(part.components(separatedBy: " y=\"")[1].prefix { $0 != "\"" })!
            let text = part.components(separatedBy: "\">")[1].components(separatedBy: "</text>")[0]
            return (text, y)
        }
    }

    static func viewBox(_ svg: String) -> (width: Double, height: Double) {
        let numbers = svg.components(separatedBy: "viewBox=\"")[1].prefix { $0 != "\"" }.split(separator: " ").map { Double($0)! }
        return (numbers[2], numbers[3])
    }

    /// Labels sorted by y, at least a line apart, every one inside the plot's height.
    func expectReadable(_ labels: [(text: String, y: Double)], count: Int) {
        #expect(labels.count == count)
        let ys = labels.map(\.y).sorted()
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= LineChart.labelSpacing - 0.05, "\(ys)") }
        let bounds = (LineChart.plotTop + LineChart.labelBaselineOffset)...(LineChart.plotBottom + LineChart.labelBaselineOffset)
        #expect(ys.allSatisfy { bounds.contains($0) }, "\(ys)")
    }

    @Test func labelsOfSeriesEndingAtTheSameOrNearlyTheSameValueDoNotOverlap() {
        for ends in [[("Managers", 11.6), ("Others (non social work posts)", 11.1)], [("A", 8), ("B", 8)],
                     [("Social workers", 24.7), ("All staff", 20), ("Managers", 11.6), ("Others", 11.6)]] {
            let chart = Self.chart(ends.map { (name: $0.0, last: $0.1) })
            let svg = chart.svg
            let labels = Self.labels(svg)
            expectReadable(labels, count: ends.count)
            // The label text is the series' name and last value, as before.
            #expect(Set(labels.map(\.text)) == Set(ends.map { "\($0.0) \(ReportNumber.decimal($0.1))%" }))
            // A label that moved off its line's end is tied to it by a leader line.
            #expect(svg.components(separatedBy: "<line class=\"leader series-").count - 1 >= 2)
            #expect(svg == Self.chart(ends.map { (name: $0.0, last: $0.1) }).svg)   // same input, same bytes
        }
    }

    /// The pair is moved apart around where both lines end: one label above, one below.
    @Test func aClusterIsCentredOnItsLines() {
        let chart = Self.chart([("A", 8), ("B", 8)])
        let end = chart.frame.y(8) + LineChart.labelBaselineOffset
        let ys = Self.labels(chart.svg).map(\.y)
        #expect(ys.count == 2 && abs((ys[0] + ys[1]) / 2 - end) < 0.1)
        #expect(abs(abs(ys[0] - ys[1]) - LineChart.labelSpacing) < 0.1)
    }

    @Test func labelsWithRoomStayAtTheirLinesWithoutLeaders() {
        let chart = Self.chart([("High", 30), ("Low", 5)])
        let svg = chart.svg
        let labels = Self.labels(svg)
        #expect(labels.map(\.text) == ["High 30.0%", "Low 5.0%"])
        #expect(labels.map(\.y) == [30.0, 5.0].map { Double(SVG.number(chart.frame.y($0) + LineChart.labelBaselineOffset))! })
        #expect(!svg.contains("class=\"leader"))
    }

    /// Ten series ending at nearly nothing would push labels below the axis; they stay
    /// inside the plot instead, and the drawing keeps its height.
    @Test func manySeriesEndingTogetherStayInsideThePlot() {
        let ends = (1...10).map { (name: "Series \($0)", last: 0.1 * Double($0 % 3)) }
        let chart = Self.chart(ends)
        let svg = chart.svg
        expectReadable(Self.labels(svg), count: 10)
        #expect(Self.viewBox(svg).height == LineChart.height)
        #expect(svg == Self.chart(ends).svg)
    }

    /// More series than the plot's height has lines for: still a line apart, running on below.
    @Test func moreLabelsThanFitRunOnAndTheDrawingGrows() {
        let ends = (1...20).map { (name: "S\($0)", last: 12.0) }
        let svg = Self.chart(ends).svg
        let ys = Self.labels(svg).map(\.y).sorted()
        #expect(ys.count == 20)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= LineChart.labelSpacing - 0.05) }
        #expect(ys[0] >= LineChart.plotTop + LineChart.labelBaselineOffset - 0.05)
        #expect(Self.viewBox(svg).height >= ys.last! + 8 - 0.05)
    }

    /// A label longer than the room kept for labels widens the drawing rather than being cut
    /// off at its edge (the Word pictures are drawn to the viewBox).
    @Test func theDrawingIsWideEnoughForTheLongestLabel() {
        let long = Self.chart([("Others (non social work posts) and their very long name", 11.1), ("Managers", 20)])
        let svg = long.svg
        let right = long.labelX + SVG.textWidth("Others (non social work posts) and their very long name 11.1%")
        #expect(Self.viewBox(svg).width >= right)
        #expect(Self.viewBox(Self.chart([("Managers", 11.6), ("Others", 20)]).svg).width == LineChart.width)
    }

    @Test func spreadingKeepsOrderSpacingAndBounds() {
        // Apart already: unchanged.
        #expect(LabelSpreading.spread([10, 40, 80], spacing: 18, within: 0...100) == [10, 40, 80])
        // Together: centred on where they want to be.
        #expect(LabelSpreading.spread([50, 50, 50], spacing: 18, within: 0...100) == [32, 50, 68])
        // At the bottom edge: pushed back inside.
        #expect(LabelSpreading.spread([100, 100], spacing: 18, within: 0...100) == [82, 100])
        // At the top edge.
        #expect(LabelSpreading.spread([0, 1], spacing: 18, within: 0...100) == [0, 18])
        // A block that grows into the next merges with it.
        #expect(LabelSpreading.spread([40, 40, 58], spacing: 18, within: 0...200) == [28, 46, 64])
        // Too many for the bounds: from the lower bound on, a spacing apart.
        #expect(LabelSpreading.spread([5, 5, 5], spacing: 10, within: 0...15) == [0, 10, 20])
        #expect(LabelSpreading.spread([], spacing: 18, within: 0...100).isEmpty)
    }
}

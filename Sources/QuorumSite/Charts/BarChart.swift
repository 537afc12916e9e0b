/// A horizontal bar chart, e.g. the vacancy rate of each service area, as inline SVG.
///
/// Readable without colour: every bar is labelled directly with its name and value, a
/// suspect bar is hatched and its value carries a †, and a missing value says "not
/// available" where the bar would be. The same data goes in a table beside the chart.
struct BarChart: Sendable {
    struct Bar: Sendable, Hashable {
        let label: String
        /// Nil when the value is not available: no bar is drawn.
        let value: Double?
        /// The value as the table prints it, e.g. `21.1%†` or `not available`.
        let valueText: String
        let suspect: Bool
    }

    /// Unique on the page: the ids of the title and description are made from it.
    let id: String
    let title: String
    let description: String
    let bars: [Bar]
    /// Printed after each axis value, e.g. `%`.
    var tickSuffix = ""

    static let width = 720.0
    static let barHeight = 24.0
    static let gap = 12.0
    static let top = 8.0
    static let axisHeight = 28.0
    static let valueSpace = 110.0

    var labelWidth: Double { min(300, (bars.map { SVG.textWidth($0.label) }.max() ?? 0) + 12) }
    var plotLeft: Double { labelWidth + 8 }
    var height: Double { Self.top + Double(bars.count) * (Self.barHeight + Self.gap) + Self.axisHeight }
    var scale: (top: Double, step: Double) { SVG.scale(maximum: bars.compactMap { SVG.plotted($0.value) }.map { max(0, $0) }.max() ?? 0) }

    var svg: String {
        var body: [String] = [
            "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" class=\"hatch-ground\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/></pattern></defs>",
        ]
        let bottom = Self.top + Double(bars.count) * (Self.barHeight + Self.gap)
        // The scale reads every value and the left margin every label: work them out once,
        // not once a bar.
        let (top, step) = scale
        let (labelWidth, plotLeft) = (labelWidth, plotLeft)
        let plotWidth = Self.width - plotLeft - Self.valueSpace
        let wholeTicks = step.rounded() == step
        var tick = 0.0
        while tick <= top + 1e-9 {
            let x = plotLeft + tick / top * plotWidth
            body.append("<line class=\"grid\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(Self.top))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(bottom))\"/>")
            body.append("<text class=\"tick\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(bottom + 18))\" text-anchor=\"middle\">\(SVG.escape(tickText(tick, whole: wholeTicks)))</text>")
            tick += step
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * (Self.barHeight + Self.gap)
            let middle = y + Self.barHeight / 2 + 5
            body.append("<text class=\"label\" x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(middle))\" text-anchor=\"end\">\(SVG.escape(bar.label))</text>")
            var end = plotLeft
            if let value = SVG.plotted(bar.value) {
                // Proportional to the value; a negative value draws no bar.
                let length = max(0, value) / top * plotWidth
                end += length
                let fill = bar.suspect ? " fill=\"url(#\(id)-hatch)\"" : ""
                body.append("<rect class=\"bar\(bar.suspect ? " suspect" : "")\"\(fill) x=\"\(SVG.number(plotLeft))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(Self.barHeight))\"/>")
            }
            body.append("<text class=\"value\" x=\"\(SVG.number(end + 6))\" y=\"\(SVG.number(middle))\">\(SVG.escape(bar.valueText))</text>")
        }
        body.append("<line class=\"axis\" x1=\"\(SVG.number(plotLeft))\" y1=\"\(SVG.number(Self.top))\" x2=\"\(SVG.number(plotLeft))\" y2=\"\(SVG.number(bottom))\"/>")
        return SVG.document(id: id, title: title, description: description, width: Self.width, height: height, body: body)
    }

    /// Tick values: whole numbers, or one decimal place when the step needs it.
    func tickText(_ value: Double, whole: Bool) -> String {
        (whole ? ReportNumber.decimal(value, places: 0) : ReportNumber.decimal(value)) + tickSuffix
    }
}

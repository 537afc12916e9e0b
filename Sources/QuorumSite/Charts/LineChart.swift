import QuorumSupport

/// A line chart of one or more series over snapshot dates, as inline SVG.
///
/// Readable without colour: each series has its own dash pattern and marker shape, and is
/// labelled directly at its last point with its name and value (labels that would overlap
/// are moved apart, with a short leader line to their point). A point that rests on a
/// suspect figure is drawn hollow and its label carries a †. The x axis is proportional to
/// time, so uneven gaps between snapshots show as such.
struct LineChart: Sendable {
    struct Series: Sendable, Hashable {
        let name: String
        /// One per date; nil where the value is not available (the line breaks there).
        let values: [Double?]
        let valueTexts: [String]
        let suspect: [Bool]
    }

    let id: String
    let title: String
    let description: String
    let dates: [CalendarDate]
    let series: [Series]
    var tickSuffix = ""

    static let width = 720.0
    static let height = 320.0
    static let plotLeft = 56.0
    static let plotTop = 16.0
    static let plotBottom = 270.0
    static let dashes = ["", "8 4", "2 4", "12 4 2 4", "4 4"]
    static let markers = ["circle", "square", "triangle", "diamond", "cross"]

    /// Baselines of two direct labels are at least this far apart: a line of the 14px text.
    static let labelSpacing = 18.0
    /// A label's baseline is this far below the point it names, which centres the text on it.
    static let labelBaselineOffset = 5.0
    /// A label moved further than this from its point gets a leader line to it.
    static let leaderThreshold = 2.0

    /// The room kept for the direct labels; a longer label makes the drawing wider
    /// (`drawingWidth`) rather than the plot narrower.
    var labelWidth: Double {
        min(260, longestLabelWidth + 16)
    }
    var longestLabelWidth: Double { series.map { SVG.textWidth(label($0)) }.max() ?? 0 }
    var plotRight: Double { Self.width - labelWidth - 8 }
    var labelX: Double { plotRight + 10 }
    /// The width of the drawing: the chart's own, or more where the longest label needs it,
    /// so that no label is cut off where the SVG is drawn to its viewBox (the Word pictures).
    var drawingWidth: Double { max(Self.width, (labelX + longestLabelWidth + 8).rounded(.up)) }
    var scale: (top: Double, step: Double) {
        SVG.scale(maximum: series.flatMap { $0.values.compactMap(SVG.plotted) }.map { max(0, $0) }.max() ?? 0)
    }

    /// Where dates and values go on the drawing. Worked out once a chart: the scale reads
    /// every value and the plot's width every label, so doing that per point made a chart of
    /// ten years of monthly snapshots quadratic.
    struct Frame {
        let dates: [CalendarDate]
        let top: Double
        let step: Double
        let right: Double

        func x(_ index: Int) -> Double {
            guard let first = dates.first, let last = dates.last, last > first else {
                return (LineChart.plotLeft + right) / 2
            }
            let span = Double(last.dayNumber - first.dayNumber)
            return LineChart.plotLeft + 12 + Double(dates[index].dayNumber - first.dayNumber) / span * (right - LineChart.plotLeft - 24)
        }

        func y(_ value: Double) -> Double {
            LineChart.plotBottom - max(0, value) / top * (LineChart.plotBottom - LineChart.plotTop)
        }
    }

    var frame: Frame {
        let (top, step) = scale
        return Frame(dates: dates, top: top, step: step, right: plotRight)
    }

    func x(_ index: Int) -> Double { frame.x(index) }

    /// Space kept between two date labels of the x axis.
    static let axisLabelGap = 8.0

    /// The date labels of the x axis that fit: every date keeps its tick, but a label is left
    /// out where it would touch its neighbour (weekly snapshots are 10 px apart), taking the
    /// latest date first and going back. Dates closer than four weeks somewhere are labelled
    /// with their day (`7 Jan 2019`), else with month and year (`Sep 2019`).
    func axisLabels(_ frame: Frame) -> [(index: Int, text: String)] {
        let withDay = zip(dates, dates.dropFirst()).contains { $1.dayNumber - $0.dayNumber < 28 }
        let texts = dates.map { date in (withDay ? "\(date.day) " : "") + "\(date.monthName.prefix(3)) \(date.year)" }
        return Self.fitting(dates.indices.map { (x: frame.x($0), width: SVG.textWidth(texts[$0])) }, gap: Self.axisLabelGap)
            .map { ($0, texts[$0]) }
    }

    /// Which of the centred labels (x ascending) to draw so that none is within `gap` of
    /// another: the last always, then each further left that clears the one drawn after it.
    static func fitting(_ labels: [(x: Double, width: Double)], gap: Double) -> [Int] {
        var kept: [Int] = []
        var leftEdge = Double.infinity
        for i in labels.indices.reversed() where labels[i].x + labels[i].width / 2 + gap <= leftEdge {
            kept.append(i)
            leftEdge = labels[i].x - labels[i].width / 2
        }
        return kept.reversed()
    }

    /// The direct label of a series: its name and its last available value.
    func label(_ series: Series) -> String {
        guard let last = series.values.lastIndex(where: { $0 != nil }) else { return "\(series.name): not available" }
        return "\(series.name) \(series.valueTexts[last])"
    }

    var svg: String {
        var body: [String] = []
        let frame = frame
        let (top, step, plotRight) = (frame.top, frame.step, frame.right)
        var tick = 0.0
        while tick <= top + 1e-9 {
            let y = frame.y(tick)
            let text = (step.rounded() == step ? ReportNumber.decimal(tick, places: 0) : ReportNumber.decimal(tick)) + tickSuffix
            body.append("<line class=\"grid\" x1=\"\(SVG.number(Self.plotLeft))\" y1=\"\(SVG.number(y))\" x2=\"\(SVG.number(plotRight))\" y2=\"\(SVG.number(y))\"/>")
            body.append("<text class=\"tick\" x=\"\(SVG.number(Self.plotLeft - 6))\" y=\"\(SVG.number(y + 5))\" text-anchor=\"end\">\(SVG.escape(text))</text>")
            tick += step
        }
        let axisLabels = Dictionary(uniqueKeysWithValues: axisLabels(frame).map { ($0.index, $0.text) })
        for index in dates.indices {
            let x = frame.x(index)
            body.append("<line class=\"axis\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(Self.plotBottom))\" x2=\"\(SVG.number(x))\" y2=\"\(SVG.number(Self.plotBottom + 5))\"/>")
            guard let text = axisLabels[index] else { continue }
            body.append("<text class=\"tick\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(Self.plotBottom + 22))\" text-anchor=\"middle\">\(SVG.escape(text))</text>")
        }
        body.append("<line class=\"axis\" x1=\"\(SVG.number(Self.plotLeft))\" y1=\"\(SVG.number(Self.plotBottom))\" x2=\"\(SVG.number(plotRight))\" y2=\"\(SVG.number(Self.plotBottom))\"/>")

        var ends: [(x: Double, y: Double, text: String, index: Int)] = []
        for (s, series) in series.enumerated() {
            let dash = Self.dashes[s % Self.dashes.count]
            var path = ""
            var pen = false
            for (i, value) in series.values.enumerated() {
                guard let value = SVG.plotted(value) else { pen = false; continue }
                path += (pen ? " L" : (path.isEmpty ? "M" : " M")) + "\(SVG.number(frame.x(i))) \(SVG.number(frame.y(value)))"
                pen = true
            }
            let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            if path.contains("L") {
                body.append("<path class=\"line series-\(s + 1)\" d=\"\(path)\"\(dashAttribute)/>")
            }
            for (i, value) in series.values.enumerated() {
                guard let value = SVG.plotted(value) else { continue }
                body.append(marker(Self.markers[s % Self.markers.count], x: frame.x(i), y: frame.y(value), series: s,
                                   hollow: series.suspect[i]))
            }
            if let last = series.values.lastIndex(where: { SVG.plotted($0) != nil }), let value = series.values[last] {
                ends.append((frame.x(last), frame.y(value), label(series), s))
            }
        }
        // Direct labels at the right, moved apart where they would overlap, inside the plot's height.
        ends.sort { ($0.y, $0.index) < ($1.y, $1.index) }
        let baselines = LabelSpreading.spread(ends.map { $0.y + Self.labelBaselineOffset }, spacing: Self.labelSpacing,
                                              within: (Self.plotTop + Self.labelBaselineOffset)...(Self.plotBottom + Self.labelBaselineOffset))
        for (end, baseline) in zip(ends, baselines) {
            let middle = baseline - Self.labelBaselineOffset
            guard abs(middle - end.y) > Self.leaderThreshold else { continue }
            body.append("<line class=\"leader series-\(end.index + 1)\" x1=\"\(SVG.number(end.x + 8))\" y1=\"\(SVG.number(end.y))\" "
                + "x2=\"\(SVG.number(labelX - 3))\" y2=\"\(SVG.number(middle))\"/>")
        }
        for (end, baseline) in zip(ends, baselines) {
            body.append("<text class=\"label series-\(end.index + 1)\" x=\"\(SVG.number(labelX))\" y=\"\(SVG.number(baseline))\">\(SVG.escape(end.text))</text>")
        }
        let height = max(Self.height, (baselines.max() ?? 0) + 8)
        return SVG.document(id: id, title: title, description: description, width: drawingWidth, height: height, body: body)
    }

    func marker(_ shape: String, x: Double, y: Double, series: Int, hollow: Bool) -> String {
        let cls = "marker series-\(series + 1)\(hollow ? " suspect" : "")"
        let (cx, cy) = (SVG.number(x), SVG.number(y))
        switch shape {
        case "square":
            return "<rect class=\"\(cls)\" x=\"\(SVG.number(x - 4.5))\" y=\"\(SVG.number(y - 4.5))\" width=\"9\" height=\"9\"/>"
        case "triangle":
            return "<path class=\"\(cls)\" d=\"M\(cx) \(SVG.number(y - 6)) L\(SVG.number(x + 5.5)) \(SVG.number(y + 4)) L\(SVG.number(x - 5.5)) \(SVG.number(y + 4)) Z\"/>"
        case "diamond":
            return "<path class=\"\(cls)\" d=\"M\(cx) \(SVG.number(y - 6)) L\(SVG.number(x + 6)) \(cy) L\(cx) \(SVG.number(y + 6)) L\(SVG.number(x - 6)) \(cy) Z\"/>"
        case "cross":
            return "<path class=\"\(cls)\" d=\"M\(SVG.number(x - 5)) \(SVG.number(y - 5)) L\(SVG.number(x + 5)) \(SVG.number(y + 5)) M\(SVG.number(x + 5)) \(SVG.number(y - 5)) L\(SVG.number(x - 5)) \(SVG.number(y + 5))\"/>"
        default:
            return "<circle class=\"\(cls)\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"5\"/>"
        }
    }
}

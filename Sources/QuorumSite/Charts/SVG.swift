import Foundation

/// What the charts share: escaping, fixed-decimal coordinates (so output is byte-identical
/// on every machine), the value scale and the accessible outer element.
enum SVG {
    /// Text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate: one decimal place, C locale, no `-0.0`. Always finite: the charts drop
    /// values that are not (`plotted`), and a coordinate that still is not is drawn at 0
    /// rather than written as `NaN`, which makes the whole SVG invalid.
    static func number(_ value: Double) -> String {
        ReportNumber.decimal(value.isFinite ? value : 0)
    }

    /// A value a chart can draw: nil (not available, nothing drawn) when it is not finite,
    /// or so large that the axis above it would not be.
    static func plotted(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite && $0.magnitude < 1e300 ? $0 : nil }
    }

    /// The top of the value axis and its step: a round number at or above `maximum`, in 4 to 5 steps.
    static func scale(maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0, plotted(maximum) != nil else { return (10, 2.5) }
        let raw = maximum / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        return (step * ceil(maximum / step - 1e-9), step)
    }

    /// `<svg role="img" aria-labelledby="ID-title ID-desc" …>` with its `<title>` and `<desc>`:
    /// scales with the page (viewBox, width 100%); text sizes are CSS px in the stylesheet.
    static func document(id: String, title: String, description: String, width: Double, height: Double,
                         body: [String]) -> String {
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
                + "viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">",
            "<title id=\"\(id)-title\">\(escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(escape(description))</desc>",
        ]
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// Rough width of a label at the chart's 14px text, for laying out label columns.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 7.6 }
}

import Foundation
import QuorumOffice
import QuorumSupport

/// Charts drawn as pictures for the Word version of a paper. A chart's SVG takes its look
/// from the theme's stylesheet, so it is first made to stand alone (the stylesheet's
/// top-level `svg.chart …` rules copied into it), then drawn to PNG by `rsvg-convert`
/// (Debian's librsvg2-bin). The picture carries both: Word 2016 and later show the SVG,
/// older readers the PNG. Without `rsvg-convert` the chart's data table stands alone.
package struct ChartPictures: Sendable {
    let rasteriser: URL
    /// The stylesheet rules the chart needs, as one `<style>` element's text.
    let styles: String
    /// Each chart drawn once a build: papers of the same night often show the same chart
    /// (`quorum serve` keeps them from build to build: each is keyed by its whole text,
    /// stylesheet rules included).
    private let drawn: DrawnCharts

    /// `rsvg-convert` on the environment's `PATH`, or nil.
    package static func findRasteriser(in environment: [String: String]) -> URL? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    init(rasteriser: URL, stylesheet: String, drawn: DrawnCharts = DrawnCharts()) {
        self.rasteriser = rasteriser
        self.drawn = drawn
        self.styles = Self.chartRules(in: stylesheet)
    }

    /// The top-level rules whose selector is inside `svg.chart` (not `svg.chart` itself,
    /// which sizes the chart on the page), as they are written.
    static func chartRules(in stylesheet: String) -> String {
        var rules: [String] = []
        var depth = 0
        var current = ""
        for character in stylesheet {
            current.append(character)
            if character == "{" { depth += 1 }
            if character == "}" {
                depth -= 1
                if depth == 0 {
                    let rule = current.trimmingCharacters(in: .whitespacesAndNewlines)
                    let selector = rule.prefix { $0 != "{" }.trimmingCharacters(in: .whitespaces)
                    if selector != "svg.chart", selector.hasPrefix("svg.chart ") || selector.hasPrefix("svg.chart.") { rules.append(rule) }
                    current = ""
                }
            }
        }
        return rules.joined(separator: "\n")
    }

    struct DrawingFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The chart as a picture: its standalone SVG and that SVG drawn at twice its size.
    func picture(svg: String, title: String) throws -> WordImage {
        guard let end = svg.firstIndex(of: ">"), svg.hasPrefix("<svg") else {
            throw DrawingFailure(description: "the chart is not an SVG element")
        }
        let standalone = String(svg[...end]) + "<style><![CDATA[\n\(styles.replacingOccurrences(of: "]]>", with: "]] >"))\n]]></style>"
            + String(svg[svg.index(after: end)...])
        let png = try drawn.png(for: standalone) { try draw(standalone) }.get()
        // Drawn at twice the size, shown at the SVG's own: CSS pixels are 3/4 of a point.
        let size = PNGHeader.pixelSize(of: png).map { (width: Double($0.width) * 0.375, height: Double($0.height) * 0.375) }
        return WordImage(png: png, svg: Data(standalone.utf8), size: size,
                         altText: "\(title). The chart's figures are in the table below it.", caption: title)
    }

    /// `standalone` drawn to PNG by `rsvg-convert`, at twice its size.
    private func draw(_ standalone: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("chart.svg"), output = folder.appendingPathComponent("chart.png")
        try Data(standalone.utf8).write(to: input)
        let status = try QuickCommand.run(rasteriser.path, ["--zoom", "2", "--format", "png", "--output", output.path, input.path])
        guard status == 0, let png = try? Data(contentsOf: output) else {
            throw DrawingFailure(description: "\(rasteriser.path) exited with status \(status)")
        }
        return png
    }
}

import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// No figure is ever published as infinite or not a number: every generated file (HTML,
/// markdown, SVG inside the HTML, XML, JSON, text) of the sample, of the valid fixture site,
/// and of the sample with impossible figures whose problems the board "accepted" (so the
/// build goes ahead with them) is free of `∞`, `NaN`, `nan`, `inf` written as a figure.
@Suite("No impossible figure is published")
struct NoImpossibleFiguresTests {
    /// `NaN`, `-nan`, `inf`, `-Infinity` or `∞` standing alone, as a formatted number prints them.
    static let impossible = try! NSRegularExpression(
        pattern: #"∞|(?<![\p{L}\p{N}_])[-+]?(nan|inf|infinity)(?![\p{L}\p{N}_])"#, options: [.caseInsensitive])

    static func impossibleFigures(in folder: URL) -> [String] {
        var found: [String] = []
        for (path, data) in readTree(folder).sorted(by: { $0.key < $1.key }) {
            guard ["html", "md", "svg", "xml", "json", "txt"].contains((path as NSString).pathExtension),
                  let text = String(data: data, encoding: .utf8) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in impossible.matches(in: text, range: range).prefix(3) {
                let around = NSRange(location: max(0, match.range.location - 30),
                                     length: min(match.range.length + 60, (text as NSString).length - max(0, match.range.location - 30)))
                found.append("\(path): …\((text as NSString).substring(with: around))…")
            }
        }
        return found
    }

    @Test func thePatternFindsWhatItLooksFor() {
        func finds(_ text: String) -> Bool {
            Self.impossible.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        for text in ["to ∞%", "a rise of -NaN pp", "y=\"nan\"", "rose to inf cases", "M12.0 -nan"] { #expect(finds(text), "\(text)") }
        for text in ["information", "Nancy Infante", "infant", "financial"] { #expect(!finds(text), "\(text)") }
    }

    @Test(arguments: ["sample", "sites/valid"])
    func aValidSiteHasNone(site: String) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = site == "sample" ? TestPaths.sampleContent : TestPaths.fixtures.appendingPathComponent("\(site)/Content")
        let output = root.appendingPathComponent("public"), exempt = root.appendingPathComponent("exempt")
        var buildOptions = options(content: content, output: output)
        buildOptions.exemptOutput = exempt
        let report = SiteBuild.build(buildOptions)
        #expect(report.wrote, "\(report.diagnostics.map(\.formatted))")
        #expect(!readTree(output).isEmpty)
        let folders = [output, exempt, Self.summaryAndAnnualUpdates(report, content: content, in: root)]
        for folder in folders {
            #expect(Self.impossibleFigures(in: folder).isEmpty, "\(Self.impossibleFigures(in: folder))")
        }
    }

    /// The build's JSON summary and each annual update built on its own (`quorum annual`),
    /// in one folder beside the site.
    static func summaryAndAnnualUpdates(_ report: BuildReport, content: URL, in root: URL, asOf: CalendarDate? = nil) -> URL {
        let folder = root.appendingPathComponent("more")
        try? BuildSummary(report, output: "public").write(to: folder.appendingPathComponent("quorum-build.json"))
        for year in [2018, 2019] where FileManager.default.fileExists(atPath: content.appendingPathComponent("annual-updates/\(year).md").path) {
            var annualOptions = options(content: content, output: folder.appendingPathComponent("annual-\(year)"))
            if let asOf { annualOptions.asOf = asOf }
            let annual = AnnualBuild.build(annualOptions, AnnualBuild.Request(year: year))
            #expect(annual.wrote, "\(annual.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        }
        return folder
    }

    /// The sample with the latest snapshot's figures made impossible: huge, negative, zero
    /// denominators. The board "accepted" its problems, so the build publishes what it can.
    @Test func acceptedImpossibleFiguresAreLeftOutNotPrinted() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        try FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        // A scenario cannot be projected from a row without readable FTE, accepted or not: that
        // is an error of its own (ScenarioProjectionTests), so this test leaves the scenarios out.
        try FileManager.default.removeItem(at: content.appendingPathComponent("scenarios"))
        let snapshot = content.appendingPathComponent("workforce/snapshots/2019-09-30.csv")
        // The export has Windows line ends, which Swift reads as one character.
        var lines = try String(contentsOf: snapshot, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n")
        let huge = String(repeating: "9", count: 401)
        // Header: Area, Staff group, Budgeted, Employee, Vacant, Vacancy %, Agency, Agency %,
        // Headcount, Starters, Leavers, Cases, Case holders, Days lost.
        for (index, replacements) in [
            1: [2: "-31.0", 3: "24.0"],
            2: [10: huge, 11: huge, 12: "0.0"],
            3: [3: "0.0", 6: "0.0", 13: "1e300"],
            4: [2: "0", 3: "0", 4: "0", 5: "", 6: "0", 7: ""],
        ] {
            var cells = lines[index].components(separatedBy: ",")
            for (column, text) in replacements { cells[column] = text }
            lines[index] = cells.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(to: snapshot, atomically: true, encoding: .utf8)
        let config = content.appendingPathComponent("workforce/config.yaml")
        let accepted = try String(contentsOf: config, encoding: .utf8)
            + "  - snapshot: 2019-09-30\n    reason: a test of impossible figures\n"
        try accepted.write(to: config, atomically: true, encoding: .utf8)

        // As at the sample's own date, not the fixtures': the 2019 snapshot is not in the future.
        var buildOptions = options(content: content, output: output)
        buildOptions.asOf = sampleDate
        let report = SiteBuild.build(buildOptions)
        #expect(report.wrote, "\(report.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let codes = Set(report.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: [WorkforceDiagnosticCode.negativeFigure, WorkforceDiagnosticCode.figureTooLarge]))
        #expect(!codes.contains(WorkforceDiagnosticCode.futureSnapshot))
        #expect(readTree(output).keys.contains("papers/annual-update-2019.html"))
        for folder in [output, Self.summaryAndAnnualUpdates(report, content: content, in: root, asOf: sampleDate)] {
            #expect(Self.impossibleFigures(in: folder).isEmpty, "\(Self.impossibleFigures(in: folder))")
        }
    }
}

import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumSupport
import QuorumTestSupport
import QuorumWorkforce

/// A council that refreshes its workforce data weekly: a year and a week of snapshots (53
/// files, so that the latest has the same week a year earlier), every fourth a workbook,
/// builds, charts without label collisions and reports the change since last week and since
/// the same week a year earlier.
@Suite("Weekly workforce data")
struct WeeklyWorkforceTests {
    static let first = CalendarDate("2017-11-10")!
    static let weeks = 53

    static let header = ["Area", "Staff group", "Budgeted FTE", "Employee FTE", "Vacant FTE", "Vacancy rate %",
                         "Agency FTE", "Agency %"]

    /// Week `w`'s rows: two areas of two groups whose figures (in tenths of an FTE, so
    /// exact to one place) move from week to week; the totals are left to Quorum.
    static func rows(week w: Int) -> [[String]] {
        func row(_ area: String, _ group: String, budget: Int, employees: Int, agency: Int) -> [String] {
            let vacant = budget - employees
            let (b, e, v, a) = (Double(budget) / 10, Double(employees) / 10, Double(vacant) / 10, Double(agency) / 10)
            return [area, group, decimal(b), decimal(e), decimal(v), decimal(v / b * 100) + "%", decimal(a),
                    decimal(a / (a + e) * 100) + "%"]
        }
        let betaEmployees = 90 + w / 2
        return [header,
                row("Alpha", "Managers", budget: 50, employees: 40 + (w % 2) * 5, agency: 5),
                row("Alpha", "Social workers", budget: 200, employees: 140 + (w % 6) * 5, agency: 30 - (w % 6) * 2),
                row("Beta", "Managers", budget: 40, employees: 35, agency: 0),
                row("Beta", "Social workers", budget: 120, employees: betaEmployees, agency: min(20, 120 - betaEmployees))]
    }

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The weekly content tree, built once for the suite: the report and the dashboard's
    /// HTML (nil when it was not written); the folders are removed.
    static let built: (report: BuildReport, page: String?) = {
        let root = TestPaths.temporaryFolder("weekly-workforce")
        defer { TestPaths.remove(root) }
        try! FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"),
                                          to: root.appendingPathComponent("Content"))
        writeTree(["Content/workforce/config.yaml": "areas:\n  - name: Alpha\n  - name: Beta\n"], in: root)
        let folder = root.appendingPathComponent("Content/workforce/snapshots")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for w in 0..<weeks {
            let date = first.adding(days: 7 * w), rows = rows(week: w)
            if w % 4 == 0 {
                try! TestSnapshotWorkbook.data(rows: rows).write(to: folder.appendingPathComponent("\(date).xlsx"))
            } else {
                let csv = rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
                try! Data(csv.utf8).write(to: folder.appendingPathComponent("\(date).csv"))
            }
        }
        let output = root.appendingPathComponent("public")
        let report = SiteBuild.build(options(content: root.appendingPathComponent("Content"), output: output))
        return (report, try? String(contentsOf: output.appendingPathComponent("workforce.html"), encoding: .utf8))
    }()

    var page: String {
        get throws { try #require(Self.built.page, "workforce.html was not built") }
    }

    @Test func aYearOfWeeklyWorkbooksAndCSVsBuildsCleanly() throws {
        #expect(Self.built.report.diagnostics.filter { $0.severity != .note }.isEmpty, "\(Self.built.report.diagnostics)")
        let page = try page
        #expect(page.contains("<li><strong>2 November 2018</strong> (workforce/snapshots/2018-11-02.csv): clean</li>"))
        #expect(page.contains("<li><strong>10 November 2017</strong> (workforce/snapshots/2017-11-10.xlsx): clean</li>"))
        #expect(page.components(separatedBy: ": clean</li>").count - 1 == Self.weeks)
    }

    @Test func theReportGivesTheLatestLastWeekAndTheSameWeekAYearEarlier() throws {
        let page = try page
        #expect(page.contains("<h2 id=\"latest\">Latest snapshot: 9 November 2018</h2>"))
        #expect(page.contains("<h2 id=\"change\">Change since last week</h2>"))
        #expect(page.contains("<caption>Change from 2 November 2018 to 9 November 2018: "))
        #expect(page.contains("<h2 id=\"year-change\">Change since the same week a year earlier</h2>"))
        #expect(page.contains("<caption>Change from 10 November 2017 to 9 November 2018: "))
    }

    /// Every x-axis label of every trend chart, placed as the SVG places it (centred on its
    /// x, as wide as the chart's text measure), is clear of its neighbours and inside the chart.
    @Test func trendChartLabelsDoNotOverlap() throws {
        let page = try page
        let charts = page.components(separatedBy: "<svg ").dropFirst().filter { $0.contains("class=\"line ") }
        #expect(charts.count == 2)  // vacancy and agency rate: the files give no starters or leavers
        for chart in charts {
            let labels = chart.components(separatedBy: "<text class=\"tick\" x=\"").dropFirst().compactMap { part -> (Double, String)? in
                guard part.contains("y=\"292.0\" text-anchor=\"middle\">"),
                      let x = Double(part.prefix { $0 != "\"" }),
                      let text = part.components(separatedBy: "\">").dropFirst().first?.components(separatedBy: "</text>").first
                else { return nil }
                return (x, text)
            }
            #expect(labels.count >= 4 && labels.count < Self.weeks, "\(labels.count) labels")
            #expect(labels.last?.1 == "9 Nov 2018")
            let spans = labels.map { (left: $0.0 - SVG.textWidth($0.1) / 2, right: $0.0 + SVG.textWidth($0.1) / 2) }
            for (a, b) in zip(spans, spans.dropFirst()) {
                #expect(a.right + LineChart.axisLabelGap <= b.left, "\(a) and \(b) overlap")
            }
            #expect(spans.allSatisfy { $0.left >= 0 && $0.right <= LineChart.width })
            // Every date still has its tick.
            #expect(chart.components(separatedBy: "y1=\"270.0\" x2=").count - 1 >= Self.weeks)
        }
    }
}

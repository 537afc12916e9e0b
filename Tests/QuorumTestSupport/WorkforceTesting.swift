import Foundation
import QuorumContent
import QuorumSupport
import QuorumWorkforce

/// Shared helpers: inline snapshot CSVs, a small config, and paths relative to this file.
package enum WorkforceTesting {
    package static let repoRoot = TestPaths.repository
    package static let fixtures = TestPaths.fixtures.appendingPathComponent("workforce")

    package static let header = "Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %"

    /// Two areas, Alpha and Beta, and the default three groups.
    package static let config = WorkforceConfig(
        areas: [ServiceArea(id: "alpha", name: "Alpha"), ServiceArea(id: "beta", name: "Beta")])

    package static let asOf = CalendarDate("2020-01-01")!

    /// Loads an inline snapshot; returns it with the diagnostics it produced.
    package static func load(_ lines: [String], name: String = "2019-09-30.csv", config: WorkforceConfig = config,
                     asOf: CalendarDate = asOf) -> (snapshot: Snapshot?, diagnostics: [Diagnostic]) {
        let text = lines.joined(separator: "\n") + "\n"
        let file = SourceFile(path: "Content/workforce/snapshots/\(name)", relativePath: "workforce/snapshots/\(name)",
                              text: text)
        var log = DiagnosticLog()
        let snapshot = Snapshot.load(file, config: config, asOf: asOf, log: &log)
        return (snapshot, log.entries)
    }

    package static func loadFixture(_ name: String, config: WorkforceConfig = config) -> (snapshot: Snapshot?, diagnostics: [Diagnostic]) {
        let text = try! String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        // Fixtures are named for their defect; the loader needs a date as the file name.
        let file = SourceFile(path: "Fixtures/workforce/\(name)", relativePath: "workforce/snapshots/2019-09-30.csv", text: text)
        var log = DiagnosticLog()
        let snapshot = Snapshot.load(file, config: config, asOf: asOf, log: &log)
        return (snapshot, log.entries)
    }

    /// The 1-based column where the `index`th comma-separated cell of a simple line starts.
    package static func column(of index: Int, in line: String) -> Int {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        return cells.prefix(index).reduce(1) { $0 + $1.count + 1 }
    }

    /// The sample content's workforce, as at 2019-11-20.
    package static func loadSample() -> (Workforce, DiagnosticLog) {
        var log = DiagnosticLog()
        let content = ContentFolder.read(WorkforceTesting.repoRoot.appendingPathComponent("Content"),
                                         displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: CalendarDate("2019-11-20")!, log: &log)
        return (workforce, log)
    }
}

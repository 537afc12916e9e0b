import Foundation
import Testing
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// `quorum benchmarks import` and `check`, through the library and the real command.
@Suite("Benchmarks import")
struct BenchmarkImportTests {
    static let small = TestPaths.fixtures.appendingPathComponent("benchmarks/small-dfe.csv")
    /// Real DfE rows (see Fixtures/benchmarks/README.md).
    static let dfe = TestPaths.fixtures.appendingPathComponent("benchmarks/dfe-extract.csv")

    /// A content folder with a config naming Outer London and Bromley, and snapshots named
    /// for 30 September 2018 and 31 March 2019 (both census year 2018).
    func content(region: String = "Outer London", councils: String = "[Bromley]") -> URL {
        let root = TestPaths.temporaryFolder()
        writeTree([
            "workforce/config.yaml": "benchmarks:\n  region: \(region)\n  councils: \(councils)\n",
            "workforce/snapshots/2018-09-30.csv": "Area,Staff group\n",
            "workforce/snapshots/2019-03-31.csv": "Area,Staff group\n",
        ], in: root)
        return root
    }

    func written(_ root: URL) -> [String] {
        let text = (try? String(contentsOf: root.appendingPathComponent("workforce/benchmarks.csv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    @Test func yearsAreAYearARangeOrAList() {
        #expect(BenchmarkImport.years("2017-2019") == [2017, 2018, 2019])
        #expect(BenchmarkImport.years("2019,2017") == [2017, 2019])
        #expect(BenchmarkImport.years("2018") == [2018])
        for bad in ["2019-2017", "last year", "17", "2017-", ""] { #expect(BenchmarkImport.years(bad) == nil, "\(bad)") }
    }

    @Test func importsEnglandTheRegionAndTheCouncilsForTheSnapshotsCensusYears() throws {
        let root = content()
        defer { TestPaths.remove(root) }
        var log = DiagnosticLog()
        let outcome = try #require(BenchmarkImport.run(Self.small, displayPath: "small-dfe.csv", content: root,
                                                       contentDisplay: "Content", years: nil, log: &log))
        #expect((outcome.rowsRead, outcome.rowsKept, outcome.years) == (10, 3, [2018]))
        let lines = written(root)
        let source = try String(contentsOf: Self.small, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == source.first)   // the same header
        #expect(lines.dropFirst().map { $0.split(separator: ",")[0] } == ["2018", "2018", "2018"])
        #expect(lines.contains { $0.contains(",National,") } && lines.contains { $0.contains("Outer London,,,,") }
                && lines.contains { $0.contains(",Bromley,") })
        #expect(!lines.contains { $0.contains("Inner London") || $0.contains("Sutton") })
        // Every kept line is the source's line, byte for byte.
        #expect(lines.allSatisfy { source.contains($0) })
        // The Sutton 2019 row's published vacancy rate does not match its columns: a warning, not a failure.
        #expect(log.entries.map(\.code) == [WorkforceDiagnosticCode.benchmarkRateMismatch])
        #expect(log.entries.first?.location.line == 9)
        // The written file reads back as benchmarks Quorum can use.
        var readLog = DiagnosticLog()
        let table = try #require(BenchmarkTable.load(contentsOf: root.appendingPathComponent("workforce/benchmarks.csv"), log: &readLog))
        #expect(table.national(year: 2018) != nil && table.council("Bromley", year: 2018) != nil)
        #expect(readLog.entries.isEmpty)
    }

    @Test func chosenYearsAndMissingRowsAreReported() throws {
        let root = content(region: "Atlantis", councils: "[Sutton, Gotham]")
        defer { TestPaths.remove(root) }
        var log = DiagnosticLog()
        let outcome = try #require(BenchmarkImport.run(Self.small, displayPath: "small-dfe.csv", content: root,
                                                       contentDisplay: "Content", years: [2018, 2019, 2020], log: &log))
        #expect(outcome.rowsKept == 4)   // England and Sutton, 2018 and 2019
        let missing = log.entries.filter { $0.code == "benchmark-import-missing" }.map(\.message)
        #expect(missing.contains("the file has no National row for 2020"))
        #expect(missing.contains("the file has no Regional row for 'Atlantis' in 2019 (workforce/config.yaml benchmarks.region)"))
        #expect(missing.contains("the file has no Local authority row for 'Gotham' in 2018 (workforce/config.yaml benchmarks.councils)"))
    }

    @Test func withoutSnapshotsOrYearsNothingIsWritten() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        var log = DiagnosticLog()
        #expect(BenchmarkImport.run(Self.small, displayPath: "small-dfe.csv", content: root, contentDisplay: "Content",
                                    years: nil, log: &log) == nil)
        #expect(log.entries.map(\.code) == ["benchmark-import-years"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("workforce/benchmarks.csv").path))
    }

    @Test func theCommandImportsRealDfERowsForTheSampleSnapshots() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        try FileManager.default.copyItem(at: TestPaths.sampleContent.appendingPathComponent("workforce"),
                                         to: root.appendingPathComponent("workforce"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("workforce/benchmarks.csv"))
        let result = try QuorumCommand.run(["benchmarks", "import", Self.dfe.path, "--content", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix("Imported 6 rows of 113 for 2017, 2018, 2019 into ") == true, "\(lines.last ?? "")")
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("[benchmark-rate-mismatch]") && $0.contains(": warning: ") })
        // The same rows as the sample's own benchmarks file.
        let sample = try String(contentsOf: TestPaths.sampleContent.appendingPathComponent("workforce/benchmarks.csv"), encoding: .utf8)
        #expect(Set(written(root)) == Set(sample.split(separator: "\n").map(String.init)))
    }

    @Test func theCheckCommandExitCodes() throws {
        let cli = QuorumCommand.self
        let good = try cli.run(["benchmarks", "check", Self.dfe.path])
        #expect(good.status == 0)
        #expect(good.stderr.hasSuffix("Checked 113 rows, 0 errors, \(good.stderr.split(separator: "\n").count - 1) warnings\n"))
        let small = try cli.run(["benchmarks", "check", Self.small.path])
        #expect(small.status == 0 && small.stderr.contains("small-dfe.csv:9:") && small.stderr.hasSuffix("Checked 10 rows, 0 errors, 1 warning\n"))
        let missing = try cli.run(["benchmarks", "check", "/nonexistent/dfe.csv"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/dfe.csv:1:1: error: there is no benchmarks file at /nonexistent/dfe.csv [missing-file]"))
        let usage = try cli.run(["benchmarks", "import", Self.small.path, "--years", "soon"])
        #expect(usage.status == 64)
    }
}

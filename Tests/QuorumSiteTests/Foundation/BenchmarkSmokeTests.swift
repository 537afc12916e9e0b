import Foundation
import Testing
@testable import QuorumSite
import QuorumTestSupport

/// A tiny run of the build benchmark (`Benchmarks/run`), so that the script keeps working:
/// it generates 20 pages and 3 snapshots, builds them with the quorum binary the tests
/// use (not a release build), with Hugo and cmark-gfm beside it, and prints the tables.
/// The benchmark itself is not part of the suite.
@Suite("Benchmark smoke run")
struct BenchmarkSmokeTests {
    @Test(.timeLimit(.minutes(3)))
    func printsTheTables() async throws {
        let result = try await ChildProcess.run(
            TestPaths.repository.appendingPathComponent("Benchmarks/run"),
            ["--pages", "20", "--snapshots", "3", "--actions", "20", "--papers", "2", "--repeat", "1"],
            environment: ["QUORUM_BIN": QuorumCommand.binary.path])
        let stdout = result.stdout, stderr = result.stderr
        #expect(result.status == 0, "\(stderr)")
        let lines = stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("| pages | Quorum s | Quorum pages/s |") }, "\(stdout)")
        #expect(lines.contains { $0.hasPrefix("| 20 | ") && $0.split(separator: "|").count == 12 }, "\(stdout)")
        #expect(lines.contains { $0.hasPrefix("| 3 | ") }, "\(stdout)")
    }
}

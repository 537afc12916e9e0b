import Foundation
import Testing
import QuorumTestSupport

/// Golden files: expected output checked into `Fixtures/golden/NAME/`.
///
/// To accept a deliberate change, run `QUORUM_UPDATE_GOLDEN=1 swift test` and review the diff.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["QUORUM_UPDATE_GOLDEN"] == "1" }

    static func folder(_ name: String) -> URL {
        TestPaths.fixtures.appendingPathComponent("golden/\(name)")
    }

    /// Compares every file of `output` with the golden tree, listing each difference.
    static func assertTree(_ output: URL, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = readTree(output).filter { !$0.key.hasPrefix(".") }
        let golden = folder(name)
        if updating {
            try? FileManager.default.removeItem(at: golden)
            for (path, data) in actual {
                let url = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = readTree(golden)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "files differ from golden/\(name)", sourceLocation: sourceLocation)
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) where expected[path] != data {
            Issue.record("golden/\(name)/\(path) differs; run QUORUM_UPDATE_GOLDEN=1 swift test to accept", sourceLocation: sourceLocation)
        }
    }

    /// Compares one text with `golden/NAME`.
    static func assertText(_ text: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = TestPaths.fixtures.appendingPathComponent("golden/\(name)")
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden file \(name)>"
        #expect(text == expected, "differs from golden/\(name); run QUORUM_UPDATE_GOLDEN=1 swift test to accept",
                sourceLocation: sourceLocation)
    }
}

import Foundation
import Testing
@testable import QuorumServe
import QuorumTestSupport

/// `quorum serve`'s options are checked before anything is built or listened on.
@Suite("quorum serve's options")
struct ServeOptionsTests {
    @Test(arguments: [
        (["serve", "--port", "-1"], "--port -1 is out of range"),
        (["serve", "--port", "65536"], "--port 65536 is out of range"),
        (["serve", "--host-name", "preview.test:8000"], "--host-name 'preview.test:8000' is not a host name"),
        (["serve", "--host-name", "http://preview.test"], "--host-name 'http://preview.test' is not a host name"),
        (["serve", "--host-name", ""], "--host-name '' is not a host name"),
    ])
    func badValuesAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let result = try QuorumCommand.run(arguments, in: root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: \(message)"), "\(result.stderr)")
    }
}

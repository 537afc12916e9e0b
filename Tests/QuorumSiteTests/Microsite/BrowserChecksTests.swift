import Foundation
import Testing
@testable import QuorumSite
import QuorumTestSupport

/// The accessibility and HTML checks in a real browser: the sample site is built into a
/// temporary folder, served on 127.0.0.1 and every page is opened in headless Chromium with
/// axe-core, then checked with the W3C Nu HTML Checker (`scripts/browser-checks`).
///
/// Needs what `scripts/setup` installs; CI runs `scripts/setup && swift test`. Set
/// QUORUM_SKIP_BROWSER_CHECKS=1 to leave it out on a machine without Chromium.
@Suite("Browser checks", .enabled(if: ProcessInfo.processInfo.environment["QUORUM_SKIP_BROWSER_CHECKS"] != "1"))
struct BrowserChecksTests {
    @Test(.timeLimit(.minutes(5)))
    func everySamplePagePassesAxeAndTheNuHTMLChecker() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let report = SiteBuild.build(BuildOptions(content: TestPaths.sampleContent, templates: TestPaths.templates,
                                                  output: output, asOf: SampleMicrositeTests.asOf))
        try #require(report.wrote, "\(report.diagnostics.map(\.formatted))")

        let result = try await ChildProcess.run(TestPaths.repository.appendingPathComponent("scripts/browser-checks"), [output.path])
        let text = result.stdout + result.stderr
        #expect(result.status == 0, "scripts/browser-checks failed:\n\(text)")
        #expect(text.contains("browser-checks: \(report.pageCount) pages, 0 problems"), "\(text)")
    }
}

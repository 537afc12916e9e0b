import Foundation
import Testing
@testable import QuorumCore

@Suite("quorum new")
struct StarterSiteTests {
    @Test func theStarterBuildsWithoutDiagnostics() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let site = root.appendingPathComponent("my-site")
        let written = try StarterSite.create(at: site)
        #expect(written.contains("Content/site.yaml"))
        #expect(written.contains("Templates/base.mustache"))
        let report = SiteBuild.build(BuildOptions(
            content: site.appendingPathComponent("Content"), templates: site.appendingPathComponent("Templates"),
            output: site.appendingPathComponent("public"), asOf: testDate))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        #expect(report.pageCount == 2)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/index.html").path))
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["notes.txt": "mine"], in: root)
        #expect(throws: StarterSite.Failure.self) { try StarterSite.create(at: root) }
        #expect(readTree(root).keys.sorted() == ["notes.txt"])
    }

    /// The embedded theme must be the one in Templates/: run scripts/embed-default-theme after editing it.
    @Test func theEmbeddedThemeMatchesTemplates() {
        let onDisk = readTree(TestPaths.templates).filter { !$0.key.hasPrefix(".") }
            .mapValues { String(decoding: $0, as: UTF8.self) }
        let embedded = Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, $0.text) })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted())
        for (path, text) in onDisk where embedded[path] != text {
            Issue.record("Templates/\(path) differs from DefaultTheme.swift; run scripts/embed-default-theme")
        }
    }
}

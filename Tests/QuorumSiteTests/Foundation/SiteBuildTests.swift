import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

@Suite("Building a site")
struct SiteBuildTests {
    let valid = TestPaths.fixtures.appendingPathComponent("sites/valid/Content")

    @Test func theValidFixtureMatchesItsGoldenOutput() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let report = SiteBuild.build(options(content: valid, output: output))
        #expect(report.diagnostics.isEmpty)
        #expect(report.wrote)
        #expect(report.pageCount == 2)
        try Golden.assertTree(output, matches: "valid")
    }

    @Test func twoBuildsAreByteIdentical() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let first = root.appendingPathComponent("one"), second = root.appendingPathComponent("two")
        _ = SiteBuild.build(options(content: TestPaths.sampleContent, output: first))
        _ = SiteBuild.build(options(content: TestPaths.sampleContent, output: second))
        let a = readTree(first), b = readTree(second)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func theSampleContentBuildsWithoutErrors() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let report = SiteBuild.build(options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public")))
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path))
    }

    @Test func aBrokenFileFailsTheBuildAndLeavesThePreviousOutput() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        try FileManager.default.copyItem(at: valid, to: content)
        #expect(SiteBuild.build(options(content: content, output: output)).wrote)
        let before = readTree(output)
        writeTree(["pages/guides/asye.md": "---\ntitle: [unclosed\n---\n"], in: content)
        let report = SiteBuild.build(options(content: content, output: output))
        #expect(report.failed)
        #expect(!report.wrote)
        #expect(report.diagnostics.map(\.location.line) == [3])
        #expect(report.diagnostics.first?.location.path.hasSuffix("Content/pages/guides/asye.md") == true)
        #expect(readTree(output) == before)
    }

    @Test func strictModeFailsOnWarnings() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        try FileManager.default.copyItem(at: valid, to: content)
        writeTree(["pages/extra.md": "---\ntitle: Extra\ncolour: red\n---\n"], in: content)
        let relaxed = SiteBuild.build(options(content: content, output: output))
        #expect(relaxed.wrote && !relaxed.failed && relaxed.warningCount == 1)
        let strict = SiteBuild.build(options(content: content, output: root.appendingPathComponent("strict"), strict: true))
        #expect(strict.failed && !strict.wrote)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("strict").path))
    }

    @Test func checkWritesNothing() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let report = SiteBuild.check(options(content: valid, output: output))
        #expect(report.diagnostics.isEmpty && !report.wrote && report.pageCount == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func aSlugCannotWriteOutsideTheOutputFolder() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("site/Content"), output = root.appendingPathComponent("site/public")
        writeTree([
            "site.yaml": "title: T\ncouncil: C\n",
            "pages/evil.md": "---\ntitle: Evil\nslug: ../../../escaped\n---\n",
            // The header links to the home page: without one, that link would be broken.
            "pages/index.md": "---\ntitle: Home\n---\n",
        ], in: content)
        let report = SiteBuild.build(options(content: content, output: output))
        #expect(report.wrote)
        #expect(report.diagnostics.map(\.code) == ["page-slug-rewritten"])
        #expect(readTree(output).keys.contains("escaped.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("site").path).sorted() == [".public.quorum-lock", "Content", "public"])
    }

    @Test func aMissingContentFolderIsOneClearError() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let report = SiteBuild.build(options(content: root.appendingPathComponent("nope"), output: root.appendingPathComponent("public")))
        #expect(report.failed && !report.wrote)
        #expect(report.diagnostics.map(\.code) == ["missing-content"])
    }

    /// One broken thing per fixture site, and the diagnostic it must produce.
    @Test(arguments: [
        ("front-matter-syntax", "pages/index.md:3:19", "front-matter-syntax"),
        ("front-matter-missing", "pages/index.md:2:1", "front-matter-missing"),
        ("front-matter-unclosed", "pages/index.md:1:1", "front-matter-unclosed"),
        ("duplicate-output", "pages/b.md:1:1", "duplicate-output"),
        ("empty-slug", "pages/-.md:1:1", "page-slug"),
        ("duplicate-priority-order", "priorities/retention.md:3:8", "priority-duplicate-order"),
        ("snapshot-no-rows", "workforce/snapshots/2018-09-30.csv:1:1", "workforce-no-rows"),
        ("missing-template", "pages/a.md:1:1", "missing-template"),
        ("missing-site-config", "site.yaml:1:1", "missing-site-config"),
        ("site-config-colour", "site.yaml:4:19", "site-config-colour"),
        ("not-utf8", "pages/a.md:2:11", "not-utf8"),
        ("no-front-matter", "pages/a.md:1:1", "front-matter-missing"),
    ])
    func eachInvalidFixtureReportsItsDefect(name: String, location: String, code: String) {
        let content = TestPaths.fixtures.appendingPathComponent("sites/invalid/\(name)/Content")
        let report = SiteBuild.check(options(content: content, output: TestPaths.temporaryFolder()))
        #expect(report.failed)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.code) == [code])
        let found = report.diagnostics.first { $0.code == code }
        #expect(found.map { "\($0.location)".hasSuffix("Content/" + location) } == true, "\(report.diagnostics.map(\.formatted))")
    }
}

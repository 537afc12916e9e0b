import Foundation
import Testing
@testable import QuorumSite
import QuorumTestSupport

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

    /// The embedded theme must be the one in Templates/: run scripts/embed-default-theme after
    /// editing it. A template added, removed or changed is drift (see docs/architecture.md).
    @Test func theEmbeddedThemeMatchesTemplates() {
        let drift = Self.drift(templates: TestPaths.templates, embedded: DefaultTheme.files)
        #expect(drift.isEmpty, "\(drift.joined(separator: "\n"))")
    }

    /// The check above fails on each kind of drift, found on disk as the test reads it.
    @Test func driftIsFoundWhateverItIs() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let theme = Dictionary(uniqueKeysWithValues: DefaultTheme.files.map { ($0.path, $0.text) })
        writeTree(theme, in: root)
        #expect(Self.drift(templates: root, embedded: DefaultTheme.files).isEmpty)

        writeTree(["partials/banner.mustache": "<p>new</p>\n", "partials/.notes.swp": "ignored, as the script does"], in: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("404.mustache"))
        writeTree(["base.mustache": theme["base.mustache", default: ""] + "<!-- edited -->\n"], in: root)
        #expect(Self.drift(templates: root, embedded: DefaultTheme.files) == [
            "Templates/404.mustache was removed but is still embedded",
            "Templates/base.mustache differs from its embedded copy",
            "Templates/partials/banner.mustache is new and not embedded",
        ].map { $0 + "; run scripts/embed-default-theme" })

        #expect(Self.drift(templates: root, embedded: DefaultTheme.files + [(path: "base.mustache", text: "")])
            .contains("DefaultTheme.swift has base.mustache twice; run scripts/embed-default-theme"))
    }

    /// Every difference between the templates in `templates` and the embedded copy, one line
    /// each, sorted. Hidden files and folders are left out, as scripts/embed-default-theme does.
    static func drift(templates: URL, embedded: [(path: String, text: String)]) -> [String] {
        let onDisk = readTree(templates)
            .filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
            .mapValues { String(decoding: $0, as: UTF8.self) }
        var copy: [String: String] = [:]
        var problems: [String] = []
        for file in embedded {
            if copy.updateValue(file.text, forKey: file.path) != nil {
                problems.append("DefaultTheme.swift has \(file.path) twice")
            }
        }
        for path in Set(onDisk.keys).union(copy.keys) {
            switch (onDisk[path], copy[path]) {
            case (nil, _?): problems.append("Templates/\(path) was removed but is still embedded")
            case (_?, nil): problems.append("Templates/\(path) is new and not embedded")
            case let (disk?, embedded?) where disk != embedded: problems.append("Templates/\(path) differs from its embedded copy")
            default: break
            }
        }
        return problems.sorted().map { $0 + "; run scripts/embed-default-theme" }
    }
}

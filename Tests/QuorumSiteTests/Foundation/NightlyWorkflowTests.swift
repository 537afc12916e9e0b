import Foundation
import Testing
import Yams
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

/// The nightly workflow the docs give (docs/nightly.yml) runs what CI runs, and the sample's
/// nightly `--strict` build passes while `--strict` still fails on a real problem.
@Suite struct NightlyWorkflowTests {
    /// The notes a build of the sample gives (testimonials left out, accepted workforce
    /// problems, the outline return, areas above the optimum caseload): one more, that Word
    /// shows charts as tables, where rsvg-convert is not installed to draw them.
    static let sampleNotes = ChartPictures.findRasteriser(in: ProcessInfo.processInfo.environment) == nil ? 17 : 16
    static let workflowURL = TestPaths.repository.appendingPathComponent("docs/nightly.yml")

    /// The `run:` lines of the build job's steps.
    static func runLines() throws -> [String] {
        let text = try String(contentsOf: workflowURL, encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        let steps = try #require(build["steps"] as? [[String: Any]])
        return steps.compactMap { $0["run"] as? String }
    }

    @Test func theWorkflowIsValidYAMLAndRunsWhatCIRuns() throws {
        let runs = try Self.runLines()
        // CI runs .ci/run; the workflow's test step runs the same command.
        let ci = try String(contentsOf: TestPaths.repository.appendingPathComponent(".ci/run"), encoding: .utf8)
        let ciCommand = try #require(ci.split(separator: "\n").last.map(String.init))
        #expect(ciCommand == "scripts/setup && swift test")
        #expect(runs.contains(ciCommand))
        // The build step installs what it needs first, fails the night on a warning, and
        // prints the papers to PDF for the committee system.
        #expect(runs.contains("scripts/setup && swift run quorum build --strict --format github --pdf"))
        // Every command a step runs is one the README names.
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for run in runs {
            for command in run.components(separatedBy: " && ") {
                let words = command.split(separator: " ").prefix(3).joined(separator: " ")
                #expect(readme.contains(words), "README does not name '\(words)'")
            }
        }
    }

    @Test func theDocsShowTheWorkflowFileAsItIs() throws {
        let file = try String(contentsOf: Self.workflowURL, encoding: .utf8)
        let docs = TestPaths.repository.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
            .map { try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8) }
            + [try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)]
        // The file without its leading comment lines is what the docs quote in a yaml block.
        let body = file.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }
            .joined(separator: "\n")
        #expect(pages.contains { $0.contains("```yaml\n" + body) }, "no guide quotes docs/nightly.yml as it is")
    }

    @Test func theSampleBuildsWithStrict() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let result = try CommandLineTests().run(["build", "--strict", "--content", TestPaths.sampleContent.path,
                                                 "--templates", TestPaths.templates.path,
                                                 "--output", root.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr)")
        // What the sample leaves out is still said, as notes.
        #expect(result.stderr.contains("note: this testimonial is left out of the site: consent was withdrawn on 2026-11-03 [consent-withdrawn]"))
        #expect(result.stderr.contains("(accepted in workforce/config.yaml: "))
        #expect(!result.stderr.contains("warning:"))
        // Among them, 7 for the areas above the optimum caseload (planning).
        #expect(result.stderr.contains("[planning-caseload-above-optimum]"))
        #expect(result.stderr.contains(", 0 errors, 0 warnings, \(Self.sampleNotes) notes\n"), "\(result.stderr)")
    }

    @Test func quietLeavesNotesOutButKeepsThemInTheSummaryFile() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let summary = root.appendingPathComponent("summary.json")
        let result = try CommandLineTests().run(["build", "--strict", "--quiet", "--content", TestPaths.sampleContent.path,
                                                 "--templates", TestPaths.templates.path, "--summary", summary.path,
                                                 "--output", root.appendingPathComponent("public").path])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["notes"] == Self.sampleNotes && counts["warnings"] == 0)
    }

    @Test func strictStillFailsOnARealProblem() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        // Consent withdrawn two months before the sample's as-at date: the file should have been deleted.
        let marcus = content.appendingPathComponent("testimonials/marcus-bell.md")
        let text = try String(contentsOf: marcus, encoding: .utf8).replacingOccurrences(of: "withdrawn: 2026-11-03", with: "withdrawn: 2026-09-20")
        try Data(text.utf8).write(to: marcus)
        let output = root.appendingPathComponent("public")
        let result = try CommandLineTests().run(["build", "--strict", "--content", content.path,
                                                 "--templates", TestPaths.templates.path, "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("marcus-bell.md:8:3: warning: this testimonial is left out of the site: consent was withdrawn on 2026-09-20, 64 days ago: delete this file"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // Without --strict the same content builds, and the warning is still printed.
        let relaxed = try CommandLineTests().run(["build", "--content", content.path,
                                                  "--templates", TestPaths.templates.path, "--output", output.path])
        #expect(relaxed.status == 0 && relaxed.stderr.contains("warning: this testimonial is left out"))
    }

    @Test func notesNeverFailABuildAndShowAsGitHubNotices() {
        let note = Diagnostic.note(SourceLocation(path: "a.md", line: 2, column: 1), "left out", code: "consent-expired")
        let report = BuildReport(diagnostics: [note], pageCount: 1, fileCount: 1, wrote: true, strict: true)
        #expect(!report.failed && report.noteCount == 1 && report.warningCount == 0)
        #expect(note.formatted == "a.md:2:1: note: left out [consent-expired]")
        #expect(DiagnosticFormat.github.render([note], summary: nil) == "::notice file=a.md,line=2,col=1,title=consent-expired::left out\n")
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
    }
}

import Foundation
import Testing
@testable import QuorumCore

/// Runs the real `quorum` binary, as a user or a CI job does, to pin exit codes and output.
@Suite("The quorum command")
struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        // swift test builds the executable into the products folder beside the test bundle.
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("quorum") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    final class Marker {}

    func run(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildsAndSummarises() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let valid = TestPaths.fixtures.appendingPathComponent("sites/valid/Content").path
        let result = try run(["build", "--content", valid, "--templates", TestPaths.templates.path,
                              "--output", root.appendingPathComponent("out").path, "--as-of", "2018-11-20"])
        #expect(result.status == 0)
        #expect(result.stderr.range(of: #"^Built 2 pages in \d+ ms, 0 errors, 0 warnings\n$"#, options: .regularExpression) != nil,
                "\(result.stderr)")
    }

    @Test func exitsOneWithLocatedDiagnosticsOnBrokenContent() throws {
        let broken = TestPaths.fixtures.appendingPathComponent("sites/invalid/front-matter-syntax/Content").path
        let result = try run(["check", "--content", broken, "--templates", TestPaths.templates.path, "--as-of", "2018-11-20"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("front-matter-syntax/Content/pages/index.md:3:19: error: invalid YAML: mapping values are not allowed in this context [front-matter-syntax]"))
        #expect(lines[1] == "Checked 0 pages, 1 error, 0 warnings")
    }

    @Test func printsJSONForTools() throws {
        let broken = TestPaths.fixtures.appendingPathComponent("sites/invalid/front-matter-missing/Content").path
        let result = try run(["check", "--content", broken, "--templates", TestPaths.templates.path, "--format", "json"])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = json?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["line"] as? Int == 2)
        #expect(diagnostics.first?["code"] as? String == "front-matter-missing")
        #expect(diagnostics.first?["severity"] as? String == "error")
    }

    @Test func printsGitHubWorkflowCommands() throws {
        let broken = TestPaths.fixtures.appendingPathComponent("sites/invalid/front-matter-missing/Content").path
        let result = try run(["check", "--content", broken, "--templates", TestPaths.templates.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("::error file="))
        #expect(result.stderr.contains(",line=2,col=1,title=front-matter-missing::missing required front matter key 'title'"))
    }

    @Test(arguments: [["build", "--as-of", "2018-13-01"], ["build", "--format", "xml"], ["frobnicate"], ["build", "--nope"]])
    func exitsSixtyFourOnUsageErrors(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
    }

    @Test func markdownRendersStandardInputLikeAPage() throws {
        let result = try run(["markdown"], stdin: "---\ntitle: x\n---\n| a |\n|---|\n| ~~b~~ |\n\n<script>x</script>\n")
        #expect(result.status == 0)
        #expect(result.stdout == MarkdownDocument.html("| a |\n|---|\n| ~~b~~ |\n\n<script>x</script>\n"))
        #expect(result.stdout.contains("<td><del>b</del></td>"))
        #expect(!result.stdout.contains("<script>"))
    }
}

import FlyingFox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import QuorumMarkdown
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// Runs the real `quorum` binary, as a user or a CI job does, to pin exit codes and output.
@Suite("The quorum command")
struct CommandLineTests {
    typealias Run = QuorumCommand.Run

    func run(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> Run {
        try QuorumCommand.run(arguments, stdin: stdin, in: folder)
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
        // The Actions runner reads workflow commands from standard output.
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("::error file=") == true)
        #expect(lines.first?.hasSuffix("front-matter-missing/Content/pages/index.md,line=2,col=1,title=front-matter-missing::missing required front matter key 'title'") == true)
        #expect(lines.last == "Checked 0 pages, 1 error, 0 warnings")
        #expect(result.stderr.isEmpty)
    }

    /// A copy of the valid fixture in a new folder, with `edits` applied.
    func site(_ edits: [String: String] = [:]) throws -> URL {
        let root = TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"),
                                         to: root.appendingPathComponent("Content"))
        writeTree(edits, in: root.appendingPathComponent("Content"))
        return root
    }

    func build(_ root: URL, _ extra: [String] = []) throws -> Run {
        try run(["build", "--templates", TestPaths.templates.path, "--as-of", "2018-11-20"] + extra, in: root)
    }

    @Test func buildWritesItsSummaryBesideTheOutput() throws {
        let root = try site()
        defer { TestPaths.remove(root) }
        let result = try build(root)
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: root.appendingPathComponent("quorum-build.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["asOf"] as? String == "2018-11-20")
        #expect(json["succeeded"] as? Bool == true)
        #expect(json["output"] as? String == "public")
        #expect((json["counts"] as? [String: Int])?["pages"] == 2)
        #expect((json["timings"] as? [String: Double])?["total"] != nil)
        // The summary is outside the output, so the output stays byte-identical.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/quorum-build.json").path))
        // No terminal here: no progress line, only the summary.
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("Building:"))
    }

    @Test func aBrokenLinkFailsTheBuildWithItsLineAndWritesTheSummaryElsewhere() throws {
        let root = try site(["pages/index.md": "---\ntitle: Welcome\n---\nSee [the guide](guides/asey.html).\n"])
        defer { TestPaths.remove(root) }
        let result = try build(root, ["--summary", "reports/nightly.json", "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file=Content/pages/index.md,line=4,col=5,title=broken-link::link 'guides/asey.html': there is no guides/asey.html in the output; did you mean 'guides/asye.html'?\n"),
                "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
        let data = try Data(contentsOf: root.appendingPathComponent("reports/nightly.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["succeeded"] as? Bool == false)
        #expect((json["counts"] as? [String: Int])?["errors"] == 1)
    }

    @Test func quietPrintsNothingWhenAllIsWell() throws {
        let root = try site()
        defer { TestPaths.remove(root) }
        let result = try build(root, ["--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty && result.stdout.isEmpty)
    }

    /// `run` on a thread of its own: waiting for the child must not hold one of the few
    /// threads the in-process server needs to answer it.
    func runBeside(_ arguments: [String], in folder: URL) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try self.run(arguments, in: folder) }) }.start()
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func checkExternalWarnsAboutDeadLinksOnALoopbackServer() async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        await server.appendRoute("/alive") { _ in HTTPResponse(statusCode: .ok) }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        // Not FlyingFox's default of 5 s: while the whole suite runs on a loaded 2-core machine,
        // the server's task can wait that long for a thread of the cooperative pool.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else { return }
        let base = "http://127.0.0.1:\(port)"
        let root = try site(["pages/index.md": "---\ntitle: Welcome\n---\n[a](\(base)/alive)\n\n[b](\(base)/dead)\n"])
        defer { TestPaths.remove(root) }
        let plain = try run(["check", "--templates", TestPaths.templates.path], in: root)
        #expect(plain.status == 0)
        #expect(plain.stderr == "Checked 2 pages, 0 errors, 0 warnings\n", "without --external nothing is fetched")
        let result = try await runBeside(["check", "--external", "--external-timeout", "5", "--templates", TestPaths.templates.path], in: root)
        #expect(result.status == 0, "external problems are warnings")
        #expect(result.stderr == """
            Content/pages/index.md:6:1: warning: external link '\(base)/dead' answered HTTP 404 [external-link]
            Checked 2 pages, 2 external links checked, 0 errors, 1 warning

            """)
        let strict = try await runBeside(["check", "--external", "--strict", "--templates", TestPaths.templates.path], in: root)
        #expect(strict.status == 1)
        await server.stop(timeout: 0)
    }

    @Test(.timeLimit(.minutes(5)))
    func serveListensOnLoopbackAndServesThePages() async throws {
        let root = try site()
        defer { TestPaths.remove(root) }
        let process = Process()
        process.executableURL = QuorumCommand.binary
        process.arguments = ["serve", "--port", "0", "--templates", TestPaths.templates.path, "--as-of", "2018-11-20"]
        process.currentDirectoryURL = root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        // Read standard error until the address is printed.
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("Serving "), Date() < deadline {
            let data = err.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let address = try #require(text.firstRange(of: /http:\/\/127\.0\.0\.1:\d+\//).map { String(text[$0]) }, "\(text)")
        #expect(text.hasPrefix("Built 2 pages in "))
        let (data, _) = try await URLSession.shared.data(from: URL(string: address)!)
        #expect(String(decoding: data, as: UTF8.self).contains("Hello from the fixture"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
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

    /// A lone CR ends a line, as in cmark-gfm: `line1\r\r\nline2` is two line ends, two paragraphs.
    @Test func markdownKeepsALoneCarriageReturnAsALineEnd() throws {
        let result = try run(["markdown"], stdin: "line1\r\r\nline2")
        #expect(result.status == 0)
        #expect(result.stdout == "<p>line1</p>\n<p>line2</p>\n")
    }
}

import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport

/// Runs the real `quorum` binary in a folder, with extra environment variables.
func runQuorum(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> CommandLineTests.Run {
    let process = try startQuorum(arguments, in: folder, environment: environment)
    return finish(process)
}

func startQuorum(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = QuorumCommand.binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, out, err)
}

func finish(_ started: (Process, Pipe, Pipe)) -> CommandLineTests.Run {
    let (process, out, err) = started
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                stderr: String(decoding: stderr, as: UTF8.self))
}

/// Every way of pointing a build at the user's own files is refused before any work, and
/// every file is still there byte for byte.
@Suite("Output safety: never delete what Quorum did not write")
struct OutputSafetyTests {
    /// The sample site copied into a new folder, with a user's notes in `docs/` and a file.
    func userSite() throws -> URL {
        let root = TestPaths.temporaryFolder()
        let fm = FileManager.default
        try fm.copyItem(at: TestPaths.sampleContent, to: root.appendingPathComponent("Content"))
        try fm.copyItem(at: TestPaths.templates, to: root.appendingPathComponent("Templates"))
        writeTree(["docs/notes.md": "# My notes\n", "somefile": "keep me\n",
                   "annual-update-2018/my-draft.docx": "draft"], in: root)
        return root
    }

    /// Every file under `root` but Quorum's own lock files, which are empty and harmless.
    func userFiles(_ root: URL) -> [String: Data] {
        readTree(root).filter { !$0.key.hasSuffix(".quorum-lock") }
    }

    static let dangerous: [[String]] = [
        ["build", "--output", "Content"],
        ["build", "--output", "Templates"],
        ["build", "--output", "."],
        ["build", "--output", "Content/media"],
        ["build", "--output", ""],
        ["build", "--output", "docs"],
        ["build", "--output", "somefile"],
        ["build", "--output", "/"],
        ["build", "--summary", "Content/site.yaml"],
        ["build", "--summary", "Templates/page.mustache"],
        ["build", "--summary", "somefile"],
        ["build", "--include-exempt", "Content"],
        ["build", "--include-exempt", "Templates"],
        ["build", "--include-exempt", "docs"],
        ["build", "--include-exempt", "Content/media/exempt"],
        ["build", "--include-exempt", ""],
        ["build", "--include-exempt", "public"],
        ["build", "--output", "out", "--include-exempt", "out/exempt"],
        ["build", "--summary", "Content"],
        ["annual", "--year", "2018", "--output", "Content"],
        ["annual", "--year", "2018", "--output", "."],
        ["annual", "--year", "2018"],
    ]

    @Test(arguments: dangerous)
    func refusesBeforeAnyWorkAndKeepsEveryFile(_ arguments: [String]) throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let before = userFiles(root)
        let result = try runQuorum(arguments, in: root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 2)
        // One located line a refusal, then the summary line; no Foundation dump.
        for line in lines.dropLast() {
            #expect(line.range(of: #"^.+:1:1: error: .+ \[unsafe-output\]$"#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(lines.last == "Refused: \(lines.count - 1) error\(lines.count == 2 ? "" : "s"); nothing was read or written")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(userFiles(root) == before, "\(arguments) changed the user's files")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test func aSummaryInsideTheOutputIsRefusedAndTheHomePageKept() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let built = try runQuorum(["build", "--output", "out", "--quiet"], in: root)
        #expect(built.status == 0, "\(built.stderr)")
        let before = userFiles(root)
        let result = try runQuorum(["build", "--output", "out", "--summary", "out/index.html"], in: root)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("out/index.html:1:1: error: --summary is inside the --output folder"))
        #expect(userFiles(root) == before)
    }

    @Test func refusalsName() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let docs = try runQuorum(["build", "--output", "docs"], in: root)
        #expect(docs.stderr.hasPrefix("docs:1:1: error: --output holds files Quorum did not write (e.g. 'notes.md') and no .quorum-output mark;"))
        #expect(docs.stderr.contains("pass --force to replace it"))
        let content = try runQuorum(["build", "--output", "Content/media"], in: root)
        #expect(content.stderr.hasPrefix("Content/media:1:1: error: --output is inside the content folder;"))
        let file = try runQuorum(["build", "--output", "somefile"], in: root)
        #expect(file.stderr.hasPrefix("somefile:1:1: error: --output is a file, not a folder;"))
        let empty = try runQuorum(["build", "--output", ""], in: root)
        #expect(empty.stderr.hasPrefix("--output '':1:1: error: --output is empty"))
        let here = try runQuorum(["build", "--output", "."], in: root)
        #expect(here.stderr.contains("error: --output holds the content folder;"))
    }

    @Test func forceTakesOverAFolderKeepingItsHiddenEntries() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        writeTree(["docs/.git/HEAD": "ref"], in: root)
        let result = try runQuorum(["build", "--output", "docs", "--force", "--quiet"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let docs = readTree(root.appendingPathComponent("docs"))
        #expect(docs["notes.md"] == nil)
        #expect(docs[".git/HEAD"] == Data("ref".utf8))
        #expect(docs[".quorum-output"] != nil && docs["index.html"] != nil)
        // Marked now, so the next build needs no --force.
        #expect(try runQuorum(["build", "--output", "docs", "--quiet"], in: root).status == 0)
    }

    @Test func replacesMissingEmptyAndMarkedFolders() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        writeTree(["empty/.gitkeep": ""], in: root)
        for output in ["new", "empty", "new"] {
            let result = try runQuorum(["build", "--output", output, "--quiet"], in: root)
            #expect(result.status == 0, "\(output): \(result.stderr)")
        }
        #expect(readTree(root.appendingPathComponent("empty"))[".gitkeep"] == Data())
        let mark = try String(contentsOf: root.appendingPathComponent("new/.quorum-output"), encoding: .utf8)
        #expect(mark.hasPrefix("This folder was written by Quorum"))
        // The annual update's default folder, once Quorum's, is replaced again.
        let annual = root.appendingPathComponent("annual-update-2018")
        try FileManager.default.removeItem(at: annual)
        #expect(try runQuorum(["annual", "--year", "2018"], in: root).status == 0)
        #expect(try runQuorum(["annual", "--year", "2018"], in: root).status == 0)
        #expect(FileManager.default.fileExists(atPath: annual.appendingPathComponent(".quorum-output").path))
    }

    @Test func writesThroughAnOutputThatIsALinkToAFolder() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("releases/site"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("www").path, withDestinationPath: "releases/site")
        for _ in 0..<2 {
            let result = try runQuorum(["build", "--output", "www", "--quiet"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try fm.destinationOfSymbolicLink(atPath: root.appendingPathComponent("www").path) == "releases/site")
        #expect(fm.fileExists(atPath: root.appendingPathComponent("releases/site/index.html").path))
        #expect(try fm.contentsOfDirectory(atPath: root.appendingPathComponent("releases").path).sorted() == [".site.quorum-lock", "site"])
    }

    @Test func aFailedWriteLeavesASummarySayingSo() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        #expect(try runQuorum(["build", "--output", "out", "--quiet", "--summary", "night.json"], in: root).status == 0)
        #expect(BuildSummary.isSummary(at: root.appendingPathComponent("night.json")))
        // `somefile` is a file, so no folder can be made inside it.
        let result = try runQuorum(["build", "--output", "somefile/out", "--summary", "night.json"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("somefile/out:1:1: error: cannot write somefile/out: cannot create its parent folder: somefile is a file, not a folder"))
        #expect(result.stderr.contains("somefile/out was not changed [write-failed]"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("couldn’t"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("night.json"))) as? [String: Any])
        #expect(json["succeeded"] as? Bool == false)
        #expect(json["wrote"] as? Bool == false)
    }

    @Test func aRefusedBuildStopsAnOldSummaryFromSayingSuccess() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        #expect(try runQuorum(["build", "--output", "out", "--quiet", "--summary", "night.json"], in: root).status == 0)
        let result = try runQuorum(["build", "--output", "docs", "--summary", "night.json"], in: root)
        #expect(result.status == 64)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("night.json"))) as? [String: Any])
        #expect(json["succeeded"] as? Bool == false)
    }

    @Test func anExemptFolderThatCannotBeWrittenIsReportedTruthfully() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let result = try runQuorum(["build", "--output", "out", "--include-exempt", "somefile/exempt"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("somefile/exempt was not changed, but the public site in out was replaced [write-failed]"),
                "\(result.stderr)")
        #expect(result.stderr.hasSuffix("out was replaced, somefile/exempt was not changed\n"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/index.html").path))
    }

    @Test func newInsideAFileSaysSoInAFewWords() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let result = try runQuorum(["new", "somefile/site"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr == "somefile/site: error: cannot write \(root.appendingPathComponent("somefile/site").path): Not a directory\n")
    }

    @Test func staleStagingAndPreviousFoldersDoNotStopTheNextBuild() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        #expect(try runQuorum(["build", "--output", "out", "--quiet"], in: root).status == 0)
        writeTree([".out.quorum-staging/half.html": "x", ".out.quorum-previous/sub/old.html": "y"], in: root)
        let result = try runQuorum(["build", "--output", "out", "--quiet"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(!names.contains(".out.quorum-staging") && !names.contains(".out.quorum-previous"))
    }

    @Test(.enabled(if: getuid() != 0, "root may write into read-only folders"))
    func aReadOnlySubfolderInTheOutputDoesNotStopLaterBuilds() throws {
        let root = try userSite()
        defer {
            chmod(root.appendingPathComponent("out/media").path, 0o755)
            TestPaths.remove(root)
        }
        #expect(try runQuorum(["build", "--output", "out", "--quiet"], in: root).status == 0)
        chmod(root.appendingPathComponent("out/media").path, 0o555)
        for _ in 0..<2 {
            let result = try runQuorum(["build", "--output", "out", "--quiet"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".out.quorum-previous").path))
    }

    @Test func aSecondBuildWaitsForTheLockThenWrites() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("out")
        var lock: OutputLock? = try OutputLock(for: output, display: "out", waiting: { _ in Issue.record("the lock was free") })
        // Standard error to a file, to see the build start waiting.
        let log = root.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = QuorumCommand.binary
        process.arguments = ["build", "--output", "out", "--quiet"]
        process.currentDirectoryURL = root
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !(try String(contentsOf: log, encoding: .utf8)).contains("waiting") {
            Thread.sleep(forTimeInterval: 0.1)
        }
        // The build has rendered and now waits: nothing is written while the lock is held.
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        lock = nil
        _ = lock
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let stderr = try String(contentsOf: log, encoding: .utf8)
        #expect(stderr.contains("another build is writing out; waiting for it to finish (lock .out.quorum-lock)"), "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func aBuildThatWaitsTooLongChangesNothing() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        let lock = try OutputLock(for: root.appendingPathComponent("out"), display: "out", waiting: { _ in })
        let result = try runQuorum(["build", "--output", "out"], in: root, environment: ["QUORUM_LOCK_TIMEOUT": "0.5"])
        withExtendedLifetime(lock) {}
        #expect(result.status == 1)
        #expect(result.stderr.contains("out:1:1: error: cannot write out: another build held the lock .out.quorum-lock for 0 seconds; nothing was changed"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    @Test func twoConcurrentBuildsPublishOneWholeSite() throws {
        let root = try userSite()
        defer { TestPaths.remove(root) }
        #expect(try runQuorum(["build", "--output", "reference", "--quiet"], in: root).status == 0)
        let expected = readTree(root.appendingPathComponent("reference"))
        let first = try startQuorum(["build", "--output", "out", "--quiet", "--summary", "one.json"], in: root)
        let second = try startQuorum(["build", "--output", "out", "--quiet", "--summary", "two.json"], in: root)
        #expect(finish(first).status == 0)
        #expect(finish(second).status == 0)
        #expect(readTree(root.appendingPathComponent("out")) == expected)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") && !$0.hasSuffix("lock") }
        #expect(leftovers.isEmpty)
    }
}

@Suite("Option values are checked before any work")
struct OptionValueTests {
    static let bad: [[String]] = [
        ["check", "--external", "--external-timeout", "nan"],
        ["check", "--external", "--external-timeout", "inf"],
        ["check", "--external", "--external-timeout", "1e308"],
        ["check", "--external", "--external-timeout", "-1"],
        ["check", "--external", "--external-timeout", "0"],
        ["check", "--external", "--external-limit", "-1"],
        ["check", "--external", "--external-limit", "0"],
        ["check", "--external", "--external-limit", "99999999999999999999999"],
        ["serve", "--port", "70000"],
        ["serve", "--port", "-1"],
        ["annual", "--year", "99999"],
        ["annual", "--year", "-5"],
    ]

    @Test(arguments: bad)
    func badNumbersAreUsageErrors(_ arguments: [String]) throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let result = try runQuorum(arguments, in: root)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
        #expect(result.stderr.contains(arguments[arguments.count - 2]))
    }
}

@Suite("YAML size")
struct YAMLExpansionTests {
    /// Nine levels of nine aliases: a billion values from a few hundred bytes.
    static let laughs: String = {
        var lines = ["title: x", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func aliasesThatExpandPastTheBoundAreALocatedError() {
        var log = DiagnosticLog()
        let clock = ContinuousClock()
        let start = clock.now
        let front = FrontMatter.parse(yaml: Self.laughs, firstLine: 2, file: source("---\n" + Self.laughs + "\n---\n"), log: &log)
        #expect(clock.now - start < .seconds(5))
        #expect(!front.isValid)
        #expect(log.sorted.map(\.code) == ["yaml-too-large"])
        #expect(log.sorted.first?.location.line == 3)
    }

    @Test func aFewAliasesAreFine() {
        var log = DiagnosticLog()
        let yaml = "title: x\nbase: &b {a: 1}\none: *b\ntwo: *b"
        let front = FrontMatter.parse(yaml: yaml, firstLine: 2, file: source("---\n" + yaml + "\n---\n"), log: &log)
        #expect(front.isValid)
        #expect(log.sorted.isEmpty)
    }
}

import Foundation
import Testing
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Safe output paths")
struct OutputPathTests {
    @Test func acceptsPlainRelativePaths() {
        #expect(OutputPath("index.html")?.value == "index.html")
        #expect(OutputPath("papers/2018/item-5.html")?.rootPrefix == "../../")
        #expect(OutputPath("index.html")?.rootPrefix == "")
    }

    @Test(arguments: ["", "/etc/passwd", "../x.html", "a/../../x", "a/./b", "a//b", "a\\b", "a/b/", "x\u{0}y", ".."])
    func rejectsPathsThatCouldLeaveTheFolder(_ path: String) {
        #expect(OutputPath(path) == nil)
    }

    @Test func slugsKeepOnlyLettersDigitsAndHyphens() {
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("Recruitment & Retention") == "recruitment-retention")
        #expect(Slug.make("  Café 2018 ") == "cafe-2018")
        #expect(Slug.make("...") == "")
    }
}

@Suite("Atomic output folder")
struct OutputFolderTests {
    func file(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: OutputPath(path)!, contents: .text(text))
    }

    @Test func replacesTheFolderWithExactlyTheNewFiles() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        try OutputFolder(output).replace(with: [file("old.html", "old"), file("a/b.html", "b")])
        try OutputFolder(output).replace(with: [file("index.html", "new")])
        #expect(readTree(output).filter { $0.key != ".quorum-output" } == ["index.html": Data("new".utf8)])
        #expect(readTree(output)[".quorum-output"] == Data(OutputMarker.text(hiddenEntries: []).utf8))
        // The lock file stays: removing it could let two builds lock different files.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(leftovers.sorted() == [".public.quorum-lock", "public"])
    }

    @Test func keepsHiddenEntriesOfThePreviousOutput() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        writeTree([".gitkeep": "", ".git/HEAD": "ref", ".quorum-output": "", "stale.html": "x"], in: output)
        try OutputFolder(output).replace(with: [file("index.html", "new")])
        #expect(readTree(output) == [".gitkeep": Data(), ".git/HEAD": Data("ref".utf8), "index.html": Data("new".utf8),
                                     ".quorum-output": Data(OutputMarker.text(hiddenEntries: []).utf8)])
    }

    @Test func refusesAFolderItDidNotWriteUnlessForced() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        writeTree(["notes.md": "mine"], in: output)
        #expect(throws: OutputFolder.WriteError.self) { try OutputFolder(output).replace(with: [file("index.html", "new")]) }
        #expect(readTree(output) == ["notes.md": Data("mine".utf8)])
        try OutputFolder(output, force: true).replace(with: [file("index.html", "new")])
        #expect(readTree(output)["notes.md"] == nil)
    }

    @Test func hiddenFilesABuildWroteAreNotCarriedOverAsTheUsers() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        // A build that wrote a hidden `.html` (an empty slug), then builds that write it
        // again and that do not: neither fails, and the stale one goes.
        try OutputFolder(output).replace(with: [file(".html", "empty slug"), file("index.html", "1")])
        #expect(try String(contentsOf: output.appendingPathComponent(".quorum-output"), encoding: .utf8).hasSuffix("wrote: .html\n"))
        try OutputFolder(output).replace(with: [file(".html", "again"), file("index.html", "2")])
        #expect(readTree(output)[".html"] == Data("again".utf8))
        try OutputFolder(output).replace(with: [file("index.html", "3")])
        #expect(readTree(output)[".html"] == nil)
        // A hidden entry of the user's that the new build also writes: the build's wins.
        writeTree([".well-known/security.txt": "user"], in: output)
        try OutputFolder(output).replace(with: [file(".well-known/security.txt", "site"), file("index.html", "4")])
        #expect(readTree(output)[".well-known/security.txt"] == Data("site".utf8))
    }

    @Test func aFailedWriteLeavesThePreviousOutputUntouched() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        try OutputFolder(output).replace(with: [file("index.html", "good")])
        let before = readTree(output)
        let missing = OutputFile(path: OutputPath("img.png")!, contents: .copy(root.appendingPathComponent("nope.png")))
        #expect(throws: OutputFolder.WriteError.self) {
            try OutputFolder(output).replace(with: [file("index.html", "half"), missing])
        }
        #expect(readTree(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".public.quorum-lock", "public"])
    }

    @Test func twoFilesForOnePathIsAnError() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        #expect(throws: OutputFolder.WriteError.self) {
            try OutputFolder(output).replace(with: [file("a.html", "1"), file("a.html", "2")])
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func recoversFromABuildInterruptedMidSwap() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let folder = OutputFolder(output)
        // As if a build died after moving the old output aside and before moving the new one in.
        writeTree(["index.html": "previous", ".quorum-output": ""], in: folder.previousURL)
        writeTree(["index.html": "half"], in: folder.stagingURL)
        try folder.replace(with: [file("index.html", "new")])
        #expect(readTree(output)["index.html"] == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".public.quorum-lock", "public"])
    }
}

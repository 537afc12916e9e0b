import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport

/// Content files are read with open/read (`FileBytes`) and decoded on every core.
@Suite("Reading content files")
struct ContentFileReadingTests {
    @Test func readsTextBinaryEmptyAndInvalidFiles() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["pages/a.md": "---\ntitle: A\n---\nÅ\r\n", "pages/empty.md": "", "media/logo.png": "PNG"], in: root)
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0x0A]).write(to: root.appendingPathComponent("pages/latin1.md"))
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        #expect(content.files.map(\.relativePath) == ["pages/a.md", "pages/empty.md"])
        #expect(content.file("pages/a.md")?.text == "---\ntitle: A\n---\nÅ\n")  // line ends as line feeds
        #expect(content.file("pages/empty.md")?.text == "")
        #expect(content.binaryFiles == ["media/logo.png"])
        #expect(log.entries.map(\.code) == ["not-utf8"])
        #expect(log.entries.map(\.location.path) == ["Content/pages/latin1.md"])
    }

    @Test func aFileBiggerThanOneReadIsReadWhole() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let url = root.appendingPathComponent("big.bin")
        try Data(bytes).write(to: url)
        #expect(FileBytes.read(url.path) == bytes)
        #expect(FileBytes.read(root.appendingPathComponent("missing").path) == nil)
    }
}

@Suite("File extensions")
struct FileExtensionTests {
    /// The content folder's own reading of a file's extension gives what Foundation's does.
    @Test(arguments: [".md", "a/.md", "a.", "x.tar.GZ", "pages/a.b/c", "pages/c.MD", "noext", "a/b.c.d", "pages/é.Md", "a/b.", ""])
    func extensionIsFoundations(path: String) {
        #expect(ContentFolder.fileExtension(path) == (path as NSString).pathExtension.lowercased())
    }
}

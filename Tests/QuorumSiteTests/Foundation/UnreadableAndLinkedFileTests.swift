import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport

/// Nothing in the content or templates folder vanishes silently: a file or folder that
/// cannot be read is an error at its path, and a symbolic link is read or refused, said so.
///
/// The tests run as root, where `chmod 000` does not stop reading, so permission failures
/// come through `FileAccess` (the same error the system gives: EACCES); one test also
/// takes the permissions away for real, and runs only when not root.
@Suite("Unreadable files and symbolic links")
struct UnreadableAndLinkedFileTests {
    /// The disk, except that `failing` paths (ending so) give "Permission denied".
    static func access(failing: [String]) -> FileAccess {
        var access = FileAccess.disk
        let fails: @Sendable (String) -> Bool = { path in failing.contains { path.hasSuffix("/" + $0) } }
        let disk = FileAccess.disk
        access.entries = { fails($0) ? .failure(FileAccessError(EACCES)) : disk.entries($0) }
        access.contents = { fails($0) ? .failure(FileAccessError(EACCES)) : disk.contents($0) }
        access.checkReadable = { fails($0) ? FileAccessError(EACCES) : disk.checkReadable($0) }
        return access
    }

    static func link(_ path: String, to target: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    static let page = "---\ntitle: T\n---\nBody\n"

    @Test func anUnreadableFolderFileOrMediaFileIsAnErrorAtItsPath() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["testimonials/ann.md": Self.page, "pages/a.md": Self.page, "pages/b.md": Self.page,
                   "media/photo.jpg": "JPEG", "media/logo.png": "PNG"], in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content",
                                         access: Self.access(failing: ["testimonials", "pages/b.md", "media/photo.jpg"]),
                                         log: &log)
        #expect(content.files.map(\.relativePath) == ["pages/a.md"])
        #expect(content.binaryFiles == ["media/logo.png"])
        #expect(log.sorted.map(\.formatted) == [
            "Content/media/photo.jpg:1:1: error: cannot read this file: Permission denied [unreadable-file]",
            "Content/pages/b.md:1:1: error: cannot read this file: Permission denied [unreadable-file]",
            "Content/testimonials:1:1: error: cannot read this folder: Permission denied [unreadable-folder]",
        ])
    }

    /// A settings file that cannot be read (or a content folder that cannot be listed) is
    /// that one error, not also "the content folder has no site.yaml".
    @Test(arguments: [false, true])
    func anUnreadableSettingsFileIsNotAlsoReportedMissing(wholeFolder: Bool) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["site.yaml": "title: T\ncouncil: C\n", "pages/a.md": Self.page], in: root)
        let access = Self.access(failing: [wholeFolder ? root.lastPathComponent : "site.yaml"])
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", access: access, log: &log)
        _ = SiteConfig.load(from: content, log: &log)
        #expect(log.entries.map(\.formatted) == [wholeFolder
            ? "Content:1:1: error: cannot read this folder: Permission denied [unreadable-folder]"
            : "Content/site.yaml:1:1: error: cannot read this file: Permission denied [unreadable-file]"])
        #expect(content.wasUnread("site.yaml"))
        #expect(content.wasUnread("pages/a.md") == wholeFolder)
    }

    @Test(.enabled(if: geteuid() != 0, "as root, chmod 000 does not stop reading; the test above covers this through FileAccess"))
    func realPermissionsAreReportedWhenNotRoot() throws {
        let root = TestPaths.temporaryFolder()
        defer {
            chmod(root.appendingPathComponent("testimonials").path, 0o755)
            TestPaths.remove(root)
        }
        writeTree(["testimonials/ann.md": Self.page, "media/photo.jpg": "JPEG"], in: root)
        chmod(root.appendingPathComponent("testimonials").path, 0)
        chmod(root.appendingPathComponent("media/photo.jpg").path, 0)
        var log = DiagnosticLog()
        _ = ContentFolder.read(root, displayRoot: "Content", log: &log)
        #expect(log.sorted.map(\.code) == ["unreadable-file", "unreadable-folder"])
    }

    @Test func aLinkToAFileInsideIsReadUnderItsOwnNameAndCopiedAsAFile() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"), to: content)
        try Self.link("media/pixel-link.gif", to: "pixel.gif", in: content)
        try Self.link("pages/welcome.md", to: "index.md", in: content)
        let report = SiteBuild.build(options(content: content, output: output))
        #expect(report.wrote, "\(report.diagnostics.map(\.formatted))")
        // Two pages titled "Welcome": the link is read as a page of its own, like a copy.
        #expect(report.pageCount == 3)
        let copied = output.appendingPathComponent("media/pixel-link.gif")
        #expect(FolderEntry.kind(of: copied.path, followingLinks: false) == .file)
        #expect(try Data(contentsOf: copied) == Data(contentsOf: content.appendingPathComponent("media/pixel.gif")))
    }

    @Test func aLinkPointingOutsideIsRefusedWithAWarningNamingItsTarget() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        writeTree(["secret.txt": "not for publishing", "Content/pages/a.md": Self.page], in: root)
        try Self.link("pages/secret.md", to: "../../secret.txt", in: content)
        try Self.link("media/etc", to: "/etc", in: content)
        var log = DiagnosticLog()
        let folder = ContentFolder.read(content, displayRoot: "Content", log: &log)
        #expect(folder.files.map(\.relativePath) == ["pages/a.md"])
        #expect(folder.binaryFiles.isEmpty)
        #expect(log.sorted.map(\.code) == ["symlink-outside", "symlink-outside"])
        #expect(log.sorted.allSatisfy { $0.severity == .warning })
        let secret = try #require(log.sorted.last)
        #expect(secret.location.path == "Content/pages/secret.md")
        #expect(secret.message.contains("'../../secret.txt' (\(FileTree.realPath(root.path)!)/secret.txt)"))
        #expect(secret.message.contains("outside Content"))
        #expect(log.sorted.first?.message.contains("'/etc'") == true)
    }

    @Test func loopsAndDanglingLinksAreReportedAndNeverFollowed() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["pages/a.md": Self.page, "media/docs/report.pdf": "PDF"], in: root)
        try Self.link("pages/ring-a.md", to: "ring-b.md", in: root)
        try Self.link("pages/ring-b.md", to: "ring-a.md", in: root)
        try Self.link("pages/up", to: "..", in: root)
        try Self.link("pages/gone.md", to: "deleted.md", in: root)
        try Self.link("media/latest", to: "docs", in: root)
        var log = DiagnosticLog()
        let folder = ContentFolder.read(root, displayRoot: "Content", log: &log)
        #expect(folder.files.map(\.relativePath) == ["pages/a.md"])
        #expect(folder.binaryFiles == ["media/docs/report.pdf"])
        #expect(log.sorted.map { "\($0.location.path) \($0.severity) \($0.code)" } == [
            "Content/media/latest warning symlink-folder",
            "Content/pages/gone.md error symlink-dangling",
            "Content/pages/ring-a.md error symlink-loop",
            "Content/pages/ring-b.md error symlink-loop",
            "Content/pages/up warning symlink-loop",
        ])
        #expect(log.sorted[1].message == "this symbolic link points to 'deleted.md', which does not exist")
    }

    @Test func aFIFOIsReportedAndNeverOpened() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["pages/a.md": Self.page], in: root)
        #expect(mkfifo(root.appendingPathComponent("pages/pipe.md").path, 0o644) == 0)
        var log = DiagnosticLog()
        let folder = ContentFolder.read(root, displayRoot: "Content", log: &log)
        #expect(folder.files.map(\.relativePath) == ["pages/a.md"])
        #expect(log.sorted.map(\.formatted) == [
            "Content/pages/pipe.md:1:1: warning: this is not a regular file or folder (a FIFO, socket or device); it was not read [not-a-file]",
        ])
    }

    @Test func aContentFolderThatIsItselfALinkIsRead() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["real/pages/a.md": Self.page, "real/pages/b.md": Self.page], in: root)
        try Self.link("pages/b-link.md", to: "b.md", in: root.appendingPathComponent("real"))
        try Self.link("Content", to: "real", in: root)
        var log = DiagnosticLog()
        let folder = ContentFolder.read(root.appendingPathComponent("Content"), displayRoot: "Content", log: &log)
        #expect(log.entries.isEmpty)
        #expect(folder.files.map(\.relativePath) == ["pages/a.md", "pages/b-link.md", "pages/b.md"])
    }

    /// `check` finds a media file that cannot be read, at its source, before any writing.
    @Test func checkReportsAnUnreadableMediaFileAtItsSource() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"), to: content)
        try Self.link("media/photo.jpg", to: "photo-deleted.jpg", in: content)
        let report = SiteBuild.check(options(content: content, output: root.appendingPathComponent("public")))
        #expect(report.failed)
        #expect(report.diagnostics.map { "\($0.location)".replacingOccurrences(of: root.path + "/", with: "") }
            == ["Content/media/photo.jpg:1:1"])
    }

    @Test func anUnreadableTemplateIsReportedOnceAtItsPath() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["page.mustache": "<p>{{content}}</p>", "base.mustache": "<b></b>", "assets/site.css": "body {}"], in: root)
        var log = DiagnosticLog()
        let library = TemplateLibrary.load(root, displayRoot: "Templates",
                                           access: Self.access(failing: ["page.mustache", "assets/site.css"]), log: &log)
        #expect(log.sorted.map(\.formatted) == [
            "Templates/assets/site.css:1:1: error: cannot read this file: Permission denied [unreadable-file]",
            "Templates/page.mustache:1:1: error: cannot read this template: Permission denied [template-unreadable]",
        ])
        #expect(library.names == ["base"] && library.broken == ["page"] && library.assets.isEmpty)
        // A page that needs it adds nothing; a template that is not there at all is still reported.
        var pages = DiagnosticLog()
        library.reportMissing(["page"], at: SourceLocation(path: "Content/pages/a.md"), log: &pages)
        #expect(pages.entries.isEmpty)
        library.reportMissing(["page", "vacancy"], at: SourceLocation(path: "Content/pages/a.md"), log: &pages)
        #expect(pages.entries.map(\.message) == ["no template 'vacancy.mustache' in the templates folder"])
    }

    /// A template that cannot be used is one error for the whole build, however many pages use it.
    @Test(arguments: ["dangling link", "syntax error"])
    func aBrokenTemplateIsOneErrorForTheWholeBuild(_ defect: String) throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"), to: content)
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        writeTree((1...5).reduce(into: [:]) { $0["pages/p\($1).md"] = "---\ntitle: P\($1)\n---\n" }, in: content)
        let page = templates.appendingPathComponent("page.mustache")
        try FileManager.default.removeItem(at: page)
        if defect == "dangling link" {
            try FileManager.default.createSymbolicLink(atPath: page.path, withDestinationPath: "page-old.mustache")
        } else {
            writeTree(["page.mustache": "{{#open}}never closed"], in: templates)
        }
        var buildOptions = options(content: content, output: root.appendingPathComponent("public"))
        buildOptions.templates = templates
        let report = SiteBuild.check(buildOptions)
        #expect(report.diagnostics.map(\.location.path).map { $0.replacingOccurrences(of: root.path + "/", with: "") }
            == ["Templates/page.mustache"], "\(report.diagnostics.map(\.formatted))")
    }
}

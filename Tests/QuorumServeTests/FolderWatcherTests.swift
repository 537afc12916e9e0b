import Foundation
import Testing
@testable import QuorumServe
import QuorumSiteTestSupport
import QuorumTestSupport

/// `quorum serve`'s file watching: inotify on Linux (no polling), one batch per save,
/// editors' temporary files ignored, and polling only when asked to (or where inotify is
/// missing). Every wait has a deadline.
@Suite("Watching the content folders", .timeLimit(.minutes(5)))
struct FolderWatcherTests {
    /// The next batch, or nil when none came within `seconds`.
    func nextBatch(_ watcher: FolderWatcher, seconds: Double = 10) async -> FolderChanges? {
        await withTaskGroup(of: FolderChanges?.self) { group in
            group.addTask {
                var iterator = watcher.changes.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    func makeFolder() -> URL {
        let root = TestPaths.temporaryFolder()
        writeTree(["pages/index.md": "# Home\n", "media/pixel.gif": "GIF"], in: root)
        return root
    }

    #if os(Linux)
    @Test func inotifySeesAWriteWithinTheDebounceAndWithoutPolling() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        // A polling interval of a minute: only inotify can notice the change within the
        // ten seconds `nextBatch` waits (it takes milliseconds on an idle machine).
        let watcher = FolderWatcher(folders: [root], quietPeriod: .milliseconds(50), pollInterval: .seconds(60))
        defer { watcher.stop() }
        #expect(watcher.mechanism == .inotify)
        writeTree(["pages/index.md": "# Home, edited\n"], in: root)
        let batch = await nextBatch(watcher)
        #expect(batch?.modified == [root.standardizedFileURL.path + "/pages/index.md"])
        #expect(batch?.added.isEmpty == true)
    }

    @Test func anEditorsSaveInSeveralWritesIsOneChange() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        let watcher = FolderWatcher(folders: [root], quietPeriod: .milliseconds(80), pollInterval: .seconds(60))
        defer { watcher.stop() }
        let page = root.appendingPathComponent("pages/index.md")
        // As vim and many editors save: a probe file, a backup, the new text under a
        // temporary name renamed over the page, and a hidden swap file.
        writeTree(["pages/4913": "", "pages/index.md~": "# Home\n", "pages/.index.md.swp": "swap"], in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("pages/4913"))
        writeTree(["pages/index.md.tmp": "# Home, saved\n"], in: root)
        _ = rename(root.appendingPathComponent("pages/index.md.tmp").path, page.path)
        try FileManager.default.removeItem(at: root.appendingPathComponent("pages/index.md~"))
        let batch = await nextBatch(watcher)
        #expect(batch?.all == [page.standardizedFileURL.path])
        #expect(batch?.onlyCopiedFilesChanged == false)
        #expect(await nextBatch(watcher, seconds: 0.4) == nil, "one save, one batch")
    }

    /// The first batch and when it came, awaited from now on (one iterator for the whole wait:
    /// a cancelled wait would end the stream).
    func firstBatch(_ watcher: FolderWatcher) -> Task<(FolderChanges, ContinuousClock.Instant)?, Never> {
        Task {
            var iterator = watcher.changes.makeAsyncIterator()
            guard let batch = await iterator.next() else { return nil }
            return (batch, ContinuousClock.now)
        }
    }

    /// A save made in place is whole once the file is closed: the batch goes out then, without
    /// the quiet period (half a minute here), and not before the close.
    @Test func aSaveInPlaceIsTakenWhenTheFileIsClosed() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        let watcher = FolderWatcher(folders: [root], quietPeriod: .seconds(30), longestWait: .seconds(60),
                                    pollInterval: .seconds(60))
        defer { watcher.stop() }
        let arrival = firstBatch(watcher)
        let page = root.appendingPathComponent("pages/index.md")
        let handle = try FileHandle(forWritingTo: page)
        handle.truncateFile(atOffset: 0)
        handle.write(Data("# Home,".utf8))
        try await Task.sleep(for: .milliseconds(300))  // written, still open: not finished
        handle.write(Data(" saved\n".utf8))
        let closed = ContinuousClock.now
        try handle.close()
        let timeout = Task { try await Task.sleep(for: .seconds(10)); watcher.stop() }
        let (batch, came) = try #require(await arrival.value)
        timeout.cancel()
        #expect(batch.all == [page.standardizedFileURL.path])
        #expect(came >= closed, "the batch came before the file was closed")
    }

    /// A new file is not a save in place: its batch waits for the quiet period, as a save by
    /// rename does, so that the rest of the save joins it.
    @Test func aNewFileWaitsForTheQuietPeriod() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        let watcher = FolderWatcher(folders: [root], quietPeriod: .seconds(1), longestWait: .seconds(60),
                                    pollInterval: .seconds(60))
        defer { watcher.stop() }
        let arrival = firstBatch(watcher)
        let written = ContinuousClock.now
        writeTree(["pages/new.md": "# New\n"], in: root)
        let timeout = Task { try await Task.sleep(for: .seconds(10)); watcher.stop() }
        let (batch, came) = try #require(await arrival.value)
        timeout.cancel()
        #expect(batch.added == [root.standardizedFileURL.path + "/pages/new.md"])
        #expect(came - written >= .seconds(1), "a new file's batch did not wait for the quiet period")
    }

    @Test func aNewFolderIsWatchedWithTheFilesAlreadyInIt() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        let watcher = FolderWatcher(folders: [root], quietPeriod: .milliseconds(50), pollInterval: .seconds(60))
        defer { watcher.stop() }
        writeTree(["pages/news/2026/first.md": "# First\n"], in: root)
        let batch = await nextBatch(watcher)
        #expect(batch?.added.contains(root.standardizedFileURL.path + "/pages/news/2026/first.md") == true)
        // The new folder's own watch sees the next change in it.
        writeTree(["pages/news/2026/second.md": "# Second\n"], in: root)
        let next = await nextBatch(watcher)
        #expect(next?.added == [root.standardizedFileURL.path + "/pages/news/2026/second.md"])
    }

    @Test func aChangedImageIsACopiedFileChange() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        let watcher = FolderWatcher(folders: [root], quietPeriod: .milliseconds(50), pollInterval: .seconds(60))
        defer { watcher.stop() }
        writeTree(["media/pixel.gif": "GIF89a"], in: root)
        #expect(await nextBatch(watcher)?.onlyCopiedFilesChanged == true)
        try FileManager.default.removeItem(at: root.appendingPathComponent("media/pixel.gif"))
        let removed = await nextBatch(watcher)
        #expect(removed?.removed == [root.standardizedFileURL.path + "/media/pixel.gif"])
        #expect(removed?.onlyCopiedFilesChanged == false)
    }

    @Test func theServerWatchesWithInotify() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"),
                                         to: root.appendingPathComponent("Content"))
        let server = PreviewServer(options: options(content: root.appendingPathComponent("Content"),
                                                    output: root.appendingPathComponent("public")),
                                   port: 0, pollInterval: .seconds(60))
        try await server.start()
        #expect(await server.watchMechanism == .inotify)
        #expect(await server.pollingReason == nil)
        let events = try EventStreamClient(port: await server.port)
        defer { events.close() }
        #expect(try await events.waitFor("event: hello\ndata: 1\n", seconds: 10))
        writeTree(["pages/index.md": "---\ntitle: Welcome\nmenu: 1\n---\nSeen at once.\n"], in: root.appendingPathComponent("Content"))
        #expect(try await events.waitFor("event: reload\ndata: 2\n", seconds: 10))
        await server.stop()
    }
    #endif

    @Test func pollingIsTheFallbackAndSaysWhy() async throws {
        let root = makeFolder()
        defer { TestPaths.remove(root) }
        let watcher = FolderWatcher(folders: [root], quietPeriod: .milliseconds(30), pollInterval: .milliseconds(50), useInotify: false)
        defer { watcher.stop() }
        guard case .polling(let reason) = watcher.mechanism else {
            Issue.record("expected polling, got \(watcher.mechanism)")
            return
        }
        #expect(!reason.isEmpty)
        writeTree(["pages/new.md": "# New\n"], in: root)
        #expect(await nextBatch(watcher)?.added == [root.standardizedFileURL.path + "/pages/new.md"])
    }

    @Test func changesWithinABatchCancelOut() {
        var changes = FolderChanges()
        changes.recordCreated("/site/a.md~")
        changes.recordDeleted("/site/a.md~")
        changes.recordDeleted("/site/b.md")
        changes.recordCreated("/site/b.md")
        changes.recordCreated("/site/c.md")
        changes.recordModified("/site/c.md")
        #expect(changes.added == ["/site/c.md"])
        #expect(changes.modified == ["/site/b.md"])
        #expect(changes.removed.isEmpty)
    }
}

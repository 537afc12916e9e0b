import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files below some folders changed, one batch per save: with inotify on
/// Linux (the kernel reports each change as it happens, nothing is polled), by comparing
/// snapshots every `pollInterval` elsewhere or when inotify cannot be had.
///
/// Editors save in several writes (a temporary file, a rename, a change of mode), so a
/// batch is sent once the folders have been still for `quietPeriod`, or at the latest
/// `longestWait` after its first change, so that a stream of writes still shows. A save made
/// in place (the file opened, written and closed, as most editors and scripts do) is whole
/// when the kernel says the file was closed: such a batch, of existing files only, waits just
/// `settlePeriod` for anything that follows.
final class FolderWatcher: @unchecked Sendable {
    enum Mechanism: Sendable, Equatable {
        case inotify
        /// With the reason inotify was not used.
        case polling(because: String)
    }

    let folders: [String]
    let mechanism: Mechanism
    let changes: AsyncStream<FolderChanges>
    private let continuation: AsyncStream<FolderChanges>.Continuation
    let quietPeriod: Duration
    let longestWait: Duration
    /// How long a batch of files written in place and closed waits for more (inotify only).
    let settlePeriod: Duration
    private let lock = NSLock()
    private var stopped = false

    init(folders: [URL], quietPeriod: Duration = .milliseconds(60), longestWait: Duration = .milliseconds(500),
         settlePeriod: Duration = .milliseconds(5), pollInterval: Duration = .milliseconds(250), useInotify: Bool = true) {
        self.folders = folders.map { $0.standardizedFileURL.path }
        self.quietPeriod = quietPeriod
        self.settlePeriod = settlePeriod
        self.longestWait = longestWait
        (changes, continuation) = AsyncStream.makeStream(of: FolderChanges.self)
        #if os(Linux)
        var reason = "it was turned off"
        if useInotify {
            switch InotifyWatch.make(self.folders) {
            case .success(let watch):
                mechanism = .inotify
                let thread = Thread { [self] in run(watch) }
                thread.name = "quorum-serve-watch"
                thread.start()
                return
            case .failure(let failure):
                reason = failure.reason
            }
        }
        #else
        let reason = "inotify exists only on Linux"
        #endif
        mechanism = .polling(because: reason)
        let snapshot = FolderSnapshot(folders)
        let thread = Thread { [self] in poll(from: snapshot, every: pollInterval) }
        thread.name = "quorum-serve-watch"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        continuation.finish()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func send(_ batch: FolderChanges) {
        if !batch.isEmpty { continuation.yield(batch) }
    }

    #if os(Linux)
    private func run(_ watch: InotifyWatch) {
        defer { watch.close() }
        var batch = FolderChanges()
        var first: ContinuousClock.Instant?
        var last = ContinuousClock.now
        // Files written in place and closed, nothing created, removed or renamed: the save is whole.
        func quiet() -> Duration {
            watch.lastEventClosedAWrite && batch.added.isEmpty && batch.removed.isEmpty ? settlePeriod : quietPeriod
        }
        while !isStopped {
            // Wait for the kernel's next event; while a batch is open, only until it is due.
            var wait = Duration.milliseconds(200)
            if let first { wait = min(last + quiet(), first + longestWait) - .now }
            if watch.waitForEvents(upTo: wait) {
                watch.readEvents(into: &batch)
                last = .now
                if first == nil { first = last }
            }
            if let opened = first, ContinuousClock.now >= min(last + quiet(), opened + longestWait) {
                send(batch)
                batch = FolderChanges()
                first = nil
            }
        }
    }
    #endif

    private func poll(from start: FolderSnapshot, every interval: Duration) {
        var last = start
        while !isStopped {
            Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
            var current = FolderSnapshot(folders.map { URL(fileURLWithPath: $0) })
            guard current != last else { continue }
            // Wait until the folders are still.
            let opened = ContinuousClock.now
            while ContinuousClock.now < opened + longestWait {
                Thread.sleep(forTimeInterval: Double(quietPeriod.components.attoseconds) / 1e18 + Double(quietPeriod.components.seconds))
                let again = FolderSnapshot(folders.map { URL(fileURLWithPath: $0) })
                if again == current { break }
                current = again
            }
            send(current.changes(since: last))
            last = current
        }
    }
}

#if os(Linux)
/// One inotify instance watching every folder below some roots (inotify watches one folder
/// at a time, so each folder gets a watch, and each new folder gets one as it appears).
/// Used by the watching thread alone.
final class InotifyWatch: @unchecked Sendable {
    struct Failure: Error {
        let reason: String
    }

    private let descriptor: Int32
    /// The folder of each watch, by watch descriptor.
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | 0x0200_0000  // IN_DONTFOLLOW (not imported into Swift)

    private let roots: Set<String>

    private init(descriptor: Int32, roots: Set<String>) {
        self.descriptor = descriptor
        self.roots = roots
    }

    static func make(_ roots: [String]) -> Result<InotifyWatch, Failure> {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            return .failure(Failure(reason: "inotify_init1 failed: \(String(cString: strerror(errno)))"))
        }
        let watch = InotifyWatch(descriptor: descriptor, roots: Set(roots))
        var existing = FolderChanges()
        for root in roots where FileManager.default.fileExists(atPath: root) {
            if let failure = watch.addTree(root, recordingFilesIn: &existing) {
                watch.close()
                return .failure(failure)
            }
        }
        return .success(watch)
    }

    /// Watches `folder` and every folder below it (hidden ones and links skipped, as the
    /// build skips them). Files found in a folder that is new are `added` to the batch:
    /// they may have been written before its watch existed.
    @discardableResult
    private func addTree(_ folder: String, recordingFilesIn batch: inout FolderChanges) -> Failure? {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else {
            let reason = errno == ENOSPC
                ? "the system's limit of inotify watches is reached (fs.inotify.max_user_watches)"
                : "cannot watch \(folder): \(String(cString: strerror(errno)))"
            return Failure(reason: reason)
        }
        folders[watch] = folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                if let failure = addTree(path, recordingFilesIn: &batch) { return failure }
            } else {
                batch.recordCreated(path)
            }
        }
        return nil
    }

    /// True when events are waiting, after waiting at most `duration`.
    func waitForEvents(upTo duration: Duration) -> Bool {
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(duration / .milliseconds(1), 1_000)).rounded(.up))
        return poll(&ready, 1, milliseconds) > 0
    }

    /// Reads the waiting events and records what they say about files.
    func readEvents(into batch: inout FolderChanges) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self),
                     raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                record(watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self), into: &batch)
            }
        }
    }

    /// True when the latest event about a visible file was that a file opened for writing was
    /// closed (`IN_CLOSE_WRITE`): an in-place save is then complete.
    private(set) var lastEventClosedAWrite = false

    private func record(watch: Int32, mask: UInt32, name: String, into batch: inout FolderChanges) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: say that everything may have changed.
            for folder in Set(folders.values) { batch.recordDeleted(folder) }
            return
        }
        guard let folder = folders[watch] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return
        }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            // A folder inside is reported by its parent's event too; a watched root is not.
            if roots.contains(folder) { batch.recordDeleted(folder) }
            return
        }
        guard !name.isEmpty, !name.hasPrefix(".") else { return }
        let path = folder + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        lastEventClosedAWrite = !isFolder && mask & UInt32(IN_CLOSE_WRITE) != 0
        if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
            batch.recordCreated(path)
            if isFolder { addTree(path, recordingFilesIn: &batch) }
        } else if mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0 {
            batch.recordDeleted(path)
        } else if !isFolder {
            batch.recordModified(path)
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}
#endif

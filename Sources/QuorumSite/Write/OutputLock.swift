import Foundation

/// An advisory lock (`flock`) on a file beside the output folder (`.public.quorum-lock`),
/// held while a build writes, so that two builds into one folder never interleave their
/// files. A second build waits for the first, saying so, up to `timeout` seconds.
///
/// The lock file is left in place: removing it would let a third build lock a new file
/// while the second still holds the old one.
final class OutputLock {
    private let descriptor: Int32

    /// Seconds a build waits for another build's lock; `QUORUM_LOCK_TIMEOUT` overrides it.
    static var timeout: Double {
        ProcessInfo.processInfo.environment["QUORUM_LOCK_TIMEOUT"].flatMap(Double.init).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? 600
    }

    /// Takes the lock for `folder` (its real path), calling `waiting` once if another
    /// build holds it.
    init(for folder: URL, display: String, waiting: (String) -> Void) throws {
        let parent = folder.deletingLastPathComponent()
        let file = parent.appendingPathComponent(".\(folder.lastPathComponent).quorum-lock")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputFolder.WriteError.io(display, underlying: "cannot create its parent folder: \(Self.blocker(of: parent) ?? WriteFailure.reason(error))")
        }
        descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputFolder.WriteError.io(display, underlying: "cannot open the lock file \(file.lastPathComponent): \(WriteFailure.reason(errno))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting("another build is writing \(display); waiting for it to finish (lock \(BuildOptions.display(file)))")
        let deadline = Date().addingTimeInterval(Self.timeout)
        while Date() < deadline {
            usleep(100_000)
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        }
        close(descriptor)
        throw OutputFolder.WriteError.io(display, underlying: "another build held the lock \(BuildOptions.display(file)) for \(Int(Self.timeout)) seconds; "
            + "nothing was changed: try again when it has finished")
    }

    /// "f is a file, not a folder" when a file stands where a folder on the way must be.
    private static func blocker(of folder: URL) -> String? {
        var path = folder.standardizedFileURL.path
        var isFolder: ObjCBool = false
        while path != "/", !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            path = (path as NSString).deletingLastPathComponent
        }
        return isFolder.boolValue ? nil : "\(BuildOptions.display(URL(fileURLWithPath: path))) is a file, not a folder"
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

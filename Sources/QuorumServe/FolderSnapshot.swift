import Foundation

/// The size and modification time of every file below some folders: taken again and
/// again, two snapshots tell which files a change touched. Only used where inotify is not
/// available (`FolderWatcher` falls back to it): polling works the same on every system.
struct FolderSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        let size: Int
        let modified: Date
    }

    /// Stamps by absolute path. Hidden files and folders (editors' swap files) are skipped.
    let stamps: [String: Stamp]

    init(_ folders: [URL]) {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]
            ) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[url.standardizedFileURL.path] = Stamp(
                    size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast
                )
            }
        }
        self.stamps = stamps
    }

    /// What changed since `earlier`.
    func changes(since earlier: FolderSnapshot) -> FolderChanges {
        var changes = FolderChanges()
        for (path, stamp) in stamps {
            if let before = earlier.stamps[path] {
                if before != stamp { changes.modified.insert(path) }
            } else {
                changes.added.insert(path)
            }
        }
        changes.removed = Set(earlier.stamps.keys).subtracting(stamps.keys)
        return changes
    }

}

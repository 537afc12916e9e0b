import Foundation

/// The size and modification time of every file below some folders: taken again and
/// again, two snapshots tell which files a change touched. Polling works the same on
/// every system and costs little for a content folder of a few hundred files.
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
    func changes(since earlier: FolderSnapshot) -> Changes {
        var changes = Changes()
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

    struct Changes: Sendable {
        var added: Set<String> = []
        var removed: Set<String> = []
        var modified: Set<String> = []

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && modified.isEmpty }
        var all: [String] { (added.union(removed).union(modified)).sorted() }

        /// True when only files that are copied as they are changed (an image, a
        /// stylesheet), and none was added or removed: the pages stay the same, because
        /// the server reads copied files when they are asked for, so a reload is enough.
        var onlyCopiedFilesChanged: Bool {
            added.isEmpty && removed.isEmpty && !modified.isEmpty && modified.allSatisfy { path in
                let ext = (path as NSString).pathExtension.lowercased()
                return !FolderSnapshot.renderedExtensions.contains(ext)
            }
        }
    }

    /// Files the build reads and renders (content text and templates), rather than copies.
    static let renderedExtensions: Set<String> = ["md", "markdown", "yaml", "yml", "csv", "txt", "mustache"]
}

/// The files a change touched below the watched folders, by absolute path.
struct FolderChanges: Sendable, Equatable {
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
            let name = path.split(separator: "/").last ?? ""
            let ext = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
            return !Self.renderedExtensions.contains(ext)
        }
    }

    /// Files the build reads and renders (content text and templates), rather than copies.
    static let renderedExtensions: Set<String> = ["md", "markdown", "yaml", "yml", "csv", "txt", "mustache"]

    // Recording a file system's events one by one: a file created and deleted within one
    // batch (an editor's temporary file) is no change at all.

    mutating func recordCreated(_ path: String) {
        if removed.remove(path) != nil { modified.insert(path) } else if !modified.contains(path) { added.insert(path) }
    }

    mutating func recordDeleted(_ path: String) {
        if added.remove(path) == nil {
            modified.remove(path)
            removed.insert(path)
        }
    }

    mutating func recordModified(_ path: String) {
        if !added.contains(path) { modified.insert(path) }
    }
}

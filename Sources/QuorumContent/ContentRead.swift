/// One thing read from a content folder: a file by its path, or a folder's listing (every
/// file below it, "" for the whole folder), so that a file added there counts as read too.
package enum ContentRead: Hashable, Sendable {
    case file(String)
    case folder(String)

    /// True when a change to the file at `path` (added, removed or changed) changes what was read.
    package func covers(_ path: String) -> Bool {
        switch self {
        case .file(let file): file == path
        case .folder(let folder): folder.isEmpty || path.hasPrefix(folder + "/")
        }
    }
}

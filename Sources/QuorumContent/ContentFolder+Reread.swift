import Foundation
import QuorumSupport

extension ContentFolder {
    /// One text file read again exactly as `read` reads it, for `quorum serve` when only that
    /// file changed. Nil when `read` might treat it differently from a plain file beside the
    /// others (hidden, not a text file, a symbolic link or inside one, no longer a file,
    /// unreadable, not UTF-8): then the whole folder is to be read again, which reports it.
    /// `log` gets what reading the file says (a stray byte order mark).
    package func reread(_ relativePath: String, log: inout DiagnosticLog) -> SourceFile? {
        let names = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && $0 != ".." }),
              ContentFolder.isText(relativePath), linkedFiles[relativePath] == nil, !wasUnread(relativePath)
        else { return nil }
        var path = root.standardizedFileURL.path
        for folder in names.dropLast() {
            path += "/" + folder
            guard FolderEntry.kind(of: path, followingLinks: false) == .folder else { return nil }
        }
        path += "/" + names.last!
        // Decoded exactly as a full read decodes it; a file that cannot be read leaves the
        // error to the full rebuild.
        guard FolderEntry.kind(of: path, followingLinks: false) == .file else { return nil }
        let contents = Contents.read(path, access: .disk)
        guard case .text = contents else { return nil }
        return contents.sourceFile(path: displayPath(relativePath), relativePath: relativePath, log: &log)
    }
}

extension ContentFolder {
    /// Takes in the files at `changed` (paths inside the folder) added, changed or removed,
    /// each read as `read` reads it, in place (no copy of ten thousand files for one
    /// changed); `logs` gets what reading each one said. False when one of them is anything
    /// but a plain file (or no file at all): a folder, a link, hidden, unreadable, not UTF-8;
    /// then the whole folder is to be read again, which reports it, and this one is left
    /// half-changed.
    package mutating func update(_ changed: Set<String>, logs: inout [String: [Diagnostic]]) -> Bool {
        for path in changed.sorted() {
            let names = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && $0 != ".." }),
                  linkedFiles[path] == nil, !wasUnread(path)
            else { return false }
            var disk = root.standardizedFileURL.path
            var gone = false
            for name in names.dropLast() where !gone {
                disk += "/" + name
                if !Self.exists(disk) {
                    gone = true
                } else if FolderEntry.kind(of: disk, followingLinks: false) != .folder {
                    return false
                }
            }
            disk += "/" + names.last!
            if gone || !Self.exists(disk) {
                // A folder removed takes every file below it.
                let below = path + "/"
                textFiles.removeAll { $0.relativePath == path || $0.relativePath.hasPrefix(below) }
                otherFiles.removeAll { $0 == path || $0.hasPrefix(below) }
                logs = logs.filter { $0.key != path && !$0.key.hasPrefix(below) }
                continue
            }
            switch FolderEntry.kind(of: disk, followingLinks: false) {
            case .file where ContentFolder.isText(path):
                var log = DiagnosticLog()
                guard let file = reread(path, log: &log) else { return false }
                if let at = textFiles.firstIndex(where: { $0.relativePath == path }) {
                    textFiles[at] = file
                } else {
                    otherFiles.removeAll { $0 == path }
                    let at = textFiles.firstIndex { path < $0.relativePath } ?? textFiles.endIndex
                    textFiles.insert(file, at: at)
                }
                logs[path] = log.entries.isEmpty ? nil : log.entries
            case .file:
                guard FileAccess.disk.checkReadable(disk) == nil else { return false }
                textFiles.removeAll { $0.relativePath == path }
                if !otherFiles.contains(path) {
                    let at = otherFiles.firstIndex { path < $0 } ?? otherFiles.endIndex
                    otherFiles.insert(path, at: at)
                }
                logs[path] = nil
            default:
                return false
            }
        }
        return true
    }

    /// True when there is anything at `path` (a broken link too).
    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}

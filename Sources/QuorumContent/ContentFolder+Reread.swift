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

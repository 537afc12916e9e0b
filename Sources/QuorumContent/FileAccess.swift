import Foundation

/// How the content and templates folders are read from disk.
///
/// The disk is the only real one; tests replace a part to make a read fail as it does for
/// a file or folder without read permission (the tests run as root, where `chmod 000`
/// does not stop reading).
package struct FileAccess: Sendable {
    /// A folder's entries (hidden ones included), without following symbolic links.
    var entries: @Sendable (_ folder: String) -> Result<[FolderEntry], FileAccessError>
    /// A whole file's bytes.
    package var contents: @Sendable (_ file: String) -> Result<[UInt8], FileAccessError>
    /// Whether a file opens for reading: media are copied at the end of a build, not read
    /// while loading, and a file that cannot be copied must be found by `check` too.
    package var checkReadable: @Sendable (_ file: String) -> FileAccessError?

    package static let disk = FileAccess(
        entries: FolderEntry.list,
        contents: FileBytes.contents,
        checkReadable: { path in
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return FileAccessError(errno) }
            close(descriptor)
            return nil
        }
    )
}

/// Why a file or folder could not be read: the system's error number and its sentence.
package struct FileAccessError: Error, Sendable, Equatable {
    package let code: Int32

    package init(_ code: Int32) {
        self.code = code
    }

    /// "Permission denied", "No such file or directory".
    package var reason: String { String(cString: strerror(code)) }
}

/// One entry of a folder as `readdir` gives it.
struct FolderEntry: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case file, folder, symbolicLink
        /// A FIFO, socket or device: never opened (reading a FIFO would wait for ever).
        case other
    }

    let name: String
    let kind: Kind

    /// Read with `readdir`, whose entries say what they are, so that a folder of thousands
    /// of pages costs no `stat` per file (only on a file system that does not say).
    @Sendable static func list(_ folder: String) -> Result<[FolderEntry], FileAccessError> {
        guard let stream = opendir(folder) else { return .failure(FileAccessError(errno)) }
        defer { closedir(stream) }
        var entries: [FolderEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let kind: Kind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): .folder
            case Int32(DT_REG): .file
            case Int32(DT_LNK): .symbolicLink
            case Int32(DT_UNKNOWN): kind(of: folder + "/" + name, followingLinks: false)
            default: .other
            }
            entries.append(FolderEntry(name: name, kind: kind))
        }
        return .success(entries)
    }

    /// What is at `path`, asked with `lstat` (or `stat`, which follows links).
    static func kind(of path: String, followingLinks: Bool) -> Kind {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}

import Foundation
import QuorumSupport

/// The files below a folder, sorted, as a build reads them. Hidden names are skipped;
/// anything else that is not listed is reported, so that nothing vanishes silently.
///
/// A symbolic link is resolved, never followed blindly:
/// - one to a file inside the folder is listed under its own name and read from its target;
/// - one to a folder is not followed (a folder is read where it is, so a loop cannot start);
/// - one pointing outside the folder is refused, with a warning naming its target;
/// - one that loops or points to nothing is an error: the file it stands for cannot be read.
/// A folder that cannot be read is an error at its path.
package enum FileTree {
    package struct File: Sendable, Equatable {
        /// The path inside the folder: `pages/about.md`.
        package let path: String
        /// Where its bytes are: the file itself, or a link's target.
        package let diskPath: String
        /// True when `path` is a symbolic link and `diskPath` its target.
        var isLinked = false
    }

    /// The files to read, sorted by path, and the paths of entries (files, links, folders;
    /// "" for the folder itself) that were reported and left out, so that what they held
    /// is not also reported as missing.
    package struct Listing: Sendable {
        package let files: [File]
        package let refused: [String]
    }

    package static func list(_ root: URL, displayRoot: String, access: FileAccess = .disk,
                             log: inout DiagnosticLog) -> Listing {
        let base = root.standardizedFileURL.path
        let realRoot = realPath(base) ?? base
        var walk = Walk(realRoot: realRoot, displayRoot: displayRoot, access: access)
        walk.folder(base, relative: "", log: &log)
        return Listing(files: walk.files.sorted { $0.path < $1.path }, refused: walk.refused.sorted())
    }

    /// The absolute path with every link resolved; nil with `errno` set when it has none.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private struct Walk {
        let realRoot: String
        let displayRoot: String
        let access: FileAccess
        var files: [File] = []
        var refused: [String] = []

        func display(_ relative: String) -> String {
            if relative.isEmpty { return displayRoot.isEmpty ? "." : displayRoot }
            return displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)"
        }

        mutating func folder(_ path: String, relative: String, log: inout DiagnosticLog) {
            let entries: [FolderEntry]
            switch access.entries(path) {
            case let .success(listed): entries = listed
            case let .failure(error):
                log.error(SourceLocation(path: display(relative)), "cannot read this folder: \(error.reason)",
                          code: "unreadable-folder")
                refused.append(relative)
                return
            }
            for entry in entries where !entry.name.hasPrefix(".") {
                let full = path + "/" + entry.name
                let inside = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.kind {
                case .file: files.append(File(path: inside, diskPath: full))
                case .folder: folder(full, relative: inside, log: &log)
                case .symbolicLink:
                    if let target = linkTarget(full, relative: inside, log: &log) {
                        files.append(File(path: inside, diskPath: target, isLinked: true))
                    } else {
                        refused.append(inside)
                    }
                case .other:
                    reportNotAFile(inside, log: &log)
                    refused.append(inside)
                }
            }
        }

        /// The file a link stands for, when it is one to read; otherwise nil, reported.
        func linkTarget(_ path: String, relative: String, log: inout DiagnosticLog) -> String? {
            let location = SourceLocation(path: display(relative))
            let written = linkText(path)
            guard let target = FileTree.realPath(path) else {
                switch errno {
                case ELOOP:
                    log.error(location, "this symbolic link goes round in a loop ('\(written)'); it was not followed",
                              code: "symlink-loop")
                case ENOENT, ENOTDIR:
                    log.error(location, "this symbolic link points to '\(written)', which does not exist",
                              code: "symlink-dangling")
                default:
                    log.error(location, "cannot read this symbolic link: \(FileAccessError(errno).reason)",
                              code: "unreadable-file")
                }
                return nil
            }
            let named = written == target ? "'\(written)'" : "'\(written)' (\(target))"
            guard target == realRoot || target.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
                log.warning(location, "this symbolic link points to \(named), outside \(display("")); it was not read (copy it into the folder instead)",
                            code: "symlink-outside")
                return nil
            }
            switch FolderEntry.kind(of: target, followingLinks: true) {
            case .file:
                return target
            case .folder:
                let holder = (FileTree.realPath((path as NSString).deletingLastPathComponent) ?? realRoot) + "/"
                let loop = holder.hasPrefix(target.hasSuffix("/") ? target : target + "/")
                log.warning(location, loop
                    ? "this symbolic link points to \(named), a folder that holds it; following it would go round in a loop, so it was not followed"
                    : "this symbolic link points to the folder \(named); links to folders are not followed (the folder is read where it is)",
                    code: loop ? "symlink-loop" : "symlink-folder")
            case .symbolicLink, .other:
                reportNotAFile(relative, log: &log)
            }
            return nil
        }

        func reportNotAFile(_ relative: String, log: inout DiagnosticLog) {
            log.warning(SourceLocation(path: display(relative)),
                        "this is not a regular file or folder (a FIFO, socket or device); it was not read",
                        code: "not-a-file")
        }

        /// The target as the link's maker wrote it.
        func linkText(_ path: String) -> String {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count >= 0 else { return "?" }
            return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}

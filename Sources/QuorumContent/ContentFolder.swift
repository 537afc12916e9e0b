import Foundation
import QuorumSupport

/// The files of a content folder, read once, in a fixed (sorted) order.
package struct ContentFolder: Sendable {
    /// The folder as the user named it (`Content`), used to print paths.
    package let root: URL
    package let displayRoot: String
    /// Text files by path inside the folder (`pages/about.md`), sorted.
    var textFiles: [SourceFile]
    /// Other files (images, PDFs) to copy as they are, by path inside the folder, sorted.
    var otherFiles: [String]
    /// Where what is read from this folder is noted, when `quorum serve` asks (`recording(into:)`).
    var reads: ReadRecorder<ContentRead>?

    /// Every text file: reading them all depends on the whole folder.
    package var files: [SourceFile] {
        reads?.note(.folder(""))
        return textFiles
    }

    /// Every other file: likewise.
    package var binaryFiles: [String] {
        reads?.note(.folder(""))
        return otherFiles
    }

    /// The same folder, noting into `recorder` what is read from it.
    package func recording(into recorder: ReadRecorder<ContentRead>?) -> ContentFolder {
        var folder = self
        folder.reads = recorder
        return folder
    }

    /// Files reached through a symbolic link inside the folder: where their bytes are.
    package internal(set) var linkedFiles: [String: URL] = [:]
    /// Paths found in the folder but not read (unreadable, not text Quorum decodes, a link refused, a
    /// folder that cannot be listed, "" for the whole folder): each reported at its path.
    package internal(set) var unread: Set<String> = []

    /// True when `relativePath`, or a folder holding it, was found but could not be read:
    /// it is reported already, and is not to be reported missing as well.
    package func wasUnread(_ relativePath: String) -> Bool {
        reads?.note(.file(relativePath))
        var path = Substring(relativePath)
        while true {
            if unread.contains(String(path)) { return true }
            guard let slash = path.lastIndex(of: "/") else { return unread.contains("") }
            path = path[..<slash]
        }
    }

    /// Reads every file below `root`. Hidden files and folders are skipped; a file or
    /// folder that cannot be read, or a link that is not followed, is reported (`FileTree`).
    /// `byFile`, when given, also keeps what each text file read said (see `DiagnosticsByFile`).
    package static func read(_ root: URL, displayRoot: String, access: FileAccess = .disk,
                             byFile: DiagnosticsByFile? = nil, log: inout DiagnosticLog) -> ContentFolder {
        var files: [SourceFile] = []
        var binaries: [String] = []
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.error(SourceLocation(path: displayRoot.isEmpty ? "." : displayRoot),
                      "the content folder does not exist; give another with --content, or create one with 'quorum new'",
                      code: "missing-content")
            return ContentFolder(root: root, displayRoot: displayRoot, textFiles: [], otherFiles: [])
        }
        let listing = FileTree.list(root, displayRoot: displayRoot, access: access, log: &log)
        let listed = listing.files
        // Files are read and decoded on every core, then taken in sorted order. Other files
        // are only opened: they are copied at the end of a build, and one that cannot be
        // read must fail `check` as well, at its own path.
        let contents = ParallelMap.map(listed) { file -> Contents in
            guard ContentFolder.isText(file.path) else {
                return access.checkReadable(file.diskPath).map(Contents.unreadable) ?? .binary
            }
            return Contents.read(file.diskPath, access: access)
        }
        var folder = ContentFolder(root: root, displayRoot: displayRoot, textFiles: [], otherFiles: [])
        folder.unread = Set(listing.refused)
        for (file, contents) in zip(listed, contents) {
            let relative = file.path
            let display = folder.displayPath(relative)
            switch contents {
            case .binary:
                binaries.append(relative)
            case .unreadable, .undecodable, .text:
                // Each file's own findings are kept apart too when asked (`quorum serve`).
                var fileLog = DiagnosticLog()
                let source = contents.sourceFile(path: display, relativePath: relative, log: &fileLog)
                byFile?.record(fileLog.entries, for: relative)
                log.append(contentsOf: fileLog)
                guard let source else {
                    folder.unread.insert(relative)
                    continue
                }
                files.append(source)
            }
            if file.isLinked {
                folder.linkedFiles[relative] = URL(fileURLWithPath: file.diskPath)
            }
        }
        folder.textFiles = files
        folder.otherFiles = binaries
        return folder
    }

    /// A listed file as read.
    enum Contents {
        case binary
        case unreadable(FileAccessError)
        /// Not UTF-8, nor UTF-16 with its byte order mark (`TextDecoding`).
        case undecodable(TextDecoding.Failure)
        case text(TextNormalization.Normalized)

        /// A text file's bytes, decoded and normalised: what every text file of the folder
        /// goes through, and a file named on the command line too (`SourceFile.read`).
        static func read(_ diskPath: String, access: FileAccess) -> Contents {
            switch access.contents(diskPath) {
            case let .failure(error): return .unreadable(error)
            case let .success(bytes):
                switch TextDecoding.decode(bytes) {
                case let .success(text): return .text(TextNormalization.normalized(text))
                case let .failure(failure): return .undecodable(failure)
                }
            }
        }

        /// The text file, or nil after an error at `path` saying why it cannot be read.
        func sourceFile(path: String, relativePath: String, log: inout DiagnosticLog) -> SourceFile? {
            switch self {
            case .binary:
                return nil
            case let .unreadable(error):
                log.error(SourceLocation(path: path), "cannot read this file: \(error.reason)", code: "unreadable-file")
                return nil
            case let .undecodable(failure):
                log.error(SourceLocation(path: path, line: failure.line, column: failure.column), failure.message,
                          code: "not-utf8")
                return nil
            case let .text(normalized):
                TextNormalization.reportStrayByteOrderMark(normalized, in: path, log: &log)
                return SourceFile(path: path, relativePath: relativePath, text: normalized.text)
            }
        }
    }

    /// `tsv` and `txt` as well as `csv`: workforce snapshots come in all three (`Workforce`).
    static let textExtensions: Set<String> = ["md", "markdown", "yaml", "yml", "csv", "tsv", "txt"]

    package static func isText(_ path: String) -> Bool {
        textExtensions.contains(fileExtension(path))
    }

    /// The extension of the file at `path`, lowercased: what follows the last dot of its
    /// name, when the name does not start with it (as `NSString.pathExtension` gives, without
    /// going through Foundation for each of ten thousand files).
    static func fileExtension(_ path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    /// Files directly or indirectly below `folder` with one of `extensions`.
    package func files(in folder: String, extensions: Set<String>) -> [SourceFile] {
        reads?.note(.folder(folder))
        let prefix = folder + "/"
        return textFiles.filter {
            $0.relativePath.hasPrefix(prefix)
                && extensions.contains(Self.fileExtension($0.relativePath))
        }
    }

    package func file(_ relativePath: String) -> SourceFile? {
        reads?.note(.file(relativePath))
        return textFiles.first { $0.relativePath == relativePath }
    }

    /// The paths of the text files (no read noted: for bookkeeping, not for loading).
    package var textPaths: [String] { textFiles.map(\.relativePath) }

    /// True when some text file is below `folder`.
    package func hasFiles(in folder: String) -> Bool {
        reads?.note(.folder(folder))
        let prefix = folder + "/"
        return textFiles.contains { $0.relativePath.hasPrefix(prefix) }
    }

    /// The other (binary) files below `folder`, sorted.
    package func binaryFiles(in folder: String) -> [String] {
        reads?.note(.folder(folder))
        let prefix = folder + "/"
        return otherFiles.filter { $0.hasPrefix(prefix) }
    }

    /// True when `relativePath` is one of the other (binary) files.
    package func hasBinaryFile(_ relativePath: String) -> Bool {
        reads?.note(.file(relativePath))
        return otherFiles.contains(relativePath)
    }

    /// Where the bytes of the file at `relativePath` are: a link's target for a linked file.
    package func url(of relativePath: String) -> URL {
        linkedFiles[relativePath] ?? root.appendingPathComponent(relativePath)
    }

    /// The path diagnostics print for a file of this folder that may not exist.
    package func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)"
    }
}

extension ContentFolder {
    /// A folder of these files, as if read from `root` (for tests and tools that make one).
    package init(root: URL, displayRoot: String, files: [SourceFile], binaryFiles: [String]) {
        self.init(root: root, displayRoot: displayRoot, textFiles: files, otherFiles: binaryFiles)
    }
}

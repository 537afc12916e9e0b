import Foundation

/// The files of a content folder, read once, in a fixed (sorted) order.
public struct ContentFolder: Sendable {
    /// The folder as the user named it (`Content`), used to print paths.
    public let root: URL
    public let displayRoot: String
    /// Text files by path inside the folder (`pages/about.md`), sorted.
    public let files: [SourceFile]
    /// Other files (images, PDFs) to copy as they are, by path inside the folder.
    public let binaryFiles: [String]

    /// Reads every file below `root`. Hidden files and folders are skipped.
    public static func read(_ root: URL, displayRoot: String, log: inout DiagnosticLog) -> ContentFolder {
        var files: [SourceFile] = []
        var binaries: [String] = []
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.error(SourceLocation(path: displayRoot.isEmpty ? "." : displayRoot),
                      "the content folder does not exist; give another with --content, or create one with 'quorum new'",
                      code: "missing-content")
            return ContentFolder(root: root, displayRoot: displayRoot, files: [], binaryFiles: [])
        }
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        // Files are read and decoded on every core, then taken in sorted order.
        let listed = FileTree.list(root).map { (path: $0, isText: ContentFolder.isText($0)) }
        let contents = ParallelMap.map(listed) { file -> Contents in
            guard file.isText else { return .binary }
            guard let bytes = FileBytes.read(base + file.path) else { return .unreadable }
            return String(validating: bytes, as: UTF8.self).map(Contents.text) ?? .notUTF8
        }
        for (file, contents) in zip(listed, contents) {
            let relative = file.path
            let display = displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)"
            switch contents {
            case .binary:
                binaries.append(relative)
            case .unreadable:
                log.error(SourceLocation(path: display), "cannot read this file", code: "unreadable-file")
            case .notUTF8:
                log.error(SourceLocation(path: display),
                          "the file is not UTF-8 text; save it as UTF-8 (in Excel: 'CSV UTF-8')",
                          code: "not-utf8")
            case let .text(text):
                files.append(SourceFile(path: display, relativePath: relative, text: text))
            }
        }
        return ContentFolder(root: root, displayRoot: displayRoot, files: files, binaryFiles: binaries)
    }

    /// A listed file as read.
    private enum Contents {
        case binary
        case unreadable
        case notUTF8
        case text(String)
    }

    static let textExtensions: Set<String> = ["md", "markdown", "yaml", "yml", "csv", "txt"]

    static func isText(_ path: String) -> Bool {
        textExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Files directly or indirectly below `folder` with one of `extensions`.
    public func files(in folder: String, extensions: Set<String>) -> [SourceFile] {
        let prefix = folder + "/"
        return files.filter {
            $0.relativePath.hasPrefix(prefix)
                && extensions.contains(($0.relativePath as NSString).pathExtension.lowercased())
        }
    }

    public func file(_ relativePath: String) -> SourceFile? {
        files.first { $0.relativePath == relativePath }
    }

    /// The path diagnostics print for a file of this folder that may not exist.
    public func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)"
    }
}

/// Lists files below a folder, sorted, skipping hidden names.
///
/// Read with `readdir`, whose entries say whether they are folders or regular files, so
/// a folder of thousands of pages costs no `stat` per file. An entry of another kind (a
/// symbolic link) is asked about as Foundation's enumerator would: a link to a regular
/// file is listed, and no link is followed into a folder.
enum FileTree {
    static func list(_ root: URL) -> [String] {
        let base = root.standardizedFileURL.path
        var paths: [String] = []
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        func walk(_ folder: String, _ prefix: String) {
            guard let stream = opendir(folder) else { return }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let full = folder + "/" + name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): walk(full, relative)
                case Int32(DT_REG): paths.append(relative)
                default:
                    let url = URL(fileURLWithPath: full)
                    let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey])
                    if values?.isRegularFile == true {
                        paths.append(relative)
                    } else if values?.isDirectory == true, values?.isSymbolicLink != true {
                        walk(full, relative)
                    }
                }
            }
        }
        walk(base, "")
        return paths.sorted()
    }
}

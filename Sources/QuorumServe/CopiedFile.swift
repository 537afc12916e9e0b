import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file the build copies as it is (an image, a stylesheet) when a page asks for
/// it, so that changing one needs a reload and no rebuild; but only the file the build
/// listed, where the build found it. A file replaced since by a symbolic link (to
/// `/etc/passwd`, say), or reached through a folder that became one, is refused.
enum CopiedFile {
    enum Outcome: Equatable {
        case contents(Data)
        case missing
        /// The path now leads through a symbolic link, or out of the site's folders.
        case refused
    }

    /// The contents of `url` when it is a regular file inside one of `roots` and no part of
    /// its path below the root is a symbolic link.
    static func contents(of url: URL, inside roots: [URL]) -> Outcome {
        let path = url.standardizedFileURL.path
        // The build lists a linked file by its real path, so the real path must be the path.
        let realRoots = roots.compactMap { realPath($0.standardizedFileURL.path) }
        guard let real = realPath(path) else { return .missing }
        let expected = realOf(path, below: roots) ?? (realRoots.contains { isInside(path, $0) } ? path : nil)
        guard real == expected else { return .refused }
        // O_NOFOLLOW: a link swapped in since the check is not followed either.
        let file = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return errno == ELOOP ? .refused : .missing }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .refused }
        var data = Data(capacity: Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(file, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .missing }
            if count == 0 { return .contents(data) }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// The real path of `path` when it lies below one of `roots` as written (the roots
    /// themselves may be reached through links, as `/tmp` is on some systems).
    private static func realOf(_ path: String, below roots: [URL]) -> String? {
        for root in roots.map({ $0.standardizedFileURL.path }) where isInside(path, root) {
            guard let realRoot = realPath(root) else { continue }
            return realRoot + path.dropFirst(root.count)
        }
        return nil
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

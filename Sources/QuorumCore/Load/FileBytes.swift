import Foundation

/// Reads a whole file with `open` and `read`.
///
/// A content folder can hold ten thousand small files; FileManager's `contents(atPath:)`
/// costs more per file than the read itself.
enum FileBytes {
    /// The file's bytes; nil when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // One byte more than the size, so that the end of the file is seen in one buffer.
        var failed = false, complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: max(Int(status.st_size), 0) + 1) { buffer, count in
            while count < buffer.count {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failed = got < 0
                    return
                }
                count += got
            }
            complete = false
        }
        if failed { return nil }
        // The file grew after `fstat`: read it again, the slow way.
        return complete ? bytes : FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

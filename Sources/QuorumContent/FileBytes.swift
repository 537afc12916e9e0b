import Foundation

/// Reads a whole file with `open` and `read`.
///
/// A content folder can hold ten thousand small files; FileManager's `contents(atPath:)`
/// costs more per file than the read itself.
package enum FileBytes {
    /// The file's bytes; nil when it cannot be opened or read.
    package static func read(_ path: String) -> [UInt8]? {
        try? contents(path).get()
    }

    /// The file's bytes, or why they could not be read.
    static func contents(_ path: String) -> Result<[UInt8], FileAccessError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileAccessError(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FileAccessError(errno)) }
        // One byte more than the size, so that the end of the file is seen in one buffer.
        var failure: Int32?, complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: max(Int(status.st_size), 0) + 1) { buffer, count in
            while count < buffer.count {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    if got < 0 { failure = errno }
                    return
                }
                count += got
            }
            complete = false
        }
        if let failure { return .failure(FileAccessError(failure)) }
        guard !complete else { return .success(bytes) }
        // The file grew after `fstat`: read it again, the slow way.
        return FileManager.default.contents(atPath: path).map { .success([UInt8]($0)) } ?? .failure(FileAccessError(EIO))
    }
}

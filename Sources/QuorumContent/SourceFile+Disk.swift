import Foundation
import QuorumSupport

extension SourceFile {
    /// Reads one text file that is not in a content folder (a snapshot named on the command
    /// line) exactly as `ContentFolder.read` reads its text files: the same decoding, line
    /// ends and byte order marks, and the same errors. Nil after an error at `displayPath`.
    ///
    /// `relativePath` is the path the file stands for inside a content folder: its name
    /// (`stem`) is what later stages read, e.g. a snapshot's date.
    package static func read(_ url: URL, displayPath: String, relativePath: String, access: FileAccess = .disk,
                             log: inout DiagnosticLog) -> SourceFile? {
        ContentFolder.Contents.read(url.path, access: access)
            .sourceFile(path: displayPath, relativePath: relativePath, log: &log)
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// Paths of the repository and its fixtures, found from this file so tests run from anywhere.
package enum TestPaths {
    /// This file is `<repo>/Tests/QuorumTestSupport/TestPaths.swift`.
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    package static let templates = repository.appendingPathComponent("Templates")
    package static let sampleContent = repository.appendingPathComponent("Content")

    /// A new empty folder, removed by the caller with `remove`.
    package static func temporaryFolder(_ name: String = #function) -> URL {
        let clean = Slug.make(name)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("quorum-tests-\(clean)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    package static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Writes a small content tree from (path, text) pairs: the way most tests set up a site.
package func writeTree(_ files: [String: String], in folder: URL) {
    for (path, text) in files {
        let url = folder.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }
}

/// Every file below `folder` with its bytes, for comparing whole trees.
package func readTree(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
        return result
    }
    let base = folder.standardizedFileURL.path + "/"
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let path = url.standardizedFileURL.path
        result[String(path.dropFirst(base.count))] = try! Data(contentsOf: url)
    }
    return result
}

/// A source file for parser tests.
package func source(_ text: String, path: String = "Content/pages/test.md") -> SourceFile {
    SourceFile(path: path, relativePath: String(path.drop(while: { $0 != "/" }).dropFirst()), text: text)
}

package let testDate = CalendarDate("2018-11-20")!
/// The sample content's latest snapshot is 2019-09-30, so it is built as at a later date.
package let sampleDate = CalendarDate("2019-11-20")!

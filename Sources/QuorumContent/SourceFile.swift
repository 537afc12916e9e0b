import Foundation
import QuorumSupport

/// A content file as read from disk: its display path (as diagnostics print it),
/// its path inside the content folder, and its text, every line end a line feed
/// (see `TextNormalization`).
package struct SourceFile: Sendable {
    /// The path diagnostics print, e.g. `Content/pages/about.md`.
    package let path: String
    /// The path inside the content folder, e.g. `pages/about.md`.
    package let relativePath: String
    package let text: String

    package init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = TextNormalization.lineFeeds(text)
    }

    package func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The file name without its extension: `about` for `pages/about.md`.
    package var stem: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

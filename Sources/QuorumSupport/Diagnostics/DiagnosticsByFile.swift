import Foundation

/// Diagnostics kept by the content file that gave them (its path inside the content
/// folder), as the stages that work one file at a time report them.
///
/// `quorum serve` passes one through a build so that, when a file changes, what that file
/// said before can be replaced by what it says now while everything the other files said is
/// kept. A build without one (`quorum build`) records nothing.
package final class DiagnosticsByFile: @unchecked Sendable {
    private let lock = NSLock()
    private var byFile: [String: [Diagnostic]] = [:]

    package init() {}

    /// Adds `diagnostics` to what `file` said; a file that said nothing is not stored.
    package func record(_ diagnostics: [Diagnostic], for file: String) {
        guard !diagnostics.isEmpty else { return }
        lock.withLock { byFile[file, default: []] += diagnostics }
    }

    /// Replaces what `file` said with `diagnostics` (none: forgets it).
    package func replace(_ diagnostics: [Diagnostic], for file: String) {
        lock.withLock { byFile[file] = diagnostics.isEmpty ? nil : diagnostics }
    }

    /// Forgets what `files` said.
    package func forget(_ files: some Sequence<String>) {
        lock.withLock { for file in files { byFile[file] = nil } }
    }

    /// Forgets what every file but `files` said.
    package func keep(only files: Set<String>) {
        lock.withLock { byFile = byFile.filter { files.contains($0.key) } }
    }

    /// Everything recorded, by file.
    package var all: [String: [Diagnostic]] { lock.withLock { byFile } }
}

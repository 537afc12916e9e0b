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

    /// Everything recorded, by file.
    package var all: [String: [Diagnostic]] { lock.withLock { byFile } }
}

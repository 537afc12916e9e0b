/// Collects diagnostics as the stages run.
package struct DiagnosticLog: Sendable {
    package private(set) var entries: [Diagnostic] = []

    package init(_ entries: [Diagnostic] = []) {
        self.entries = entries
    }

    package mutating func report(_ diagnostic: Diagnostic) {
        entries.append(diagnostic)
    }

    package mutating func error(_ location: SourceLocation, _ message: String, code: String) {
        entries.append(.error(location, message, code: code))
    }

    package mutating func warning(_ location: SourceLocation, _ message: String, code: String) {
        entries.append(.warning(location, message, code: code))
    }

    package mutating func note(_ location: SourceLocation, _ message: String, code: String) {
        entries.append(.note(location, message, code: code))
    }

    package mutating func append(contentsOf other: DiagnosticLog) {
        entries.append(contentsOf: other.entries)
    }

    package mutating func append(contentsOf diagnostics: [Diagnostic]) {
        entries.append(contentsOf: diagnostics)
    }

    package var errorCount: Int { entries.count { $0.severity == .error } }
    package var warningCount: Int { entries.count { $0.severity == .warning } }
    package var noteCount: Int { entries.count { $0.severity == .note } }
    package var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// Sorted by path and line, duplicates removed.
    package var sorted: [Diagnostic] { Array(Set(entries)).sorted() }
}

extension Array where Element == Diagnostic {
    /// These diagnostics without `others`, each taken away as many times as it is there.
    package func removing(_ others: [Diagnostic]) -> [Diagnostic] {
        var counts: [Diagnostic: Int] = [:]
        for diagnostic in others { counts[diagnostic, default: 0] += 1 }
        return filter { diagnostic in
            guard let count = counts[diagnostic], count > 0 else { return true }
            counts[diagnostic] = count - 1
            return false
        }
    }
}

/// Collects diagnostics as the stages run.
public struct DiagnosticLog: Sendable {
    public private(set) var entries: [Diagnostic] = []

    public init(_ entries: [Diagnostic] = []) {
        self.entries = entries
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        entries.append(diagnostic)
    }

    public mutating func error(_ location: SourceLocation, _ message: String, code: String) {
        entries.append(.error(location, message, code: code))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, code: String) {
        entries.append(.warning(location, message, code: code))
    }

    public mutating func note(_ location: SourceLocation, _ message: String, code: String) {
        entries.append(.note(location, message, code: code))
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        entries.append(contentsOf: other.entries)
    }

    public mutating func append(contentsOf diagnostics: [Diagnostic]) {
        entries.append(contentsOf: diagnostics)
    }

    public var errorCount: Int { entries.count { $0.severity == .error } }
    public var warningCount: Int { entries.count { $0.severity == .warning } }
    public var noteCount: Int { entries.count { $0.severity == .note } }
    public var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// Sorted by path and line, duplicates removed.
    public var sorted: [Diagnostic] { Array(Set(entries)).sorted() }
}

/// What a build or check found and did.
public struct BuildReport: Sendable {
    /// Sorted by path and line.
    public let diagnostics: [Diagnostic]
    public let pageCount: Int
    public let fileCount: Int
    /// True when the output folder was replaced.
    public let wrote: Bool
    public let strict: Bool

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// Failed: any error, or any warning in strict mode. The exit code is 1.
    public var failed: Bool { errorCount > 0 || (strict && warningCount > 0) }
}

import QuorumSupport

/// What a build or check found and did.
package struct BuildReport: Sendable {
    /// Sorted by path and line.
    package let diagnostics: [Diagnostic]
    package let pageCount: Int
    package let fileCount: Int
    /// True when the output folder was replaced.
    package let wrote: Bool
    package let strict: Bool
    /// The date the build was as at.
    package var asOf: CalendarDate?
    /// How long each stage took.
    package var timings = BuildTimings()
    /// Every `http:`/`https:` link of the site, for `quorum check --external`.
    package var externalLinks: [ExternalLink] = []

    package init(diagnostics: [Diagnostic], pageCount: Int, fileCount: Int, wrote: Bool, strict: Bool) {
        self.diagnostics = diagnostics
        self.pageCount = pageCount
        self.fileCount = fileCount
        self.wrote = wrote
        self.strict = strict
    }

    package var errorCount: Int { diagnostics.count { $0.severity == .error } }
    package var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    package var noteCount: Int { diagnostics.count { $0.severity == .note } }

    /// Failed: any error, or any warning in strict mode. The exit code is 1.
    package var failed: Bool { errorCount > 0 || (strict && warningCount > 0) }

    /// The same report with more diagnostics (from a later check), sorted in.
    package func adding(_ more: [Diagnostic]) -> BuildReport {
        var report = BuildReport(diagnostics: DiagnosticLog(diagnostics + more).sorted, pageCount: pageCount,
                                 fileCount: fileCount, wrote: wrote, strict: strict)
        report.asOf = asOf
        report.timings = timings
        report.externalLinks = externalLinks
        return report
    }
}

/// Milliseconds spent in each stage of a build.
package struct BuildTimings: Sendable, Codable, Equatable {
    package var load: Double = 0
    package var render: Double = 0
    package var checkLinks: Double = 0
    package var write: Double = 0
    package var total: Double { load + render + checkLinks + write }

    package init() {}

    enum CodingKeys: String, CodingKey { case load, render, checkLinks, write, total }

    package func encode(to encoder: any Encoder) throws {
        // To a tenth of a millisecond: finer is noise.
        func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenth(load), forKey: .load)
        try container.encode(tenth(render), forKey: .render)
        try container.encode(tenth(checkLinks), forKey: .checkLinks)
        try container.encode(tenth(write), forKey: .write)
        try container.encode(tenth(total), forKey: .total)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        load = try container.decode(Double.self, forKey: .load)
        render = try container.decode(Double.self, forKey: .render)
        checkLinks = try container.decode(Double.self, forKey: .checkLinks)
        write = try container.decode(Double.self, forKey: .write)
    }

    /// Runs `work` and adds its duration, in milliseconds, to `stage`.
    static func measure<T>(_ stage: inout Double, _ work: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            stage += Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
        return try work()
    }
}

import Foundation

/// The small JSON file a build leaves beside its output (`quorum-build.json`), for a
/// nightly job to archive: counts, timings, the as-at date and the diagnostics.
///
/// It holds timings, so it is never written inside the output folder: the output stays
/// byte-identical for the same input and date.
public struct BuildSummary: Codable, Sendable {
    public struct Counts: Codable, Sendable {
        public let pages: Int
        public let files: Int
        public let errors: Int
        public let warnings: Int
        public let notes: Int
        public let externalLinks: Int
    }

    public let tool: String
    public let command: String
    public let asOf: String?
    public let succeeded: Bool
    /// True when the output folder was replaced.
    public let wrote: Bool
    public let strict: Bool
    public let output: String
    public let counts: Counts
    /// Milliseconds per stage, and in all.
    public let timings: BuildTimings
    public let diagnostics: [Diagnostic]

    public init(_ report: BuildReport, command: String = "build", output: String) {
        tool = "quorum"
        self.command = command
        asOf = report.asOf?.description
        succeeded = !report.failed
        wrote = report.wrote
        strict = report.strict
        self.output = output
        counts = Counts(pages: report.pageCount, files: report.fileCount, errors: report.errorCount,
                        warnings: report.warningCount, notes: report.noteCount, externalLinks: report.externalLinks.count)
        timings = report.timings
        diagnostics = report.diagnostics
    }

    /// Where a build writes its summary by default: `quorum-build.json` beside the output.
    public static func defaultURL(forOutput output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("quorum-build.json")
    }

    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// Writes the summary atomically, so an archiving job never reads half of one. When it
    /// cannot be written, an older summary there is removed, so that no summary of an earlier
    /// build is taken for this one's; the error says whether that worked.
    public func write(to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try json.write(to: url, options: .atomic)
        } catch {
            let reason = WriteFailure.reason(error)
            guard OutputFolder.exists(url) else { throw SummaryError(reason: reason) }
            do {
                try FileManager.default.removeItem(at: url)
                throw SummaryError(reason: "\(reason); the previous summary there was removed")
            } catch let error as SummaryError {
                throw error
            } catch {
                throw SummaryError(reason: "\(reason); the previous summary there could not be removed either (\(WriteFailure.reason(error))), so it is out of date")
            }
        }
    }

    public struct SummaryError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    /// True when `url` holds a summary a build wrote, which a later build may replace.
    public static func isSummary(at url: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["tool"] as? String == "quorum" && object["succeeded"] is Bool
    }
}

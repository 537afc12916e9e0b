import Foundation
import QuorumSupport

/// The small JSON file a build leaves beside its output (`quorum-build.json`), for a
/// nightly job to archive: counts, timings, the as-at date and the diagnostics.
///
/// It holds timings, so it is never written inside the output folder: the output stays
/// byte-identical for the same input and date.
package struct BuildSummary: Codable, Sendable {
    package struct Counts: Codable, Sendable {
        package let pages: Int
        package let files: Int
        package let errors: Int
        package let warnings: Int
        package let notes: Int
        package let externalLinks: Int
    }

    package let tool: String
    package let command: String
    package let asOf: String?
    package let succeeded: Bool
    /// True when the output folder was replaced.
    package let wrote: Bool
    package let strict: Bool
    package let output: String
    package let counts: Counts
    /// Milliseconds per stage, and in all.
    package let timings: BuildTimings
    package let diagnostics: [Diagnostic]

    package init(_ report: BuildReport, command: String = "build", output: String) {
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
    package static func defaultURL(forOutput output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("quorum-build.json")
    }

    package var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// Writes the summary atomically, so an archiving job never reads half of one. When it
    /// cannot be written, an older summary there is removed, so that no summary of an earlier
    /// build is taken for this one's; the error says whether that worked.
    package func write(to url: URL) throws {
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

    package struct SummaryError: Error, CustomStringConvertible {
        package let reason: String
        package var description: String { reason }
    }

    /// True when `url` holds a summary a build wrote, which a later build may replace.
    package static func isSummary(at url: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["tool"] as? String == "quorum" && object["succeeded"] is Bool
    }
}

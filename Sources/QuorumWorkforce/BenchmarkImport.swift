import Foundation
import QuorumContent
import QuorumSupport

/// `quorum benchmarks import` and `check`: reads a DfE children's social work workforce
/// indicators file, checks each published rate against the file's own columns, and writes
/// the rows the council compares with (England, its region, its chosen councils) for the
/// chosen years to `CONTENT/workforce/benchmarks.csv`, with the file's own header.
package enum BenchmarkImport {
    package struct Outcome: Sendable {
        /// Every row read from the file.
        package let rowsRead: Int
        /// Rows written (or that would be written); 0 for a check.
        package let rowsKept: Int
        package let years: [Int]
        package let mismatches: Int
    }

    /// "2017-2019", "2017,2019" or "2018"; nil when it is none of these.
    package static func years(_ text: String) -> [Int]? {
        var result: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map { (1900...2999).contains($0) } == true }) else {
                return nil
            }
            let low = bounds.first!!, high = bounds.last!!
            guard low <= high else { return nil }
            result += Array(low...high)
        }
        return Array(Set(result)).sorted()
    }

    /// Reads and checks a file: unreadable files and missing columns are errors, published
    /// rates that do not match their columns are warnings.
    package static func check(_ file: URL, displayPath: String, log: inout DiagnosticLog) -> (BenchmarkTable, Outcome)? {
        guard let table = BenchmarkTable.load(contentsOf: file, displayPath: displayPath, log: &log), !log.hasErrors else {
            return nil
        }
        let mismatches = table.recomputeCheck(log: &log)
        return (table, Outcome(rowsRead: table.rows.count, rowsKept: 0, years: table.years, mismatches: mismatches.count))
    }

    /// Imports `file` into the content folder. `years` defaults to the census years of the
    /// content's snapshots. Nothing is written when there are errors.
    package static func run(_ file: URL, displayPath: String, content: URL, contentDisplay: String, years: [Int]?,
                            log: inout DiagnosticLog) -> Outcome? {
        let folder = ContentFolder.read(content, displayRoot: contentDisplay, log: &log)
        let config = WorkforceConfig.load(from: folder, log: &log)
        // Every snapshot file counts, whatever its format (text or workbook).
        let census = years ?? Array(Set(Workforce.snapshotFiles(in: folder)
            .compactMap { CalendarDate($0.file.stem) }.map(BenchmarkTable.year(for:)))).sorted()
        if census.isEmpty {
            log.error(SourceLocation(path: "\(contentDisplay)/\(Workforce.snapshotsFolder)"),
                      "there are no snapshots to take the census years from; give them with --years (e.g. --years 2017-2019)",
                      code: "benchmark-import-years")
        }
        guard !log.hasErrors, let (table, checked) = check(file, displayPath: displayPath, log: &log) else { return nil }

        var kept: [BenchmarkRow] = []
        let here = SourceLocation(path: displayPath)
        for year in census {
            guard let england = table.national(year: year) else {
                log.warning(here, "the file has no National row for \(year)", code: "benchmark-import-missing")
                continue
            }
            kept.append(england)
            if let region = config.benchmarkRegion {
                if let row = table.region(region, year: year) { kept.append(row) } else {
                    log.warning(here, "the file has no Regional row for '\(region)' in \(year) (workforce/config.yaml benchmarks.region)",
                                code: "benchmark-import-missing")
                }
            }
            for council in config.benchmarkCouncils {
                if let row = table.council(council, year: year) { kept.append(row) } else {
                    log.warning(here, "the file has no Local authority row for '\(council)' in \(year) (workforce/config.yaml benchmarks.councils)",
                                code: "benchmark-import-missing")
                }
            }
        }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let headerLine = lines.firstIndex { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? 0
        let wanted = Set(kept.map(\.location.line))
        var output = [lines[headerLine]] + lines.indices.filter { wanted.contains($0 + 1) }.map { lines[$0] }
        output = output.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let destination = content.appendingPathComponent(BenchmarkTable.contentPath)
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((output.joined(separator: "\n") + "\n").utf8).write(to: destination, options: .atomic)
        } catch {
            log.error(SourceLocation(path: "\(contentDisplay)/\(BenchmarkTable.contentPath)"), "cannot write: \(error.localizedDescription)",
                      code: "write-failed")
            return nil
        }
        return Outcome(rowsRead: checked.rowsRead, rowsKept: kept.count, years: census, mismatches: checked.mismatches)
    }
}

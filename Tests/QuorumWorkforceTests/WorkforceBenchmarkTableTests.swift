import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The DfE indicators, read from the committed extract (Fixtures/benchmarks/README.md says
/// which rows it holds, from which release, under which licence).
@Suite struct WorkforceBenchmarkTableTests {
    static let dfeFile = TestPaths.fixtures.appendingPathComponent("benchmarks/dfe-extract.csv")

    static func loadDfE(_ file: URL = dfeFile) throws -> (BenchmarkTable, DiagnosticLog) {
        var log = DiagnosticLog()
        let table = try #require(BenchmarkTable.load(contentsOf: file, displayPath: "dfe.csv", log: &log))
        return (table, log)
    }

    @Test func readsEveryRowOfTheExtract() throws {
        let (table, log) = try WorkforceBenchmarkTableTests.loadDfE()
        #expect(log.entries.isEmpty, "\(log.entries.prefix(5).map(\.formatted))")
        // Fixtures/benchmarks/README.md: 9 National, 45 Regional and 59 Local authority rows.
        #expect(table.rows.count == 113)
        #expect(table.rows.filter { $0.level == .national }.count == 9)
        #expect(table.rows.filter { $0.level == .regional }.count == 45)
        #expect(table.rows.filter { $0.level == .localAuthority }.count == 59)
        #expect(table.years == Array(2017...2025))
    }

    @Test func aMissingFileIsReportedAsMissingWithItsPath() {
        var log = DiagnosticLog()
        let nowhere = URL(fileURLWithPath: "/nonexistent/quorum/dfe.csv")
        #expect(BenchmarkTable.load(contentsOf: nowhere, displayPath: "dfe.csv", log: &log) == nil)
        #expect(log.entries.map(\.formatted) == ["dfe.csv:1:1: error: there is no benchmarks file at /nonexistent/quorum/dfe.csv [missing-file]"])
        var folderLog = DiagnosticLog()
        #expect(BenchmarkTable.load(contentsOf: TestPaths.fixtures, displayPath: "Fixtures", log: &folderLog) == nil)
        #expect(folderLog.entries.map(\.message) == ["this is a folder, not a benchmarks CSV file"])
    }

    @Test func looksUpEnglandARegionAndCouncils() throws {
        let (table, _) = try WorkforceBenchmarkTableTests.loadDfE()
        // The first data row of the file: England 2025.
        let england = try #require(table.national(year: 2025))
        #expect(england.name == "England")
        #expect(england.value(.inpostFTE) == 36186.3)
        #expect(england.value(of: .agencyRate) == 13)
        #expect(england.location.line == 2)
        let northEast = try #require(table.region("north east", year: 2025))
        #expect(northEast.value(.inpostFTE) == 2299.3)
        let outer = try #require(table.region("Outer London", year: 2018))
        #expect(outer.level == .regional && outer.year == 2018)
        #expect(table.council("Nowhere", year: 2018) == nil)
        let someCouncil = try #require(table.rows.first { $0.level == .localAuthority && $0.year == 2019 })
        #expect(table.council(someCouncil.name.uppercased(), year: 2019) == someCouncil)
        if let code = someCouncil.newCode { #expect(table.council(code, year: 2019) == someCouncil) }
    }

    /// Every row with inputs matches its published rates within rounding, except the ones
    /// Quorum reports; and everything Quorum reports really is off.
    @Test func recomputesPublishedRatesFromTheFilesOwnColumns() throws {
        let (table, _) = try WorkforceBenchmarkTableTests.loadDfE()
        let (checked, mismatches) = try Self.recomputeAndCompare(table)
        #expect(checked > 350)
        // Checked by hand against the file (release of 19 March 2026): nine aggregate rows of
        // 2022-2024 have a published rate that is not what their own columns give, and the
        // extract holds all nine, e.g. North East 2024 turnover 14.0 where leavers / in post
        // gives 12.58, and West Midlands 2024 agency rate 13.9 where agency / (agency + in
        // post) gives 12.51. No council row is off.
        #expect(Set(mismatches.map { "\($0.row.name) \($0.row.year) \($0.measure.rawValue)" }) == [
            "England 2024 agency_rate", "England 2024 turnover_rate", "North East 2024 turnover_rate",
            "West Midlands 2024 agency_rate", "England 2023 agency_rate", "London 2023 agency_rate",
            "Outer London 2023 agency_rate", "England 2022 turnover_rate", "North East 2022 turnover_rate",
        ])
        #expect(mismatches.allSatisfy { $0.row.level != .localAuthority && (2022...2024).contains($0.row.year) })
        let northEast = try #require(mismatches.first { $0.row.name == "North East" && $0.row.year == 2024 && $0.measure == .turnoverRate })
        #expect(northEast.published == 14.0)
        let westMidlands = try #require(mismatches.first { $0.row.name == "West Midlands" && $0.row.year == 2024 && $0.measure == .agencyRate })
        #expect(abs(westMidlands.recomputed - 12.51) < 0.01)
    }

    /// The same check on the whole national file, when `QUORUM_DFE_FILE` names it.
    @Test("full DfE file: every published rate recomputed",
          .enabled(if: fullDfEFile != nil, "skipped: set QUORUM_DFE_FILE to the full DfE indicators CSV to run it"))
    func recomputesTheFullFile() throws {
        let (table, log) = try WorkforceBenchmarkTableTests.loadDfE(try #require(Self.fullDfEFile))
        #expect(log.entries.isEmpty)
        #expect(table.rows.count == 1463)
        let (checked, mismatches) = try Self.recomputeAndCompare(table)
        #expect(checked > 4000)
        // England 2024 agency rate 16.2 where 6520.7 / (6520.7 + 34328.2) = 15.96.
        #expect(mismatches.count == 9)
        let englandAgency2024 = try #require(mismatches.first { $0.row.name == "England" && $0.row.year == 2024 && $0.measure == .agencyRate })
        #expect(abs(englandAgency2024.recomputed - 6520.7 / (6520.7 + 34328.2) * 100) < 1e-9)
    }

    /// The full DfE indicators file, only when the environment names it.
    static let fullDfEFile: URL? = ProcessInfo.processInfo.environment["QUORUM_DFE_FILE"].map { URL(fileURLWithPath: $0) }

    /// Runs Quorum's recompute check and compares it with an independent recomputation of
    /// every published rate: returns how many rates had inputs, and what Quorum reported.
    static func recomputeAndCompare(_ table: BenchmarkTable) throws -> (Int, [BenchmarkTable.Mismatch]) {
        var log = DiagnosticLog()
        let mismatches = table.recomputeCheck(log: &log)
        #expect(log.entries.count == mismatches.count)
        #expect(log.entries.allSatisfy { $0.severity == .warning && $0.code == WorkforceDiagnosticCode.benchmarkRateMismatch })

        let reported = Set(mismatches.map { "\($0.row.location.line) \($0.measure.rawValue)" })
        var checked = 0
        for row in table.rows {
            let checks: [(Measure, Double?, Double?, Double?)] = [
                (.vacancyRate, row.value(.vacancyRateFTE), row.value(.vacancyFTE),
                 row.value(.vacancyFTE).flatMap { v in row.value(.inpostFTE).map { v + $0 } }),
                (.agencyRate, row.value(.agencyRateFTE), row.value(.agencyFTE),
                 row.value(.agencyFTE).flatMap { a in row.value(.inpostFTE).map { a + $0 } }),
                (.turnoverRate, row.value(.turnoverRateFTE), row.value(.leaversFTE), row.value(.inpostFTE)),
                (.caseload, row.value(.caseloadFTE), row.value(.cases), row.value(.caseHoldersFTE)),
            ]
            for (measure, published, numerator, denominator) in checks {
                guard let published, let numerator, let denominator, denominator > 0 else { continue }
                checked += 1
                let recomputed = numerator / denominator * (measure == .caseload ? 1 : 100)
                let key = "\(row.location.line) \(measure.rawValue)"
                // Within the published rounding: never reported.
                if abs(recomputed - published) <= 0.05 { #expect(!reported.contains(key), "\(key)") }
                // Far beyond any rounding of the inputs: always reported.
                if abs(recomputed - published) > 1.0 { #expect(reported.contains(key), "\(key)") }
            }
        }
        print("DfE indicators: \(checked) published rates recomputed, \(mismatches.count) do not match within rounding")
        for m in mismatches { print("  \(m.row.name) \(m.row.year) \(m.measure.rawValue): published \(m.published), recomputed \(WorkforceNumber.text(m.recomputed))") }
        return (checked, mismatches)
    }
}

@Suite struct WorkforceBenchmarkRangeTests {
    @Test func rangeAllowsForRoundingOfEachInput() throws {
        // Vacancy 2.0 FTE, in post 20.0: 2.0 / 22.0 = 9.09%; inputs ±0.05 give
        // 1.95 / (1.95 + 20.05) = 8.864% to 2.05 / (2.05 + 19.95) = 9.318%.
        let range = try #require(BenchmarkTable.range(numerator: 2.0, denominator: [2.0, 20.0],
                                                      numeratorIsCount: false, numeratorInDenominator: true))
        #expect(abs(range.low * 100 - 1.95 / 22.0 * 100) < 1e-9)
        #expect(abs(range.high * 100 - 2.05 / 22.0 * 100) < 1e-9)
        // Caseload: 300 cases are exact; 20.0 case holders ±0.05 give 14.98 to 15.04.
        let caseload = try #require(BenchmarkTable.range(numerator: 300, denominator: [20.0],
                                                         numeratorIsCount: true, numeratorInDenominator: false))
        #expect(abs(caseload.low - 300 / 20.05) < 1e-9 && abs(caseload.high - 300 / 19.95) < 1e-9)
        #expect(BenchmarkTable.range(numerator: 0, denominator: [0], numeratorIsCount: false,
                                     numeratorInDenominator: false) == nil)
    }

    @Test func reportsAPublishedRateOutsideTheRangeAtItsCell() {
        let header = "time_period,geographic_level,country_name,region_name,la_name,inpost_fte,vacancy_fte,vacancy_rate_fte"
        // 10 / (10 + 90) = 10.0%, and the rounded inputs allow 9.95 to 10.05: 10.0 matches, 10.3 does not.
        let text = [header, "2020,National,England,,,90.0,10.0,10.0", "2021,National,England,,,90.0,10.0,10.3"]
            .joined(separator: "\n")
        var log = DiagnosticLog()
        let table = BenchmarkTable.load(SourceFile(path: "b.csv", relativePath: "workforce/benchmarks.csv", text: text),
                                        log: &log)
        let mismatches = table.recomputeCheck(log: &log)
        #expect(mismatches.map(\.row.year) == [2021])
        #expect(log.entries.map(\.location.description) == ["b.csv:3:\(WorkforceTesting.column(of: 7, in: "2021,National,England,,,90.0,10.0,10.3"))"])
        #expect(log.entries.first?.message.contains("vacancy_rate_fte is 10.3") == true)
    }
}

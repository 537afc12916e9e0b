import Foundation
import Testing
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The sample content in `Content/workforce`: three clean snapshots (a tidy CSV, an Excel
/// workbook and an outline TSV, as HR sends them) and one CSV with the four realistic errors
/// of the issue, and the two totals they leave off their parts.
@Suite struct WorkforceSampleContentTests {
    static func load() -> (Workforce, DiagnosticLog) { WorkforceTesting.loadSample() }

    @Test func loadsFourSnapshotsInDateOrder() {
        let (workforce, _) = Self.load()
        #expect(workforce.snapshots.map(\.asAt.description) == ["2017-09-30", "2018-03-31", "2018-09-30", "2019-09-30"])
        #expect(workforce.snapshots.allSatisfy { $0.areas.count == 7 })
        #expect(workforce.snapshots.first?.areas.first?.name == "Referral & Assessment")
        #expect(workforce.benchmarks?.rows.count == 6)
    }

    @Test func cleanSnapshotsHaveNoDiagnostics() {
        let (_, log) = Self.load()
        for file in ["2017-09-30.xlsx", "2019-09-30.csv"] {
            let mine = log.entries.filter { $0.location.path.hasSuffix(file) }
            #expect(mine.isEmpty, "\(file): \(mine.map(\.formatted))")
        }
        // The outline return says only how it is read.
        let outline = log.entries.filter { $0.location.path.hasSuffix("2018-09-30.tsv") }
        #expect(outline.map(\.code) == [WorkforceDiagnosticCode.outlineLayout], "\(outline.map(\.formatted))")
        // Outside the snapshots nothing is reported: the sample's DfE rows (2017 to 2019) all
        // match their own columns.
        let others = log.entries.filter { !$0.location.path.contains("snapshots/") }
        #expect(others.isEmpty, "\(others.map(\.formatted))")
    }

    /// The workbook and the outline give every row of the tidy layout, totals included, with
    /// figures read from their own cells (the workbook's rates as percent-formatted fractions).
    @Test func theWorkbookAndTheOutlineAreReadInFull() throws {
        let (workforce, _) = Self.load()
        for date in ["2017-09-30", "2018-09-30"] {
            let snapshot = try #require(workforce.snapshot(at: CalendarDate(date)!))
            #expect(snapshot.areas.allSatisfy { $0.groups.count == 3 }, "\(date)")
            #expect(snapshot.rows.allSatisfy { row in row.figures.columns.allSatisfy { !row.figures[$0]!.suspect } }, "\(date)")
        }
        let workbook = try #require(workforce.snapshot(at: CalendarDate("2017-09-30")!))
        let outline = try #require(workforce.snapshot(at: CalendarDate("2018-09-30")!))
        // The outline's grand total is its second line; its first area row its third.
        #expect(outline.rows.first { $0.key == .directorate }?.line == 2)
        #expect(outline.areas.first?.total.line == 3 && outline.areas.first?.groups.map(\.line) == [4, 5, 6])
        #expect(outline.value(of: .vacancyRate, for: .directorate).value.map { ($0 * 10).rounded() / 10 } == 20.0)
        #expect(workbook.value(of: .vacancyRate, for: .directorate).value != nil)
    }

    @Test func theMarch2018SnapshotHasExactlyItsFourErrorsAndTheTotalsTheyUnsettle() {
        let (workforce, log) = Self.load()
        let mine = log.entries.filter { $0.location.path.hasSuffix("2018-03-31.csv") }
        // The sample's config accepts these known problems: reported as notes that say so.
        #expect(mine.allSatisfy { $0.severity == .note && $0.message.hasSuffix("(accepted in workforce/config.yaml: HR has been asked to re-issue the March 2018 export (request WF-0412))") })
        #expect(Set(mine.map(\.code)) == [
            WorkforceDiagnosticCode.vacantMismatch, WorkforceDiagnosticCode.rateAsFraction,
            WorkforceDiagnosticCode.unreadableCell, WorkforceDiagnosticCode.groupSum, WorkforceDiagnosticCode.areaSum,
        ])
        // Checks do not hide each other: Children in Need's total is off the vacant FTE of its
        // social workers, whose row is in doubt, and the grand total's agency FTE (47.0) is off
        // the area totals (48.0), among them Leaving Care & Adoption's, itself off its groups.
        let sums = mine.filter { [WorkforceDiagnosticCode.groupSum, WorkforceDiagnosticCode.areaSum].contains($0.code) }
        #expect(sums.map { "\($0.location.line):\($0.location.column)" } == ["9:34", "21:51", "30:49"])
        #expect(sums[0].message.contains("; the Social workers row is itself in doubt"))
        #expect(sums[2].message.contains("; the Leaving Care & Adoption and Fostering & Placements rows are themselves in doubt"))
        #expect(mine.count == 6, "\(mine.map(\.formatted))")
        #expect(workforce.snapshot(at: CalendarDate("2018-03-31")!)?.errorCount == 6)
    }

    @Test func suspectFiguresAreFlaggedNotShownAsSound() throws {
        let (workforce, _) = Self.load()
        let march = try #require(workforce.snapshot(at: CalendarDate("2018-03-31")!))
        // Children in Need social workers' vacant FTE is wrong: their vacancy rate is suspect.
        #expect(march.value(of: .vacancyRate, for: RowKey(area: "children-in-need", group: "social-workers")).suspect)
        #expect(march.value(of: .vacancyRate, for: .directorate).suspect)
        // The unreadable agency FTE leaves that row's agency rate unavailable and suspect.
        let fostering = march.value(of: .agencyRate, for: RowKey(area: "fostering-placements", group: "social-workers"))
        #expect(fostering.value == nil && fostering.suspect)
        // A rate typed as a fraction does not touch the figures: the recomputed rate is sound.
        #expect(!march.value(of: .agencyRate, for: RowKey(area: "family-social-work", group: "social-workers")).suspect)
        // Clean snapshots carry no suspect measure anywhere.
        let clean = try #require(workforce.snapshot(at: CalendarDate("2018-09-30")!))
        #expect(clean.rows.allSatisfy { row in row.measures.values.allSatisfy { !$0.suspect } })
        #expect(clean.areas.allSatisfy { !$0.total.isComputed } && !clean.grandTotal.isComputed)
    }

    @Test func targetsAreRatedForTheLatestSnapshot() {
        let (workforce, _) = Self.load()
        let assessments = workforce.assessments()
        #expect(assessments.count == 5)
        #expect(assessments.allSatisfy { $0.status != .notAvailable })
        #expect(workforce.benchmarkRows(for: workforce.latest!).map(\.name) == ["England", "Outer London"])
    }
}

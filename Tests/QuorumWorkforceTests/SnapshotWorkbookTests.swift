import Foundation
import Testing
import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Snapshot workbooks (`workforce/snapshots/YYYY-MM-DD.xlsx`): read through QuorumOffice into
/// the records a CSV gives, so the CSV's checks apply unchanged, with each finding named by
/// its sheet and cell. The fixtures are made by Tests/Fixtures/workforce/xlsx/make-xlsx-snapshots.py
/// from valid.csv.
@Suite struct SnapshotWorkbookTests {
    typealias T = WorkforceTesting
    static let folder = T.fixtures.appendingPathComponent("xlsx")

    func load(_ name: String, config: WorkforceConfig = T.config) -> (snapshot: Snapshot?, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "Content/workforce/snapshots/2019-09-30.xlsx",
                              relativePath: "workforce/snapshots/2019-09-30.xlsx", text: "")
        var log = DiagnosticLog()
        let snapshot = Snapshot.load(file, workbook: Self.folder.appendingPathComponent(name), config: config,
                                     asOf: T.asOf, log: &log)
        return (snapshot, log.entries)
    }

    /// Every row's figures (value and suspect flag), by row: what the reports are built from.
    func figures(_ snapshot: Snapshot?) -> [String] {
        (snapshot?.rows ?? []).map { row in
            row.label + ": " + row.figures.columns.map { column in
                let figure = row.figures[column]!
                return "\(column.header)=\(figure.value.map { "\($0)" } ?? "-")\(figure.suspect ? "†" : "")"
            }.joined(separator: ", ")
        }
    }

    @Test func tidyWorkbookGivesTheFiguresOfTheSameCSV() throws {
        let (csv, csvDiagnostics) = T.loadFixture("valid.csv")
        let (xlsx, diagnostics) = load("valid.xlsx")
        #expect(csvDiagnostics.isEmpty)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(figures(xlsx).count == 10)  // 7 rows given, 3 directorate group rows computed
        #expect(figures(xlsx) == figures(csv))
    }

    // The rates are stored as fractions with a `0.0%` format: 0.171 is 17.1% (Alpha's total,
    // 6 / 35 = 17.14%), not a fraction typed by mistake, which the CSV path would flag.
    @Test func percentFormattedRateIsAPercentage() throws {
        let (snapshot, diagnostics) = load("valid.xlsx")
        #expect(!diagnostics.map(\.code).contains(WorkforceDiagnosticCode.rateAsFraction))
        let alpha = try #require(snapshot?.rows.first { $0.label == "Alpha / Total" })
        #expect(alpha.figures[.vacancyRate]?.value == 17.1)
        #expect(SnapshotWorkbook.percentText(0.2567) == "25.67%")
        #expect(SnapshotWorkbook.percentText(0.2) == "20%")
        #expect(SnapshotWorkbook.percentText(0.005) == "0.5%")
        #expect(SnapshotWorkbook.percentText(1.25) == "125%")
    }

    @Test func hiddenRowIsSkippedWithANote() throws {
        let (snapshot, diagnostics) = load("hidden-row.xlsx")
        #expect(diagnostics.map(\.code) == [WorkforceDiagnosticCode.hiddenRow])
        let note = try #require(diagnostics.first)
        #expect(note.severity == .note)
        #expect(note.location.cell == "Sheet1!A5" && note.location.line == 5)
        // The hidden "Working copy" row (budget 999) is not read: the figures are valid.csv's.
        #expect(figures(snapshot) == figures(T.loadFixture("valid.csv").snapshot))
    }

    @Test func formulaWithoutCachedValueIsAnErrorAtItsCell() throws {
        let (snapshot, diagnostics) = load("uncalculated-formula.xlsx")
        let error = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.uncalculatedFormula })
        #expect(error.severity == .error)
        #expect("\(error.location)" == "Content/workforce/snapshots/2019-09-30.xlsx:Sheet1!E9")
        #expect(error.location.line == 9 && error.location.column == 5)
        #expect(error.message.contains("=C9-D9"))
        #expect(error.formatted.hasPrefix("Content/workforce/snapshots/2019-09-30.xlsx:Sheet1!E9: error: "))
        // Reported once, not again as "not given"; the blank row 2 is skipped; and the grand
        // total's Vacant FTE is not a silent zero but a suspect figure.
        #expect(diagnostics.filter { $0.location.cell == "Sheet1!E9" }.count == 1, "\(diagnostics)")
        let vacant = try #require(snapshot?.grandTotal.figures[.vacantFTE])
        #expect(vacant.value == nil && vacant.suspect)
    }

    @Test func badNumberIsLocatedAtItsCell() throws {
        let (snapshot, diagnostics) = load("bad-number.xlsx")
        #expect(diagnostics.map(\.code).first == WorkforceDiagnosticCode.unreadableCell)
        let error = try #require(diagnostics.first)
        #expect(error.location.cell == "Sheet1!D2")
        #expect(error.message.contains("'Employee FTE' is 'sixteen'"))
        let row = try #require(snapshot?.rows.first { $0.line == 2 })
        #expect(row.figures[.employeeFTE]?.suspect == true)
    }

    @Test func jsonCarriesRowAndColumnAndCSVOutputIsUnchanged() throws {
        let (_, diagnostics) = load("bad-number.xlsx")
        let json = DiagnosticFormat.json.render(Array(diagnostics.prefix(1)), summary: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entry = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["line"] as? Int == 2 && entry["column"] as? Int == 4)
        #expect(entry["cell"] as? String == "Sheet1!D2")

        // A CSV's diagnostics print as before: path:line:col, and no `cell` key in JSON.
        let (_, csv) = T.loadFixture("stray-text.csv")
        let location = try #require(csv.first?.location)
        #expect("\(location)" == "\(location.path):\(location.line):\(location.column)")
        #expect(!DiagnosticFormat.json.render(csv, summary: nil).contains("\"cell\""))
    }

    @Test func configuredSheetIsRead() throws {
        var config = T.config
        config.snapshotSheet = "HR return"
        let (snapshot, diagnostics) = load("named-sheet.xlsx", config: config)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(figures(snapshot) == figures(T.loadFixture("valid.csv").snapshot))
        // Without the key the first sheet, a cover page, is read and has no header.
        #expect(load("named-sheet.xlsx").diagnostics.contains { $0.code == WorkforceDiagnosticCode.missingColumn })
        config.snapshotSheet = "Figures"
        let (missing, errors) = load("named-sheet.xlsx", config: config)
        #expect(missing == nil)
        #expect(errors.map(\.code) == [WorkforceDiagnosticCode.unreadableWorkbook])
        #expect(errors.first?.location == SourceLocation(path: "Content/workforce/snapshots/2019-09-30.xlsx"))
        #expect(errors.first?.message.contains("Figures") == true)
    }

    @Test func fileThatIsNotAWorkbookIsAnErrorAtItsPath() throws {
        let (snapshot, diagnostics) = load("make-xlsx-snapshots.py")
        #expect(snapshot == nil)
        #expect(diagnostics.map(\.code) == [WorkforceDiagnosticCode.unreadableWorkbook])
        #expect(diagnostics.first?.message.contains("not an xlsx workbook") == true)
    }

    @Test func csvAndWorkbookForTheSameDateIsAnErrorNamingBoth() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshots = root.appendingPathComponent("workforce/snapshots")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: T.fixtures.appendingPathComponent("valid.csv"),
                                         to: snapshots.appendingPathComponent("2019-09-30.csv"))
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("valid.xlsx"),
                                         to: snapshots.appendingPathComponent("2019-09-30.xlsx"))
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: T.asOf, log: &log)
        #expect(workforce.snapshots.count == 1)
        let error = try #require(log.entries.first { $0.code == WorkforceDiagnosticCode.duplicateSnapshot })
        #expect(error.location.path == "Content/workforce/snapshots/2019-09-30.xlsx")
        #expect(error.message.contains("Content/workforce/snapshots/2019-09-30.csv"))
    }
}

import Foundation
import Testing
import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// `quorum snapshots check|normalize`: files outside a content folder read as a build reads
/// them, and the tidy CSV that normalize writes.
@Suite struct LooseSnapshotTests {
    typealias T = WorkforceTesting
    static let xlsx = T.fixtures.appendingPathComponent("xlsx")

    /// Every row's figures (value, suspect, and for rates the value only), by row.
    func figures(_ snapshot: Snapshot?) -> [String] {
        (snapshot?.rows ?? []).map { row in
            row.label + ": " + row.figures.columns.map { column in
                let figure = row.figures[column]!
                return "\(column.header)=\(figure.value.map { "\($0)" } ?? "-")\(figure.suspect ? "†" : "")"
            }.joined(separator: ", ")
        }
    }

    func write(_ text: String, _ name: String, in folder: URL) -> URL {
        let url = folder.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url
    }

    func normalize(_ url: URL, date: CalendarDate? = nil, config: WorkforceConfig = T.config,
                   strict: Bool = false) -> (LooseSnapshot.Normalized, [Diagnostic]) {
        var log = DiagnosticLog()
        let result = LooseSnapshot.normalize(url, displayPath: url.lastPathComponent, date: date, config: config,
                                             asOf: T.asOf, strict: strict, log: &log)
        return (result, log.entries)
    }

    /// Reads a normalized CSV back the way a build reads `workforce/snapshots/`.
    func readBack(_ csv: String, config: WorkforceConfig = T.config) -> (Snapshot?, [Diagnostic]) {
        T.load([String(csv.dropLast())], config: config)
    }

    @Test func workbookNormalizesToTheTidyCSVWithRatesAsPercentages() throws {
        let (result, diagnostics) = normalize(Self.xlsx.appendingPathComponent("valid.xlsx"), date: CalendarDate("2019-09-30"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(result.rowCount == 7)
        #expect(result.csv == """
            Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %
            Alpha,Managers,5,4,1,20%,1,20%
            Alpha,Social workers,20,16,4,20%,3,15.8%
            Alpha,Others (non social work posts),10,9,1,10%,0,0%
            Alpha,Total,35,29,6,17.1%,4,12.1%
            Beta,Social workers,10,8,2,20%,2,20%
            Beta,Total,10,8,2,20%,2,20%
            Grand total,Total,45,37,8,17.8%,6,14%

            """)
    }

    // The round trip: normalize's output, read back, gives the same figures, bit for bit,
    // for a workbook (percent-formatted fractions) and for a CSV typed by hand.
    @Test func normalizedCSVReadsBackToTheSameFigures() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        let typed = write("""
            Team,Group,Budgeted FTE,Employees FTE,Vacant FTE,Vacancy %,Agency FTE,Agency rate,Days lost,Cases
            Alpha, Total managers ,5.00,4.0,1.0,20.00%,1.0,20%,12.25,-
            Alpha,Total social workers,20.0,16.0,4.0,20.0,3.0,15.8%,1.1,340
            Alpha,Total 'others' (non sw posts),10.0,9.0,1.0,10.0%,0.0,0.0%,,n/a
            Beta,Total social workers,"1,010.5",1010.4,0.1,0.01%,0.0,0.0%,0.3,2
            Grand total,,1045.5,1039.4,6.1,0.58%,4.0,0.4%,13.65,342

            """, "2019-09-30.csv", in: folder)
        for (url, date) in [(typed, CalendarDate?.none), (Self.xlsx.appendingPathComponent("valid.xlsx"), CalendarDate("2019-09-30"))] {
            var log = DiagnosticLog()
            let original = LooseSnapshot.load(url, displayPath: "x", date: date, config: T.config, asOf: T.asOf, log: &log)
            #expect(!log.hasErrors, "\(log.entries)")
            let (result, _) = normalize(url, date: date)
            let csv = try #require(result.csv)
            let (back, diagnostics) = readBack(csv)
            #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
            #expect(figures(back) == figures(original))
            #expect(figures(back).count > 5)
            // Typed places are kept (they set a rate's rounding allowance); names are the config's.
            if date == nil {
                #expect(csv.contains("Alpha,Managers,5.00,4.0,1.0,20.00%,1.0,20%,,12.25\n"))
                #expect(csv.contains("Beta,Social workers,1010.5,1010.4,0.1,0.01%,"))
                #expect(csv.hasPrefix("Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %,Cases,Days lost\n"))
                // Normalizing the normalized CSV changes nothing.
                let again = write(csv, "2019-09-30-tidy.csv", in: folder)
                #expect(normalize(again, date: CalendarDate("2019-09-30")).0.csv == csv)
            }
        }
    }

    @Test func numbersAreWrittenWithTheirTypedPlacesOrExactly() {
        #expect(TidySnapshotCSV.number(6, decimals: 1) == "6.0")
        #expect(TidySnapshotCSV.number(25.669999999999998, decimals: 15) == "25.669999999999998")
        #expect(TidySnapshotCSV.number(0.1 + 0.2, decimals: 1) == "0.30000000000000004")
        #expect(TidySnapshotCSV.number(1e-7, decimals: 0) == "0.0000001")
        #expect(TidySnapshotCSV.field("Fostering, Adoption") == "\"Fostering, Adoption\"")
        #expect(TidySnapshotCSV.field("Say \"hi\"") == "\"Say \"\"hi\"\"\"")
    }

    @Test func errorsWriteNothingWarningsDoUnlessStrict() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        let bad = write(T.header + "\nAlpha,Total social workers,20.0,16.0,4.0,20.0%,3 fte,15.8%\n", "2019-09-30.csv", in: folder)
        let (failed, errors) = normalize(bad)
        #expect(failed.csv == nil)
        #expect(errors.map(\.code) == [WorkforceDiagnosticCode.unreadableCell])
        #expect(errors.first?.location.path == "2019-09-30.csv")

        let warned = write(T.header + "\nGamma,Total social workers,20.0,16.0,4.0,20.0%,3.0,15.8%\n", "2019-10-31.csv", in: folder)
        let (written, warnings) = normalize(warned)
        #expect(warnings.map(\.code) == [WorkforceDiagnosticCode.unknownArea])
        #expect(written.csv?.contains("Gamma,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%") == true)
        #expect(normalize(warned, strict: true).0.csv == nil)
    }

    @Test func theDateComesFromTheNameOrIsGiven() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        let june = write(try String(contentsOf: T.fixtures.appendingPathComponent("valid.csv"), encoding: .utf8),
                         "june-return.csv", in: folder)
        let (undated, diagnostics) = normalize(june)
        #expect(undated.csv == nil)
        #expect(diagnostics.map(\.code) == [WorkforceDiagnosticCode.fileName])
        #expect(diagnostics.first?.message.contains("--date") == true)
        var log = DiagnosticLog()
        let dated = LooseSnapshot.load(june, displayPath: "june-return.csv", date: CalendarDate("2017-06-30"),
                                       config: T.config, asOf: T.asOf, log: &log)
        #expect(dated?.asAt == CalendarDate("2017-06-30"))
        #expect(log.entries.isEmpty)
        // A date after --as-of is the build's error.
        _ = LooseSnapshot.load(june, displayPath: "june-return.csv", date: CalendarDate("2021-06-30"),
                               config: T.config, asOf: T.asOf, log: &log)
        #expect(log.entries.map(\.code) == [WorkforceDiagnosticCode.futureSnapshot])
    }

    @Test func otherFilesAreRefusedOrReportedAtTheirPath() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        var log = DiagnosticLog()
        let pdf = write("%PDF", "2019-09-30.pdf", in: folder)
        #expect(LooseSnapshot.load(pdf, displayPath: "a.pdf", date: nil, config: T.config, asOf: T.asOf, log: &log) == nil)
        #expect(log.entries.map(\.code) == [WorkforceDiagnosticCode.snapshotFileType])
        log = DiagnosticLog()
        let latin1 = folder.appendingPathComponent("2019-09-30.csv")
        try Data([0x41, 0x72, 0x65, 0x61, 0xE9, 0x0A]).write(to: latin1)
        #expect(LooseSnapshot.load(latin1, displayPath: "b.csv", date: nil, config: T.config, asOf: T.asOf, log: &log) == nil)
        #expect(log.entries.map(\.code) == ["not-utf8"])
        log = DiagnosticLog()
        for name in ["2019-09-30.xlsx", "2019-10-31.csv"] {
            _ = LooseSnapshot.load(folder.appendingPathComponent("missing/" + name), displayPath: name, date: nil,
                                   config: T.config, asOf: T.asOf, log: &log)
        }
        #expect(log.entries.map(\.code) == ["unreadable-file", "unreadable-file"])
        #expect(log.entries.map(\.location.path) == ["2019-09-30.xlsx", "2019-10-31.csv"])
    }

    @Test func theConfigComesFromTheContentFolderWhenItHasOne() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        var log = DiagnosticLog()
        #expect(LooseSnapshot.config(content: folder, displayRoot: "Content", log: &log).areas.isEmpty)
        writeTree(["workforce/config.yaml": "areas:\n  - name: Alpha\n    aliases: [A team]\nbogus: 1\n"], in: folder)
        let config = LooseSnapshot.config(content: folder, displayRoot: "Content", log: &log)
        #expect(config.areas.map(\.name) == ["Alpha"])
        #expect(log.entries.map(\.location.path) == ["Content/workforce/config.yaml"])
    }

    @Test func theOutputMayNeverBeTheInput() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        let input = write("x", "2019-09-30.csv", in: folder)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        let hard = folder.appendingPathComponent("hard.csv")
        try FileManager.default.linkItem(at: input, to: hard)
        for output in [input, folder.appendingPathComponent("./sub/../2019-09-30.csv"), link, hard] {
            #expect(LooseSnapshot.overwriteRefusal(input: input, output: output, outputDisplay: "o")?.code
                        == WorkforceDiagnosticCode.normalizeOverwrite, "\(output.path)")
        }
        #expect(LooseSnapshot.overwriteRefusal(input: input, output: folder.appendingPathComponent("tidy.csv"),
                                               outputDisplay: "o") == nil)
        var log = DiagnosticLog()
        #expect(!LooseSnapshot.write("a\n", to: folder.appendingPathComponent("no/such/folder.csv"), outputDisplay: "o", log: &log))
        #expect(log.entries.map(\.code) == [WorkforceDiagnosticCode.normalizeWrite])
    }

    @Test func theCommandsPrintLikeCheckAndExitWithItsCodes() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        writeTree(["Content/workforce/config.yaml": "areas:\n  - name: Alpha\n  - name: Beta\n"], in: folder)
        let workbook = folder.appendingPathComponent("june.xlsx")
        try FileManager.default.copyItem(at: Self.xlsx.appendingPathComponent("valid.xlsx"), to: workbook)

        let written = try QuorumCommand.run(["snapshots", "normalize", "june.xlsx", "--date", "2019-09-30",
                                             "--output", "2019-09-30.csv", "--as-of", "2020-01-01"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr == "Wrote 7 rows of june.xlsx to 2019-09-30.csv, 0 errors, 0 warnings\n")
        let csv = try String(contentsOf: folder.appendingPathComponent("2019-09-30.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("Area,Staff group,Budgeted FTE,") && csv.contains("\nAlpha,Total,35,29,6,17.1%,4,12.1%\n"))

        // The CSV on standard output; JSON diagnostics then on standard error.
        let piped = try QuorumCommand.run(["snapshots", "normalize", "2019-09-30.csv", "--format", "json"], in: folder)
        #expect(piped.status == 0 && piped.stdout == csv)
        #expect(piped.stderr.contains("\"summary\" : \"Wrote 7 rows of 2019-09-30.csv to standard output"))

        let refused = try QuorumCommand.run(["snapshots", "normalize", "2019-09-30.csv", "--output", "./2019-09-30.csv"], in: folder)
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("./2019-09-30.csv:1:1: error: the output is the input file"))
        let undated = try QuorumCommand.run(["snapshots", "normalize", "june.xlsx", "--output", "tidy.csv"], in: folder)
        #expect(undated.status == 1 && undated.stderr.contains("[workforce-file-name]"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tidy.csv").path))

        // check: an unknown area (Gamma is not in the config) warns; --strict fails on it.
        writeTree(["2019-10-31.csv": T.header + "\nGamma,Total managers,5.0,4.0,1.0,20.0%,1.0,20.0%\n"], in: folder)
        let checked = try QuorumCommand.run(["snapshots", "check", "2019-09-30.csv", "2019-10-31.csv", "--format", "json"], in: folder)
        #expect(checked.status == 0, "\(checked.stdout)")
        #expect(checked.stdout.contains("\"code\" : \"workforce-unknown-area\"") && checked.stdout.contains("\"path\" : \"2019-10-31.csv\""))
        #expect(checked.stdout.contains("Checked 2 snapshot files, 0 errors, 1 warning"))
        let strict = try QuorumCommand.run(["snapshots", "check", "2019-10-31.csv", "--strict"], in: folder)
        #expect(strict.status == 1 && strict.stderr.contains("2019-10-31.csv:2:1: warning: unknown area 'Gamma'"))
        let noConfig = try QuorumCommand.run(["snapshots", "check", "2019-10-31.csv", "--content", "Nowhere"], in: folder)
        #expect(noConfig.status == 64 && noConfig.stderr.hasPrefix("Nowhere:1:1: error: the content folder does not exist"))
    }
}

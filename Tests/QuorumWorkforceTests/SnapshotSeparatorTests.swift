import Foundation
import Testing
import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Snapshot text files with any separator (`CSVSeparator`): comma, tab or semicolon, told
/// from the header line, with decimal commas in semicolon files, and every cell still
/// located exactly. The figures of each are checked against the comma-separated fixture.
@Suite struct SnapshotSeparatorTests {
    typealias T = WorkforceTesting
    static let commaLines = try! String(contentsOf: T.fixtures.appendingPathComponent("valid.csv"), encoding: .utf8)
        .split(separator: "\n").map(String.init)

    /// Every row's figures (value and suspect flag): what the reports are built from.
    static func figures(_ snapshot: Snapshot?) -> [String] {
        (snapshot?.rows ?? []).map { row in
            row.label + ": " + row.figures.columns.map { column in
                let figure = row.figures[column]!
                return "\(column.header)=\(figure.value.map { "\($0)" } ?? "-")\(figure.suspect ? "†" : "")"
            }.joined(separator: ", ")
        }
    }

    static let expectedFigures = figures(T.load(commaLines).snapshot)

    /// The fixture with semicolons between cells and decimal commas: `20,0%`.
    static let semicolonLines = commaLines.map {
        $0.replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
    }
    static let tabLines = commaLines.map { $0.replacingOccurrences(of: ",", with: "\t") }

    @Test func theFixtureIsSoundAndItsFiguresAreRead() {
        #expect(Self.expectedFigures.count == 10)
        #expect(Self.expectedFigures.first == "Alpha / Managers: Budgeted FTE=5.0, Employee FTE=4.0, Vacant FTE=1.0, Vacancy rate %=20.0, Agency FTE=1.0, Agency %=20.0")
        #expect(T.load(Self.commaLines).diagnostics.isEmpty)
    }

    @Test func aSemicolonFileIsReadWithDecimalCommasAndANoteSaysSo() {
        let (snapshot, diagnostics) = T.load(Self.semicolonLines)
        #expect(Self.figures(snapshot) == Self.expectedFigures)
        #expect(diagnostics.map(\.formatted) == [
            "Content/workforce/snapshots/2019-09-30.csv:1:1: note: the file is read as semicolon-separated, as its header line is; a comma in a number is its decimal mark (12,5 is 12.5; 1.234,5 is 1234.5) [workforce-separator]",
        ])
    }

    // 1,234.5 - 1,000.5 = 234.0 vacant; 234 / 1234.5 = 18.96%, typed 19,0%.
    @Test func aSemicolonFileReadsThousandsDotsOnlyBesideADecimalComma() throws {
        let header = Self.semicolonLines[0]
        let (snapshot, diagnostics) = T.load([header, "Alpha;Social workers;1.234,5;1000,5;234;19,0%;0;0,0%;"])
        #expect(diagnostics.map(\.code) == [WorkforceDiagnosticCode.separator])
        let row = try #require(snapshot?.row(RowKey(area: "alpha", group: "social-workers")))
        #expect(row.figures[.budgetedFTE]?.value == 1234.5)
        #expect(row.figures[.employeeFTE]?.value == 1000.5)
        #expect(row.figures[.vacancyRate]?.value == 19)

        // A dot decimal can only mean one thing, so is read as typed.
        let dots = T.load([header, "Alpha;Social workers;20.0;16,0;4;20%;3;15.8%"])
        #expect(dots.diagnostics.map(\.code) == [WorkforceDiagnosticCode.separator])
        #expect(dots.snapshot?.row(RowKey(area: "alpha", group: "social-workers"))?.figures[.budgetedFTE]?.value == 20)
    }

    @Test func aThousandWithADotInASemicolonFileIsNeverGuessed() throws {
        let line = "Alpha;Social workers;1.234;1000;234;19%;0;0%"
        let (snapshot, diagnostics) = T.load([Self.semicolonLines[0], line])
        let error = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.unreadableCell })
        #expect(error.formatted == "Content/workforce/snapshots/2019-09-30.csv:2:22: error: Alpha / Social workers: 'Budgeted FTE' is '1.234', which is not a number Quorum can be sure of: in this semicolon-separated file the decimal mark is a comma, so the dot may be a thousands separator or a decimal point; write it without the dot (1234) or with a decimal comma (1,234) [workforce-unreadable-cell]")
        let figure = try #require(snapshot?.row(RowKey(area: "alpha", group: "social-workers"))?.figures[.budgetedFTE])
        #expect(figure.value == nil && figure.suspect)
        #expect(CellValue("1.234", decimalComma: false) == .number(1.234, decimals: 3, percentSign: false))
        #expect(CellValue("0.625", decimalComma: true) == .number(0.625, decimals: 3, percentSign: false))
        #expect(CellValue("-1.234.567,25 %", decimalComma: true) == .number(-1_234_567.25, decimals: 2, percentSign: true))
        #expect(CellValue("1,2,3", decimalComma: true) == .unreadable)
        #expect(CellValue("12.345,6", decimalComma: true) == .number(12_345.6, decimals: 1, percentSign: false))
        #expect(CellValue("1234.567,8", decimalComma: true) == .unreadable)  // misplaced thousands dot
    }

    @Test func aCommaFileKeepsItsMeaning() throws {
        let h = T.header
        // 1,234 in a comma file is a thousand and more, as before; 20,0 (quoted) is unreadable.
        #expect(CellValue("1,234", decimalComma: false) == .number(1234, decimals: 0, percentSign: false))
        let quoted = "Alpha,Social workers,\"20,0\",16.0,4.0,20.0%,3.0,15.8%"
        let (_, diagnostics) = T.load([h, quoted])
        #expect(diagnostics.filter { $0.code == WorkforceDiagnosticCode.unreadableCell }.map(\.formatted) == [
            "Content/workforce/snapshots/2019-09-30.csv:2:22: error: Alpha / Social workers: 'Budgeted FTE' is '20,0', which is not a number (a decimal comma such as 12,5 is read only in a semicolon-separated file; write 12.5) [workforce-unreadable-cell]",
        ])
    }

    /// `12,5` unquoted in a comma file is two cells: every figure after it moves one column.
    @Test func aDecimalCommaThatSplitsACellIsAnErrorAndTheRowIsInDoubt() throws {
        let line = "Alpha,Social workers,20,5,16.0,4.5,22.0%,3.0,15.8%"
        let (snapshot, diagnostics) = T.load([T.header, line])
        let error = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.extraCells })
        let expected = "Content/workforce/snapshots/2019-09-30.csv:2:\(line.count - 4): error: Alpha / Social workers: the row has more cells than the header has columns ('15.8%' is beyond the last), so its figures may have moved; a decimal comma splits a figure in two in a comma-separated file (12,5 is read as 12 and 5): quote such figures (\"12,5\") or separate the cells with semicolons. Every figure of the row is in doubt [workforce-extra-cells]"
        #expect(error.formatted == expected)
        let row = try #require(snapshot?.row(RowKey(area: "alpha", group: "social-workers")))
        #expect(row.figures.values.allSatisfy { $0.suspect })
        // Empty cells past the header (Excel's trailing separators) are not figures.
        #expect(T.load([T.header, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%,,"]).diagnostics.isEmpty)
    }

    @Test func aTabFileNamedTSVOrTXTNeedsNoNoteButOneNamedCSVDoes() {
        for name in ["2019-09-30.tsv", "2019-09-30.txt"] {
            let (snapshot, diagnostics) = T.load(Self.tabLines, name: name)
            #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.formatted))")
            #expect(Self.figures(snapshot) == Self.expectedFigures)
        }
        let (snapshot, diagnostics) = T.load(Self.tabLines)
        #expect(Self.figures(snapshot) == Self.expectedFigures)
        #expect(diagnostics.map(\.formatted) == [
            "Content/workforce/snapshots/2019-09-30.csv:1:1: note: the file is read as tab-separated, as its header line is [workforce-separator]",
        ])
        // And a .tsv of commas is said to be comma-separated.
        #expect(T.load(Self.commaLines, name: "2019-09-30.tsv").diagnostics.map(\.message)
            == ["the file is read as comma-separated, as its header line is"])
        // Thousands commas in a tab file are read as in a comma file.
        let thousands = T.load([Self.tabLines[0], "Alpha\tSocial workers\t1,200\t1,000\t200\t16.7%\t0\t0%"], name: "2019-09-30.tsv")
        #expect(thousands.diagnostics.isEmpty)
        #expect(thousands.snapshot?.row(RowKey(area: "alpha", group: "social-workers"))?.figures[.budgetedFTE]?.value == 1200)
    }

    @Test func positionsStayExactWithEverySeparator() throws {
        // Vacant 4.2 is not 20.0 - 16.0: reported at the fifth cell.
        let cells = ["\"Ünï; cödé\tÁrea\"", "Social workers", "20.0", "16.0", "4.2", "20.0%", "3.0", "15.8%"]
        for (separator, name) in [(",", "a.csv"), ("\t", "a.tsv"), (";", "a.csv")] {
            let line = cells.joined(separator: separator)
            let (_, diagnostics) = T.load([Self.commaLines[0].replacingOccurrences(of: ",", with: separator), line],
                                          name: "2019-09-30." + (name as NSString).pathExtension)
            let error = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.vacantMismatch })
            let column = cells.prefix(4).map { $0.unicodeScalars.count + 1 }.reduce(1, +)
            #expect(error.location.line == 2 && error.location.column == column, "\(separator): \(error.formatted)")
        }
    }

    @Test func everyLineEndKeepsLinesAndColumns() throws {
        // Line ends reach the reader as line feeds (`SourceFile`); CSVTable reads any of them itself too.
        let table = CSVTable(detectingSeparatorIn: "a\tb\rc\t\"d\r\nx\"\r\ne\tf")
        #expect(table.separator == .tab)
        #expect(table.records.map { $0.map(\.text) } == [["a", "b"], ["c", "d\r\nx"], ["e", "f"]])
        #expect(table.records.map { $0.map { "\($0.line):\($0.column)" } } == [["1:1", "1:3"], ["2:1", "2:3"], ["4:1", "4:3"]])
        for lineEnd in ["\r\n", "\r"] {
            let lines = Self.semicolonLines.prefix(2) + ["Alpha;Social workers;20,0;16,0;4,2;20,0%;3,0;15,8%"]
            let file = SourceFile(path: "s.csv", relativePath: "workforce/snapshots/2019-09-30.csv",
                                  text: lines.joined(separator: lineEnd) + lineEnd)
            var log = DiagnosticLog()
            _ = Snapshot.load(file, config: T.config, asOf: T.asOf, log: &log)
            let error = try #require(log.entries.first { $0.code == WorkforceDiagnosticCode.vacantMismatch })
            #expect("\(error.location)" == "s.csv:3:32")
        }
    }

    /// SplitMix64: the same random files on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// Random files of every separator, line end and awkward cell: each cell CSV.swift reads
    /// starts where `CellPositions` says (so every diagnostic's place is right), and every
    /// finding points inside the file.
    @Test func cellPositionsAgreeWithTheParserForEverySeparatorAndLineEnd() {
        var random = Random(state: 15)
        let cells = ["Alpha", "Social workers", "20,5", "1.234,5", "12.5", "", " ", "-", "\"a;b,c\td\"", "\"x\ny\"",
                     "\"say \"\"hi\"\"\"", "Ünï 😀", "25,7%", "n/a"]
        for iteration in 0..<300 {
            let separator = random.pick([",", "\t", ";"])
            let lineEnd = random.pick(["\n", "\r\n", "\r"])
            var lines = [Self.commaLines[0].replacingOccurrences(of: ",", with: separator)]
            for _ in 0..<random.pick([0, 1, 3]) {
                lines.append((0..<random.pick([1, 7, 8, 9])).map { _ in random.pick(cells) }
                    .joined(separator: random.pick([separator, separator, separator, ","])))
            }
            let text = lines.joined(separator: lineEnd) + random.pick(["", lineEnd])
            let normalized = SourceFile(path: "s.csv", relativePath: "s.csv", text: text).text
            let sourceLines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
            for cell in CSVTable(detectingSeparatorIn: normalized).records.joined() where !cell.text.isEmpty {
                let start = sourceLines[cell.line - 1].dropFirst(cell.column - 1)
                let expected = Array(cell.text.unicodeScalars.prefix(1))
                #expect(start.first == "\"" || Array(start.prefix(1)) == expected,
                        "iteration \(iteration): \(cell) in \(text.debugDescription)")
            }
            let file = SourceFile(path: "s.csv", relativePath: "workforce/snapshots/2019-09-30.csv", text: text)
            var log = DiagnosticLog()
            _ = Snapshot.load(file, config: T.config, asOf: T.asOf, log: &log)
            for entry in log.entries {
                let line = entry.location.line
                #expect(line >= 1 && line <= sourceLines.count, "iteration \(iteration): \(entry.formatted)")
                guard line >= 1, line <= sourceLines.count else { continue }
                #expect(entry.location.column >= 1 && entry.location.column <= sourceLines[line - 1].count + 2,
                        "iteration \(iteration): \(entry.formatted) in \(text.debugDescription)")
            }
        }
    }

    @Test func aHeaderWithAsManyOfTwoSeparatorsIsSaidSo() {
        let (_, diagnostics) = T.load(["Area,Staff group;Budgeted FTE", "Alpha,Social workers;20"])
        #expect(diagnostics.first?.formatted == "Content/workforce/snapshots/2019-09-30.csv:1:1: note: the file is read as comma-separated, as its header line is (its header line has as many of another separator: check that its columns are right) [workforce-separator]")
        #expect(diagnostics.map(\.code).contains(WorkforceDiagnosticCode.missingColumn))
        #expect(CSVSeparator.detect(in: "\n;;\n\"a,b,c\";x;y\n1,2,3,4,5") == (.semicolon, false))
        #expect(CSVSeparator.detect(in: "") == (.comma, false))
    }
}

/// Snapshot files as they come in a content folder: `.csv`, `.tsv` and `.txt`, UTF-8 or
/// UTF-16 with its byte order mark; other encodings and two files for one date are errors.
@Suite struct SnapshotFileTests {
    typealias T = WorkforceTesting

    func load(_ files: [String: [UInt8]]) -> (workforce: Workforce, diagnostics: [String]) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        for (name, bytes) in files {
            let url = root.appendingPathComponent("workforce/snapshots/" + name)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(bytes).write(to: url)
        }
        writeTree(["workforce/config.yaml": "areas:\n  - name: Alpha\n  - name: Beta\n"], in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: T.asOf, log: &log)
        return (workforce, log.sorted.map(\.formatted))
    }

    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// Excel's "Unicode text": UTF-16 LE with its byte order mark, tabs, CR LF.
    @Test func excelUnicodeTextIsRead() throws {
        let text = SnapshotSeparatorTests.tabLines.joined(separator: "\r\n") + "\r\n"
        let (workforce, diagnostics) = load(["2019-09-30.txt": Self.utf16LE(text)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(SnapshotSeparatorTests.figures(workforce.latest) == SnapshotSeparatorTests.expectedFigures)
        // A UTF-8 byte order mark and semicolons, as Excel's "CSV UTF-8" writes in Europe.
        let semicolons = [0xEF, 0xBB, 0xBF] + Array(SnapshotSeparatorTests.semicolonLines.joined(separator: "\r\n").utf8)
        let european = load(["2019-09-30.csv": semicolons])
        #expect(SnapshotSeparatorTests.figures(european.workforce.latest) == SnapshotSeparatorTests.expectedFigures)
        #expect(european.diagnostics.count == 1 && european.diagnostics[0].hasSuffix("[workforce-separator]"))
    }

    @Test func otherEncodingsAreLocatedErrorsAndGiveNoFigures() {
        // "Área" in Windows-1252 (Á is 0xC1) on line 2; UTF-16 LE without its byte order mark.
        let windows = Array((T.header + "\n").utf8) + [0xC1] + Array("rea,Social workers,20.0".utf8)
        let noMark = Array(Self.utf16LE(T.header).dropFirst(2))
        let (workforce, diagnostics) = load(["2019-06-30.csv": windows, "2019-09-30.txt": noMark])
        #expect(workforce.snapshots.isEmpty)
        #expect(diagnostics == [
            "Content/workforce/snapshots/2019-06-30.csv:2:1: error: the file is not UTF-8 text: the byte 0xC1 ('Á' in Windows-1252) here is not UTF-8; it looks like Windows-1252 or another 8-bit encoding (Excel's plain 'CSV'); save it as UTF-8 (in Excel: 'CSV UTF-8') [not-utf8]",
            "Content/workforce/snapshots/2019-09-30.txt:1:2: error: the file holds a NUL byte here: it looks like UTF-16 LE without its byte order mark; save it as UTF-8 (in Excel: 'CSV UTF-8'), or as Unicode text with its byte order mark [not-utf8]",
        ])
    }

    /// A row that stops early is missing its last cells: in a sheet, each is named as Excel
    /// names it (G2), not counted past the text of the last cell given.
    @Test func aShortRowsMissingCellIsNamedWhereItIs() throws {
        let file = SourceFile(path: "Content/workforce/snapshots/2019-09-30.xlsx",
                              relativePath: "workforce/snapshots/2019-09-30.xlsx", text: "")
        var log = DiagnosticLog()
        _ = Snapshot.load(file, workbook: T.fixtures.appendingPathComponent("xlsx/short-row.xlsx"), config: T.config,
                          asOf: T.asOf, log: &log)
        let missing = log.entries.filter { $0.code == WorkforceDiagnosticCode.missingCell }.map(\.formatted)
        #expect(missing == [
            "Content/workforce/snapshots/2019-09-30.xlsx:Sheet1!G2: error: Alpha / Managers: 'Agency FTE' is not given; every row needs it [workforce-missing-cell]",
        ])
        // In a text file, past the last cell given.
        let line = "Alpha,Social workers,20.0,16.0,4.0"
        let text = T.load([T.header, line]).diagnostics.filter { $0.code == WorkforceDiagnosticCode.missingCell }
        #expect(text.map { "\($0.location)" } == ["Content/workforce/snapshots/2019-09-30.csv:2:\(line.count + 2)"])
    }

    @Test func twoFilesForOneDateIsAnErrorNamingBoth() {
        let comma = Array((SnapshotSeparatorTests.commaLines.joined(separator: "\n") + "\n").utf8)
        let tab = Array((SnapshotSeparatorTests.tabLines.joined(separator: "\n") + "\n").utf8)
        let (workforce, diagnostics) = load(["2019-09-30.csv": comma, "2019-09-30.tsv": tab, "2019-06-30.txt": tab])
        #expect(workforce.snapshots.map(\.path) == ["Content/workforce/snapshots/2019-06-30.txt",
                                                    "Content/workforce/snapshots/2019-09-30.csv"])
        #expect(diagnostics == [
            "Content/workforce/snapshots/2019-09-30.tsv:1:1: error: Content/workforce/snapshots/2019-09-30.csv is already the snapshot at 2019-09-30; this one is ignored [workforce-duplicate-snapshot]",
        ])
    }
}

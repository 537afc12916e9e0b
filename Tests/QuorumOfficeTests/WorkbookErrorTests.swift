import Foundation
import Testing
@testable import QuorumOffice

/// Every way a workbook can be broken gives a thrown `WorkbookError` with a clear message.
@Suite struct WorkbookErrorTests {
    func error(_ body: () throws -> Any) -> WorkbookError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? WorkbookError
        }
    }

    @Test func aCorruptZipIsNotAWorkbook() throws {
        let random = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        guard case .notAZipArchive = error({ try Workbook(data: random) }) else {
            Issue.record("random bytes were read as a workbook")
            return
        }
        #expect(error({ try Workbook(data: Data()) })?.description.hasPrefix("not an xlsx workbook") == true)
        // A real workbook cut in half has lost its zip directory.
        let whole = try Data(contentsOf: TestWorkbook.fixtures.appendingPathComponent("hr-return.xlsx"))
        guard case .notAZipArchive = error({ try Workbook(data: whole.prefix(whole.count / 2)) }) else {
            Issue.record("a truncated zip was read")
            return
        }
    }

    @Test func aDamagedEntryIsReportedNotRead() throws {
        var parts = TestWorkbook.parts(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        parts["xl/worksheets/sheet1.xml"] = String(repeating: "<!-- padding -->", count: 200) + (parts["xl/worksheets/sheet1.xml"] ?? "")
        var bytes = [UInt8](try TestWorkbook.zip(parts))
        // Flip bytes inside the sheet's compressed data (the sheet is the largest entry).
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let start = try #require((0..<bytes.count - name.count).first { Array(bytes[$0..<$0 + name.count]) == name })
        for offset in 40..<60 { bytes[start + name.count + offset] ^= 0x5A }
        let workbook = try Workbook(data: Data(bytes))
        let failure = try #require(error({ try workbook.worksheet() }))
        guard case .notAZipArchive(let detail) = failure else {
            Issue.record("unexpected error \(failure)")
            return
        }
        #expect(detail.contains("xl/worksheets/sheet1.xml"))
    }

    @Test func missingPartsAreNamed() throws {
        var parts = TestWorkbook.parts(sheetData: "")
        parts["xl/workbook.xml"] = nil
        parts["_rels/.rels"] = nil
        #expect(error({ try Workbook(data: TestWorkbook.zip(parts)) }) == .missingPart("xl/workbook.xml"))

        parts = TestWorkbook.parts(sheetData: "")
        parts["xl/_rels/workbook.xml.rels"] = nil
        #expect(error({ try Workbook(data: TestWorkbook.zip(parts)) }) == .missingPart("xl/_rels/workbook.xml.rels"))

        parts = TestWorkbook.parts(sheetData: "")
        parts["xl/worksheets/sheet1.xml"] = nil
        let workbook = try Workbook(data: TestWorkbook.zip(parts))
        let failure = error({ try workbook.worksheet() })
        #expect(failure == .missingPart("xl/worksheets/sheet1.xml"))
        #expect(failure?.description == "the workbook has no xl/worksheets/sheet1.xml part; save it again from Excel as .xlsx")
    }

    @Test func withoutPackageRelationshipsTheUsualWorkbookPartIsRead() throws {
        var parts = TestWorkbook.parts(sheetData: "<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>")
        parts["_rels/.rels"] = nil
        #expect(try TestWorkbook.sheet(parts).cell(at: ref("A1"))?.value == .number(7))
    }

    @Test func malformedXMLGivesThePartAndLine() throws {
        let parts = TestWorkbook.parts(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        let failure = try #require(error({ try TestWorkbook.sheet(parts) }))
        guard case .malformedPart(let part, let line, _, _) = failure else {
            Issue.record("unexpected error \(failure)")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(line == 2)
        #expect(failure.description.hasPrefix("xl/worksheets/sheet1.xml:2:"))
        #expect(failure.description.contains("malformed XML"))
    }

    @Test func malformedStructuredPartsAreNamed() throws {
        var parts = TestWorkbook.parts(sheetData: "")
        parts["xl/workbook.xml"] = "this is not XML"
        guard case .malformedPart(part: "xl/workbook.xml", _, _, _) = error({ try Workbook(data: TestWorkbook.zip(parts)) }) else {
            Issue.record("a workbook.xml that is not XML was read")
            return
        }
        parts = TestWorkbook.parts(sheetData: "", sheetsXML: "<sheets/>")
        #expect(error({ try Workbook(data: TestWorkbook.zip(parts)) })?.description
            == "xl/workbook.xml: malformed XML: the workbook lists no sheets")
        parts = TestWorkbook.parts(sheetData: "", sheetsXML: "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId9\"/></sheets>")
        #expect(error({ try Workbook(data: TestWorkbook.zip(parts)) })?.description.contains("'rId9'") == true)
        parts = TestWorkbook.parts(sheetData: "", styles: "<cellXfs><xf numFmtId=\"nine\"/></cellXfs>")
        guard case .malformedPart(part: "xl/styles.xml", _, _, _) = error({ try Workbook(data: TestWorkbook.zip(parts)) }) else {
            Issue.record("a style with a bad numFmtId was read")
            return
        }
    }

    @Test func aDocumentTypeDeclarationIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!-- a comment before it -->
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <sst xmlns="\(TestWorkbook.spreadsheetML)"><si><t>&lol2;</t></si></sst>
            """
        var parts = TestWorkbook.parts(sheetData: "", sharedStrings: [])
        parts["xl/sharedStrings.xml"] = laughs
        let failure = error({ try Workbook(data: TestWorkbook.zip(parts)) })
        #expect(failure?.description.contains("document type declaration") == true)
        #expect(failure?.description.hasPrefix("xl/sharedStrings.xml") == true)
    }

    @Test func aDocumentTypeDeclarationIsRefusedInUTF16Too() throws {
        // The prolog check reads UTF-16 parts too (OPC allows them; Excel writes UTF-8).
        let laughs = """
            <?xml version="1.0" encoding="UTF-16"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol">]>
            <sst xmlns="\(TestWorkbook.spreadsheetML)"><si><t>&lol;</t></si></sst>
            """
        var parts = TestWorkbook.parts(sheetData: "", sharedStrings: []).mapValues { Data($0.utf8) }
        parts["xl/sharedStrings.xml"] = laughs.data(using: .utf16)
        let failure = error({ try Workbook(data: TestWorkbook.zip(parts)) })
        #expect(failure?.description.contains("document type declaration") == true, "\(String(describing: failure))")

        // Without a DTD, a UTF-16 part reads; a UTF-32 one is refused.
        let strings = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><sst xmlns=\"\(TestWorkbook.spreadsheetML)\"><si><t>Área</t></si></sst>"
        parts["xl/sharedStrings.xml"] = strings.data(using: .utf16)
        parts["xl/worksheets/sheet1.xml"] = Data(TestWorkbook.parts(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")["xl/worksheets/sheet1.xml"]?.utf8 ?? "".utf8)
        #expect(try Workbook(data: TestWorkbook.zip(parts)).worksheet().cell(at: ref("A1"))?.value == .text("Área"))
        parts["xl/sharedStrings.xml"] = strings.data(using: .utf32LittleEndian)
        #expect(error({ try Workbook(data: TestWorkbook.zip(parts)) })?.description
            == "xl/sharedStrings.xml: malformed XML: the part is neither UTF-8 nor UTF-16 text")
    }

    @Test func aZipBombStopsAtThePartLimit() throws {
        let sheet = "<worksheet xmlns=\"\(TestWorkbook.spreadsheetML)\"><sheetData>"
            + String(repeating: "<row/>", count: 400_000) + "</sheetData></worksheet>"
        var parts = TestWorkbook.parts(sheetData: "")
        parts["xl/worksheets/sheet1.xml"] = sheet
        let zip = try TestWorkbook.zip(parts)
        #expect(zip.count < 100_000)   // 2.4 MB packed small: a (mild) zip bomb
        let limits = WorkbookLimits(maximumPartSize: 1_000_000, maximumCells: 1_000)
        let expected = WorkbookError.partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 1_000_000)
        // The size the headers declare is checked first...
        #expect(error({ try Workbook(data: zip, limits: limits).worksheet() }) == expected)
        // ...and a header that lies is caught as the bytes come.
        let lying = TestWorkbook.declaringUncompressedSize(1_000, in: zip)
        #expect(error({ try Workbook(data: lying, limits: limits).worksheet() }) == expected)
        #expect(expected.description == "xl/worksheets/sheet1.xml unpacks to more than 1 MB, the limit for a part; not read")
        // Within the standard limits the same sheet reads (and is empty).
        #expect(try Workbook(data: zip).worksheet().rows.count == 400_000)
    }

    @Test func tooManyCellsIsAnError() throws {
        let row = (1...11).map { "<c><v>\($0)</v></c>" }.joined()
        let parts = TestWorkbook.parts(sheetData: "<row>\(row)</row>")
        let limits = WorkbookLimits(maximumPartSize: 1_000_000, maximumCells: 10)
        #expect(error({ try TestWorkbook.sheet(parts, limits: limits) }) == .tooManyCells(sheet: "Sheet1", limit: 10))
        #expect(try TestWorkbook.sheet(parts).rows.first?.cells.count == 11)
    }

    @Test func aHugeDimensionCostsOnlyTheCellsThere() throws {
        let parts = TestWorkbook.parts(
            sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>2</v></c></row>")
        var sheetPart = parts
        sheetPart["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]?
            .replacingOccurrences(of: "<sheetData>", with: "<dimension ref=\"A1:XFD1048576\"/><sheetData>")
        let sheet = try TestWorkbook.sheet(sheetPart)
        #expect(sheet.rows.map(\.number) == [1, 1_048_576])
        #expect(sheet.cell(at: try ref("XFD1048576"))?.value == .number(2))
    }

    @Test(arguments: [
        ("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "bad reference 'XFE1'"),
        ("<row r=\"1048577\"/>", "bad reference '1048577'"),
        ("<row r=\"2\"/><row r=\"1\"/>", "row 1 comes after row 2"),
        ("<row r=\"1\"><c r=\"B1\"/><c r=\"A1\"/></row>", "the cell comes after column B"),
        ("<row r=\"1\"><c r=\"A2\"/></row>", "the cell is inside row 1"),
        ("<row r=\"1\"/><mergeCells/>", nil),
    ])
    func badReferencesAreErrors(sheetData: String, message: String?) throws {
        let failure = error({ try TestWorkbook.sheet(TestWorkbook.parts(sheetData: sheetData)) })
        if let message {
            #expect(failure?.description.contains(message) == true, "\(String(describing: failure))")
        } else {
            #expect(failure == nil)
        }
    }

    @Test func aBadMergedRangeIsAnError() throws {
        let parts = TestWorkbook.parts(sheetData: "", sheetExtras: "<mergeCells><mergeCell ref=\"A1:ZZZZ1\"/></mergeCells>")
        #expect(error({ try TestWorkbook.sheet(parts) })?.description
            == "sheet Sheet1: bad reference 'A1:ZZZZ1': not a merged range such as A1:G1")
    }

    @Test(arguments: [
        ("<c r=\"E9\" t=\"s\"><v>5</v></c>", [String](), "Sheet1!E9: shared string 5 is not in the shared string table (0 strings)"),
        ("<c r=\"E9\" s=\"4\"><v>1</v></c>", ["<si><t>a</t></si>"], "Sheet1!E9: style index 4 is not in styles.xml"),
        ("<c r=\"E9\"><v>12,5</v></c>", [], "Sheet1!E9: the number '12,5' is not a number"),
        ("<c r=\"E9\" t=\"b\"><v>yes</v></c>", [], "Sheet1!E9: the boolean 'yes' is neither 0 nor 1"),
        ("<c r=\"E9\" t=\"x\"><v>1</v></c>", [], "Sheet1!E9: unknown cell type t=\"x\""),
    ])
    func badCellsNameTheirCell(cell: String, strings: [String], message: String) throws {
        let parts = TestWorkbook.parts(sheetData: "<row r=\"9\">\(cell)</row>", sharedStrings: strings,
                                       styles: "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/></cellXfs>")
        let failure = error({ try TestWorkbook.sheet(parts) })
        #expect(failure?.description == message)
        if case .badCell(let sheet, let reference, _) = failure {
            #expect(sheet == "Sheet1")
            #expect(reference.column == 5 && reference.row == 9)
        } else {
            Issue.record("not a cell error: \(String(describing: failure))")
        }
    }

    @Test func sheetChoiceErrors() throws {
        let workbook = try TestWorkbook.fixture("hr-return.xlsx")
        #expect(error({ try workbook.worksheet(named: "June") })?.description
            == "the workbook has no sheet named 'June'; its sheets are 'Sheet1', 'Notes', 'Empty', 'Lookup'")

        var parts = TestWorkbook.parts(sheetData: "", sheetsXML: """
            <sheets><sheet name="Chart" sheetId="1" r:id="rId7"/><sheet name="Sheet1" sheetId="2" state="hidden" r:id="rId1"/></sheets>
            """)
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"]?.replacingOccurrences(
            of: "</Relationships>",
            with: "<Relationship Id=\"rId7\" Type=\"\(TestWorkbook.relationshipsNS)/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>")
        let charts = try Workbook(data: TestWorkbook.zip(parts))
        #expect(charts.sheets.map(\.kind) == [.other("chartsheet"), .worksheet])
        #expect(error({ try charts.worksheet() }) == .noWorksheet)
        #expect(error({ try charts.worksheet(named: "Chart") }) == .notAWorksheet("Chart"))
        #expect(try charts.worksheet(named: "sheet1").name == "Sheet1")
    }

    @Test func aFileLargerThanThePartLimitIsNotRead() {
        let url = TestWorkbook.fixtures.appendingPathComponent("hr-return.xlsx")
        let limits = WorkbookLimits(maximumPartSize: 4_000, maximumCells: 10)
        let failure = error({ try Workbook(contentsOf: url, limits: limits) })
        #expect(failure == .fileTooLarge(path: url.path, limit: 4_000))
        #expect(failure?.description == "\(url.path): the file is larger than 4000 bytes, the limit for a workbook; not read")
    }

    @Test func anUnreadableFileIsNamed() {
        let missing = URL(fileURLWithPath: "/nonexistent/2017-06-30.xlsx")
        guard case .unreadableFile(let path, _) = error({ try Workbook(contentsOf: missing) }) else {
            Issue.record("a missing file was read")
            return
        }
        #expect(path == missing.path)
    }
}

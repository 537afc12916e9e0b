import Foundation
import Testing
@testable import QuorumOffice

/// Details of cell contents that the openpyxl fixtures do not produce.
@Suite struct SheetContentTests {
    @Test func sharedStringsKeepSpacesDropPhoneticsAndUnescape() throws {
        let strings = [
            "<si><t xml:space=\"preserve\">  two spaces </t></si>",
            "<si><r><t>東京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>",
            "<si><t>line_x000D_break and _x005F_x</t></si>",
            "<si><t><![CDATA[a < b]]></t></si>",
        ]
        let cells = (0..<strings.count).map { "<c r=\"A\($0 + 1)\" t=\"s\"><v>\($0)</v></c>" }
        let sheetData = cells.enumerated().map { "<row r=\"\($0.offset + 1)\">\($0.element)</row>" }.joined()
        let sheet = try TestWorkbook.sheet(TestWorkbook.parts(sheetData: sheetData, sharedStrings: strings))
        #expect(try sheet.cell(at: ref("A1"))?.value == .text("  two spaces "))
        #expect(try sheet.cell(at: ref("A2"))?.value == .text("東京"))
        #expect(try sheet.cell(at: ref("A3"))?.value == .text("line\rbreak and _x"))
        #expect(try sheet.cell(at: ref("A4"))?.value == .text("a < b"))
    }

    @Test func prefixedElementNamesAreRead() throws {
        var parts = TestWorkbook.parts(sheetData: "")
        parts["xl/worksheets/sheet1.xml"] = """
            <x:worksheet xmlns:x="\(TestWorkbook.spreadsheetML)"><x:sheetData><x:row r="1">\
            <x:c r="B1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
            """
        #expect(try TestWorkbook.sheet(parts).cell(at: ref("B1"))?.value == .text("prefixed"))
    }

    @Test func formulaResultsOfEveryType() throws {
        let sheet = try TestWorkbook.sheet(TestWorkbook.parts(sheetData: """
            <row r="1">\
            <c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>\
            <c r="B1" t="str"><f>""</f><v></v></c>\
            <c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
            <c r="D1" t="b"><f>TRUE()</f><v>1</v></c>\
            <c r="E1"><f t="shared" si="0"/></c>\
            </row>
            """))
        #expect(try sheet.cell(at: ref("A1"))?.value == .text("ab"))
        #expect(try sheet.cell(at: ref("A1"))?.formula == CellFormula(text: "\"a\"&\"b\"", hasCachedValue: true))
        // A formula whose result is the empty text has a cached value.
        #expect(try sheet.cell(at: ref("B1"))?.formula?.hasCachedValue == true)
        #expect(try sheet.cell(at: ref("C1"))?.value == .error("#DIV/0!"))
        #expect(try sheet.cell(at: ref("D1"))?.value == .bool(true))
        #expect(try sheet.cell(at: ref("E1"))?.formula == CellFormula(text: "", hasCachedValue: false))
    }

    @Test func rowsWithoutNumbersFollowThePreviousRow() throws {
        let sheet = try TestWorkbook.sheet(TestWorkbook.parts(sheetData: """
            <row r="3"><c><v>1</v></c></row><row><c><v>2</v></c><c r="D4"><v>3</v></c><c><v>4</v></c></row>
            """))
        #expect(sheet.rows.flatMap(\.cells).map(\.reference.description) == ["A3", "A4", "D4", "E4"])
    }

    @Test func hiddenColumnSpansStopAtTheGridEdge() throws {
        let parts = TestWorkbook.parts(sheetData: "", sheetExtras: "")
        var withColumns = parts
        withColumns["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"]?.replacingOccurrences(
            of: "<sheetData>",
            with: "<cols><col min=\"2\" max=\"3\" hidden=\"1\"/><col min=\"5\" max=\"5\" width=\"9\"/><col min=\"16000\" max=\"16384\" hidden=\"true\"/></cols><sheetData>")
        let hidden = try TestWorkbook.sheet(withColumns).hiddenColumns
        #expect(hidden.count == 2 + 385)
        #expect(hidden.contains(2) && hidden.contains(3) && !hidden.contains(5) && hidden.contains(16_384))
    }

    @Test func aWorkbookWithoutStylesIsAllGeneral() throws {
        let sheet = try TestWorkbook.sheet(TestWorkbook.parts(sheetData: "<row r=\"1\"><c r=\"A1\"><v>0.25</v></c></row>"))
        #expect(try sheet.cell(at: ref("A1"))?.format == .general)
    }
}

@Suite struct PrettyPrintedSheetTests {
    @Test func valuesMayBeSurroundedByLineBreaks() throws {
        let sheet = try TestWorkbook.sheet(TestWorkbook.parts(sheetData: """

              <row r="1">
                <c r="A1">
                  <v>
                    12.5
                  </v>
                </c>
                <c r="B1" t="b"><v>
            0
            </v></c>
              </row>

            """))
        #expect(try sheet.cell(at: ref("A1"))?.value == .number(12.5))
        #expect(try sheet.cell(at: ref("B1"))?.value == .bool(false))
    }
}

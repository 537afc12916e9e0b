import Foundation
import Testing
@testable import QuorumOffice

/// The committed workbooks written by openpyxl (Fixtures/make-xlsx-fixtures.py).
@Suite struct WorkbookFixtureTests {
    let workbook: Workbook
    let sheet: Worksheet

    init() throws {
        workbook = try TestWorkbook.fixture("hr-return.xlsx")
        sheet = try workbook.worksheet()
    }

    func cell(_ reference: String) throws -> Cell {
        try #require(sheet.cell(at: try ref(reference)))
    }

    @Test func listsSheetsInTabOrderWithTheirVisibility() {
        #expect(workbook.sheets.map(\.name) == ["Sheet1", "Notes", "Empty", "Lookup"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .visible, .visible, .hidden])
        #expect(workbook.sheets.allSatisfy { $0.kind == .worksheet })
        #expect(workbook.sheets[0].part == "xl/worksheets/sheet1.xml")
        #expect(workbook.dateSystem == .from1900)
    }

    @Test func readsTheFirstSheetOrOneByName() throws {
        #expect(sheet.name == "Sheet1")
        let notes = try workbook.worksheet(named: "notes")
        #expect(notes.name == "Notes")
        #expect(notes.cell(at: try ref("A1"))?.value == .text("Figures as at 30 June 2017"))
        let plain = try #require(notes.cell(at: try ref("B2")))
        #expect(plain.value == .number(0.2567))
        #expect(plain.format.kind == .general)
        // A hidden sheet is still read when it is asked for by name.
        #expect(try workbook.worksheet(named: "Lookup").rows.count == 1)
    }

    @Test func anEmptySheetHasNoRows() throws {
        let empty = try workbook.worksheet(named: "Empty")
        #expect(empty.rows.isEmpty)
        #expect(empty.mergedRanges.isEmpty)
    }

    @Test func readsSharedRichAndInlineStrings() throws {
        #expect(try cell("A3").value == .text("Grand Total for all CSC"))
        #expect(try cell("E2").value == .text("Vacancy rate %"))
        // Rich text: the runs joined, spaces kept.
        #expect(try cell("A8").value == .text("Source: HR system"))
        #expect(try cell("A10").value == .text("Inline"))
    }

    @Test func numbersKeepTheirPercentFormat() throws {
        let vacancyRate = try cell("E3")
        #expect(vacancyRate.value == .number(0.257))
        #expect(vacancyRate.format.kind == .percent)
        #expect(vacancyRate.format.code == "0.0%")
        #expect(vacancyRate.format.id == 164)
        let agency = try cell("G3")
        #expect(agency.value == .number(0.293))
        #expect(agency.format == NumberFormat(id: 10, code: "0.00%"))
        #expect(try cell("E7").format.id == 9)
        #expect(try cell("E7").format.kind == .percent)
        let budgeted = try cell("B3")
        #expect(budgeted.value == .number(350.4))
        #expect(budgeted.format.kind == .general)
        #expect(budgeted.formula == nil)
    }

    @Test func formulasGiveTheirCachedValueOrSayTheyHaveNone() throws {
        let cached = try cell("D3")
        #expect(cached.value == .number(90.1))
        #expect(cached.formula == CellFormula(text: "B3-C3", hasCachedValue: true))
        let uncached = try cell("D5")
        #expect(uncached.value == .empty)
        #expect(uncached.formula == CellFormula(text: "B5-C5", hasCachedValue: false))
    }

    @Test func blankBooleanErrorAndNumberStoredAsText() throws {
        let blank = try cell("G7")
        #expect(blank.value == .empty)
        #expect(blank.format.kind == .percent)
        #expect(try cell("B8").value == .bool(true))
        #expect(try cell("C8").value == .error("#DIV/0!"))
        let asText = try cell("F8")
        #expect(asText.value == .text("108.0"))
        #expect(asText.format.kind == .text)
        #expect(asText.numberStoredAsText == 108)
        #expect(try cell("A3").numberStoredAsText == nil)
        #expect(try cell("B3").numberStoredAsText == nil)
        // A cell the file does not store at all.
        #expect(sheet.cell(at: try ref("E8")) == nil)
    }

    @Test func cellsWithoutReferencesFollowThePreviousCell() throws {
        let row = try #require(sheet.rows.first { $0.number == 10 })
        #expect(row.cells.map(\.reference.description) == ["A10", "B10", "C10", "D10"])
        #expect(row.cells.map(\.value) == [.text("Inline"), .number(1), .number(2), .number(3)])
    }

    @Test func datesAreSerialsWithADateFormat() throws {
        let date = try cell("B9")
        #expect(date.value == .number(42_916))
        #expect(date.format.kind == .date)
        #expect(sheet.dateComponents(of: date)?.text == "2017-06-30 00:00:00")
        #expect(sheet.dateComponents(of: try cell("C9"))?.text == "2017-06-30 14:30:00")
        #expect(try cell("D9").format.id == 14)
        #expect(try cell("D9").format.kind == .date)
    }

    @Test func mergedHeaderShowsItsTopLeftValue() throws {
        #expect(sheet.mergedRanges.map(\.description) == ["A1:G1"])
        let d1 = try ref("D1")
        #expect(sheet.cell(at: d1) == nil)
        #expect(sheet.mergedRange(containing: d1)?.description == "A1:G1")
        let shown = try #require(sheet.displayedCell(at: d1))
        #expect(shown.reference.description == "A1")
        #expect(shown.value == .text("Children's Services workforce, June 2017"))
        #expect(sheet.displayedCell(at: try ref("A2"))?.value == .text("Area"))
    }

    @Test func hiddenRowsAndColumnsAreMarked() throws {
        #expect(sheet.hiddenRows == [6])
        #expect(sheet.rows.first { $0.number == 6 }?.isHidden == true)
        #expect(sheet.rows.first { $0.number == 6 }?.cells.first?.value == .text("Total social workers"))
        #expect(sheet.hiddenColumns == [8])
    }

    @Test func opensTheSameFromDataAsFromAFile() throws {
        let data = try Data(contentsOf: TestWorkbook.fixtures.appendingPathComponent("hr-return.xlsx"))
        #expect(try Workbook(data: data).worksheet() == sheet)
    }

    @Test func the1904DateSystemAndAHiddenFirstSheet() throws {
        let workbook = try TestWorkbook.fixture("dates-1904.xlsx")
        #expect(workbook.dateSystem == .from1904)
        #expect(workbook.sheets.map(\.visibility) == [.hidden, .visible])
        let dates = try workbook.worksheet()
        #expect(dates.name == "Dates")
        let cell = try #require(dates.cell(at: try ref("A1")))
        #expect(cell.value == .number(41_454))
        #expect(dates.dateComponents(of: cell)?.text == "2017-06-30 00:00:00")
    }
}

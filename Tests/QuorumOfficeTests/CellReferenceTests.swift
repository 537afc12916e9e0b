import Testing
@testable import QuorumOffice

@Suite struct CellReferenceTests {
    @Test(arguments: [("A", 1), ("Z", 26), ("AA", 27), ("AZ", 52), ("BA", 53), ("ZZ", 702),
                      ("AAA", 703), ("XFD", 16_384)])
    func columnLettersRoundTrip(letters: String, number: Int) {
        #expect(CellReference.columnNumber(letters) == number)
        #expect(CellReference.columnNumber(letters.lowercased()) == number)
        #expect(CellReference.columnLetters(number) == letters)
    }

    @Test(arguments: ["", "XFE", "AAAA", "A1", "É"])
    func columnLettersOutsideTheGrid(letters: String) {
        #expect(CellReference.columnNumber(letters) == nil)
    }

    @Test func parsesA1References() throws {
        let e9 = try ref("E9")
        #expect(e9.column == 5 && e9.row == 9)
        #expect(e9.description == "E9")
        #expect(CellReference("$E$9") == e9)
        #expect(CellReference("e9") == e9)
        let last = try ref("XFD1048576")
        #expect(last.column == 16_384 && last.row == 1_048_576)
        #expect(CellReference("AA10")?.column == 27)
    }

    @Test(arguments: ["", "9", "E", "E0", "E09", "XFE1", "A1048577", "AAAA1", "E9x", "1E", "E-1", "E 9"])
    func rejectsMalformedReferences(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func qualifiesWithTheSheetAsExcelWrites() throws {
        let e9 = try ref("E9")
        #expect(e9.qualified(bySheet: "Sheet1") == "Sheet1!E9")
        #expect(e9.qualified(bySheet: "HR return") == "'HR return'!E9")
        #expect(e9.qualified(bySheet: "O'Brien") == "'O''Brien'!E9")
        #expect(e9.qualified(bySheet: "2017") == "'2017'!E9")
    }

    @Test func ordersByRowThenColumn() throws {
        let refs = ["B2", "A2", "C1"].compactMap { CellReference($0) }.sorted()
        #expect(refs.map(\.description) == ["C1", "A2", "B2"])
    }

    @Test func rangesParseInEitherOrderAndContainTheirCells() throws {
        let range = try #require(CellRange("A1:G1"))
        #expect(range.description == "A1:G1")
        #expect(CellRange("G1:A1") == range)
        #expect(CellRange("B2")?.description == "B2")
        #expect(range.contains(try ref("D1")))
        #expect(!range.contains(try ref("H1")))
        #expect(!range.contains(try ref("A2")))
        #expect(CellRange("A1:") == nil)
        #expect(CellRange("A1:B2:C3") == nil)
    }
}

import Testing
import QuorumTestSupport
@testable import QuorumWorkforce

/// Every measure, worked out by hand from the figures of one row.
@Suite struct WorkforceMeasureTests {
    static let header = WorkforceTesting.header + ",Starters FTE,Leavers FTE,Cases,Case holders FTE,Days lost,Headcount,ASYE"

    func row(_ cells: String) throws -> SnapshotRow {
        let (snapshot, _) = WorkforceTesting.load([Self.header, cells])
        return try #require(snapshot?.areas.first?.groups.first)
    }

    @Test func everyMeasureFromItsFigures() throws {
        // Budget 20.0, employees 16.0, agency 4.0, starters 3.0, leavers 2.4, 270 cases held
        // by 18.0 FTE, 144 days lost, 17 people, 2 ASYE.
        let r = try row("Alpha,Social workers,20.0,16.0,4.0,20.0%,4.0,20.0%,3.0,2.4,270,18.0,144,17,2")
        #expect(r.measure(.vacantFTE).value == 4.0)           // 20 - 16
        #expect(r.measure(.vacancyRate).value == 20.0)        // 4 / 20
        #expect(r.measure(.agencyRate).value == 20.0)         // 4 / (4 + 16), not 4 / 20 (also 20%)
        #expect(r.measure(.turnoverRate).value == 15.0)       // 2.4 / 16
        #expect(r.measure(.startersFTE).value == 3.0)
        #expect(r.measure(.leaversFTE).value == 2.4)
        #expect(r.measure(.caseload).value == 15.0)           // 270 / 18
        #expect(r.measure(.daysLostPerFTE).value == 9.0)      // 144 / 16
        #expect(r.measure(.headcount).value == 17)
        #expect(r.measure(.asye).value == 2)
        #expect(r.measures.values.allSatisfy { !$0.suspect })
    }

    @Test func agencyRateDenominatorIsAgencyPlusEmployees() throws {
        // Budget 25, employees 15, agency 5: DfE rate 5 / (5 + 15) = 25%, where 5 / 25 would be 20%.
        let r = try row("Alpha,Social workers,25.0,15.0,10.0,40.0%,5.0,25.0%,,,,,,,")
        #expect(r.measure(.agencyRate).value == 25.0)
        #expect(r.measure(.vacancyRate).value == 40.0)
    }

    @Test func vacantIsRecomputedNotTyped() throws {
        // Typed vacant 4.1 is within rounding of 20.0 - 15.9 = 4.1; the measure uses budget - employees.
        let r = try row("Alpha,Social workers,20.0,15.9,4.1,20.5%,0.0,0.0%,,,,,,,")
        #expect(abs(r.measure(.vacantFTE).value! - 4.1) < 1e-9)
        #expect(abs(r.measure(.vacancyRate).value! - 20.5) < 1e-9)
    }

    @Test func zeroDenominatorsAreNotAvailable() throws {
        let r = try row("Alpha,Social workers,0.0,0.0,0.0,-,0.0,-,0.0,0.0,0,0.0,0,0,0")
        for measure in [Measure.vacancyRate, .agencyRate, .turnoverRate, .caseload, .daysLostPerFTE] {
            let value = r.measure(measure)
            #expect(value.value == nil, "\(measure)")
            #expect(value.unavailableReason != nil && !value.suspect, "\(measure)")
        }
        #expect(r.measure(.vacancyRate).unavailableReason == "'Budgeted FTE' is 0")
        #expect(r.measure(.caseload).unavailableReason == "'Case holders FTE' is 0")
        // A zero numerator is a real zero.
        #expect(r.measure(.vacantFTE).value == 0)
    }

    @Test func missingInputsSayWhy() throws {
        let (snapshot, _) = WorkforceTesting.load([WorkforceTesting.header, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"])
        let r = try #require(snapshot?.areas.first?.groups.first)
        #expect(r.measure(.turnoverRate).value == nil)
        #expect(r.measure(.turnoverRate).unavailableReason == "the snapshot has no 'Leavers FTE' column")
        let given = try row("Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%,,n/a,,,,,")
        #expect(given.measure(.turnoverRate).unavailableReason == "'Leavers FTE' is not given")
    }
}

@Suite struct WorkforceCellAndHeaderTests {
    @Test func cellValues() {
        #expect(CellValue(" 12.5 ") == .number(12.5, decimals: 1, percentSign: false))
        #expect(CellValue("17.4%") == .number(17.4, decimals: 1, percentSign: true))
        #expect(CellValue("17 %") == .number(17, decimals: 0, percentSign: true))
        #expect(CellValue("1,234.56") == .number(1234.56, decimals: 2, percentSign: false))
        #expect(CellValue("-0.5") == .number(-0.5, decimals: 1, percentSign: false))
        for text in ["", "  ", "-", "n/a", "N/A", "x", "X"] { #expect(CellValue(text) == .notGiven, "\(text)") }
        for text in ["12.5 fte", "1,2", "#DIV/0!", "12..5", "five", "%"] { #expect(CellValue(text) == .unreadable, "\(text)") }
    }

    @Test func headersMatchIgnoringCaseAndSpacing() {
        #expect(SnapshotColumn.matching("  BUDGETED  fte ") == .budgetedFTE)
        #expect(SnapshotColumn.matching("Vacancy Rate (%)") == .vacancyRate)
        #expect(SnapshotColumn.matching("vacancy rate%") == .vacancyRate)
        #expect(SnapshotColumn.matching("Agency %") == .agencyRate)
        #expect(SnapshotColumn.matching("Agency rate %") == .agencyRate)
        #expect(SnapshotColumn.matching("Agency FTE") == .agencyFTE)
        #expect(SnapshotColumn.matching("Staff Group") == .staffGroup)
        #expect(SnapshotColumn.matching("Case-holders FTE") == .caseHoldersFTE)
        #expect(SnapshotColumn.matching("Budget") == nil)
        #expect(SnapshotColumn.matching("Agency") == nil)
    }

    @Test func groupAndTotalSpellings() {
        let config = WorkforceConfig()
        #expect(config.group(named: "Total managers")?.id == "managers")
        #expect(config.group(named: "Total social workers")?.id == "social-workers")
        #expect(config.group(named: "Total 'others' (non sw posts)")?.id == "others")
        #expect(config.group(named: "Auditors") == nil)
        #expect(WorkforceConfig.isTotal(group: " total "))
        #expect(config.isGrandTotal(area: "Grand Total for all CSC"))
        #expect(config.isGrandTotal(area: "GRAND TOTAL"))
        #expect(!config.isGrandTotal(area: "Children in Need"))
    }

    @Test func csvCellsKnowTheirLineAndColumn() {
        // A quoted cell with a comma, a doubled quote and a line break, then CRLF line ends.
        let text = "a,b,c\r\n\"x, \"\"y\"\"\nz\",2,3\r\n4,,6"
        let records = CSVTable(text: text).records
        #expect(records.map { $0.map(\.text) } == [["a", "b", "c"], ["x, \"y\"\nz", "2", "3"], ["4", "", "6"]])
        #expect(records[1].map(\.line) == [2, 3, 3])
        #expect(records[1].map(\.column) == [1, 4, 6])   // z",2,3 on line 3
        #expect(records[2].map(\.line) == [4, 4, 4])
        #expect(records[2].map(\.column) == [1, 3, 4])
    }
}

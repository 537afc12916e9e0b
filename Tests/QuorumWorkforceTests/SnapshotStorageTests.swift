import Testing
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Snapshot rows are held compactly (a folder can hold a thousand snapshots): figures in
/// slots by column, measures worked out when asked, cell positions without their path.
@Suite struct SnapshotStorageTests {
    typealias T = WorkforceTesting
    let h = WorkforceTesting.header

    @Test func everyNumericColumnHasItsOwnSlotInOrder() {
        #expect(SnapshotColumn.numericColumns.map(\.figureSlot) == Array(0..<SnapshotColumn.numericColumns.count))
        #expect(SnapshotColumn.area.figureSlot == nil && SnapshotColumn.staffGroup.figureSlot == nil)
    }

    @Test func aFigureStaysSmall() {
        #expect(MemoryLayout<Figure>.stride <= 24)
        #expect(MemoryLayout<Figure?>.stride <= 24)
    }

    @Test func figuresAreFoundByColumn() {
        var figures = SnapshotFigures()
        figures[.agencyRate] = Figure(computed: 2, suspect: false)
        figures[.budgetedFTE] = Figure(computed: 1, suspect: true)
        #expect(figures.columns == [.budgetedFTE, .agencyRate])
        #expect(figures.values.map(\.value) == [1, 2])
        #expect(figures[.area] == nil && figures[.vacantFTE] == nil)
    }

    @Test func measuresAreWorkedOutWhenAskedAndMarkedInDoubtForAFutureSnapshot() throws {
        let lines = [h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"]
        let sound = try #require(T.load(lines).snapshot)
        let future = try #require(T.load(lines, asOf: CalendarDate("2019-01-01")!).snapshot)
        let key = RowKey(area: "alpha", group: "social-workers")
        #expect(sound.value(of: .vacancyRate, for: key) == MeasureValue(value: 20))
        #expect(future.value(of: .vacancyRate, for: key) == MeasureValue(value: 20, suspect: true))
        let row = try #require(future.row(key))
        #expect(row.measures.count == Measure.allCases.count)
        #expect(row.measures.values.allSatisfy { $0.suspect })
        #expect(row.measures[.turnoverRate] == row.measure(.turnoverRate))
    }

    @Test func cellsAfterNonASCIITextAreCountedInCharacters() throws {
        let line = "\"Ünïcödé Área ✓\",Social workers,20.0,16.0,4.0,20.0%,3.0,0.158"
        let (_, d) = T.load([h, line])
        let fraction = try #require(d.first { $0.code == WorkforceDiagnosticCode.rateAsFraction })
        #expect(fraction.location.line == 2)
        #expect(fraction.location.column == Array(line.unicodeScalars).count - "0.158".count + 1)
        #expect(fraction.message.contains("'Agency %' is 0.158, a fraction"))
    }

    @Test func aFractionIsQuotedAsTyped() throws {
        // The third row is a duplicate: ignored, and the second is in doubt, yet still checked.
        let (_, d) = T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0, 0.1580 ",
                             "Beta,Social workers,20.0,16.0,4.0,20.0%,3.0, .158 ",
                             "Beta,Social workers,20.0,16.0,4.0,20.0%,3.0,0.16"])
        let messages = d.filter { $0.code == WorkforceDiagnosticCode.rateAsFraction }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.contains("'Agency %' is 0.1580, a fraction") == true, "\(messages)")
        #expect(messages.last?.hasPrefix("Beta / Social workers: 'Agency %' is .158, a fraction") == true, "\(messages)")
        #expect(d.contains { $0.code == WorkforceDiagnosticCode.duplicateRow })
    }

    @Test func cellMarksInAnyCaseAreNotGiven() {
        for text in ["-", "N/a", "n/A", "x", "X", "–", "—", " n/a ", "\u{00A0}x"] {
            #expect(CellValue(text) == .notGiven, "\(text)")
        }
        #expect(CellValue("12") == .number(12, decimals: 0, percentSign: false))
        #expect(CellValue(".5%") == .number(0.5, decimals: 1, percentSign: true))
        for text in ["-%", ".%", "-.", "n/ab", "xx", "1-", "+1"] { #expect(CellValue(text) == .unreadable, "\(text)") }
    }

    @Test func aSumAddsInOrderAndKnowsWhatIsMissing() {
        let a = Figure(computed: 0.1, suspect: false), b = Figure(computed: 0.2, suspect: false)
        let missing = Figure(computed: nil, suspect: false), unreadable = Figure(computed: nil, suspect: true)
        #expect(Figure.sum([a, b, a]).value == [0.1, 0.2, 0.1].reduce(0, +))
        #expect(Figure.sum([a, missing]).value == 0.1 && !Figure.sum([a, missing]).suspect)
        #expect(Figure.sum([missing]).value == nil)
        #expect(Figure.sum([a, unreadable]).value == nil && Figure.sum([a, unreadable]).suspect)
        #expect(Figure.sum([Figure]()).value == nil)
    }
}

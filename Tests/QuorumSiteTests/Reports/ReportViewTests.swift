import Testing
@testable import QuorumMicrosite
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The values the workforce tables hand to templates: suspect marks, "not available",
/// changes with their direction in words, RAG labels and the benchmark comparison.
@Suite struct ReportViewTests {
    typealias T = WorkforceTesting

    func cell(_ table: SnapshotTableView, area: String, group: String, column: String) -> ReportCell? {
        guard let c = table.columns.firstIndex(where: { $0.name == column }) else { return nil }
        return table.rows.first { $0.area == area && $0.group == group }?.cells[c]
    }

    @Test func aSnapshotWithAnErrorMarksItsSuspectFiguresAndACleanOneNone() throws {
        let clean = try #require(T.loadFixture("valid.csv").snapshot)
        let cleanTable = SnapshotTableView(clean)
        #expect(!cleanTable.hasSuspect)
        #expect(cleanTable.rows.allSatisfy { $0.cells.allSatisfy { $0.marker.isEmpty && !$0.suspect } })

        let broken = try #require(T.loadFixture("groups-do-not-sum.csv").snapshot)
        let table = SnapshotTableView(broken)
        #expect(table.hasSuspect)
        #expect(table.suspectNote == "† figure from a cell that failed validation; see data quality")
        let suspect = table.rows.flatMap(\.cells).filter(\.suspect)
        #expect(!suspect.isEmpty && suspect.allSatisfy { $0.marker == "†" })
    }

    @Test func theSampleMarch2018SnapshotShowsItsSuspectFigures() throws {
        let (workforce, _) = WorkforceTesting.loadSample()
        let march = SnapshotTableView(try #require(workforce.snapshot(at: CalendarDate("2018-03-31")!)))
        let vacancy = try #require(cell(march, area: "Children in Need", group: "Social workers", column: "Vacancy rate"))
        #expect(vacancy.suspect && vacancy.marker == "†" && vacancy.available)
        let agency = try #require(cell(march, area: "Fostering & Placements", group: "Social workers", column: "Agency rate"))
        #expect(agency.text == "not available" && agency.suspect)
        #expect(agency.note?.contains("could not be read") == true)
        let september = SnapshotTableView(try #require(workforce.snapshot(at: CalendarDate("2018-09-30")!)))
        #expect(!september.hasSuspect)
        // Turnover and caseload columns come with the snapshot's optional columns.
        #expect(september.columns.map(\.name) == ["Budgeted FTE", "Employee FTE", "Vacant FTE", "Vacancy rate",
                                                  "Agency FTE", "Agency rate", "Turnover rate", "Average caseload"])
        #expect(september.rows.last?.isGrandTotal == true && september.rows.last?.area == "Children's Social Care")
    }

    @Test func aZeroDenominatorIsNotAvailableWithItsReason() throws {
        let snapshot = try #require(T.load([T.header, "Alpha,Social workers,0.0,0.0,0.0,,0.0,"]).snapshot)
        let table = SnapshotTableView(snapshot, area: "alpha")
        #expect(table.columns.count == 6)   // no turnover or caseload columns in this export
        let vacancy = try #require(cell(table, area: "Alpha", group: "Social workers", column: "Vacancy rate"))
        #expect(vacancy.text == "not available" && !vacancy.available && !vacancy.suspect)
        #expect(vacancy.note == "not available: 'Budgeted FTE' is 0")
        let agency = try #require(cell(table, area: "Alpha", group: "Social workers", column: "Agency rate"))
        #expect(agency.note == "not available: no agency or employee FTE")
        #expect(table.hasUnavailable)
    }

    @Test func numbersHaveOneDecimalPlaceAndNeverMinusZero() {
        #expect(ReportNumber.value(17.449, unit: .percent) == "17.4%")
        #expect(ReportNumber.value(-0.01, unit: .percent) == "0.0%")
        #expect(ReportNumber.value(25, unit: .count) == "25")
        #expect(ReportNumber.change(-0.04, unit: .percent) == "0.0 pp")
        #expect(ReportNumber.change(1.26, unit: .percent) == "+1.3 pp")
        #expect(ReportNumber.change(-3, unit: .fte) == "-3.0 FTE")
        #expect(ReportNumber.change(0.5, unit: .casesPerWorker) == "+0.5 cases")
    }

    /// Alpha social workers: employees 16.0 then 17.0 of 20.0 budgeted; agency 3.0 both times.
    func comparison(targets: [Target] = []) throws -> (Workforce, SnapshotComparison) {
        let a = try #require(T.load([T.header, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"], name: "2018-09-30.csv").snapshot)
        let b = try #require(T.load([T.header, "Alpha,Social workers,20.0,17.0,3.0,15.0%,3.0,15.0%"], name: "2019-09-30.csv").snapshot)
        var config = T.config
        config.targets = targets
        let workforce = Workforce(config: config, snapshots: [a, b])
        return (workforce, workforce.comparison(from: a, to: b))
    }

    @Test func theChangeTableGivesSignsDirectionWordsAndBetterOrWorse() throws {
        let (_, comparison) = try comparison()
        let table = ChangeTableView(comparison, rowName: "All staff")
        #expect(table.caption == "Change from 30 September 2018 to 30 September 2019: All staff (changes in rates are in percentage points, pp)")
        func row(_ name: String) throws -> ChangeTableView.Row { try #require(table.rows.first { $0.measure == name }) }
        let vacancy = try row("Vacancy rate")
        #expect((vacancy.from.text, vacancy.to.text, vacancy.change.text) == ("20.0%", "15.0%", "-5.0 pp"))
        #expect((vacancy.direction, vacancy.assessment) == ("down", "better"))
        let employees = try row("Employee FTE")
        #expect((employees.change.text, employees.direction, employees.assessment) == ("+1.0 FTE", "up", "better"))
        let budget = try row("Budgeted FTE")
        #expect((budget.change.text, budget.direction, budget.assessment) == ("0.0 FTE", "no change", "neither better nor worse"))
        let agency = try row("Agency rate")
        #expect((agency.change.text, agency.direction, agency.assessment) == ("-0.8 pp", "down", "better"))
        #expect(!table.hasSuspect)
    }

    @Test func ragIsGivenInWordsAndShapeWithTheDirectionOfTravel() throws {
        let targets = [
            Target(measure: .vacancyRate, green: 15, amber: 25, label: "Vacancy"),
            Target(measure: .agencyRate, green: 10, amber: 15, label: "Agency"),
            Target(measure: .employeeFTE, polarity: .higherIsBetter, green: 20, amber: 18, label: "Employees"),
            Target(measure: .turnoverRate, green: 10, amber: 15, label: "Turnover"),
        ]
        let (workforce, _) = try comparison(targets: targets)
        let view = TargetTableView(targets: targets, snapshot: workforce.snapshots[1], previous: workforce.snapshots[0],
                                   config: workforce.config)
        #expect(view.rows.map(\.rag) == ["Green", "Amber", "Red", "Not available"])
        #expect(view.rows.map(\.ragSymbol) == ["●", "▲", "■", "○"])
        #expect(view.rows.map(\.ragClass) == ["green", "amber", "red", "not-available"])
        #expect(view.rows[0].thresholds == "Green at most 15.0%; amber at most 25.0%; otherwise red")
        #expect(view.rows[2].thresholds == "Green at least 20.0; amber at least 18.0; otherwise red")
        #expect((view.rows[0].previous.text, view.rows[0].change.text, view.rows[0].direction, view.rows[0].assessment)
                == ("20.0%", "-5.0 pp", "down", "better"))
        #expect(view.rows[3].value.text == "not available")
        #expect(view.caption.hasPrefix("Measures against target as at 30 September 2019; direction of travel since 30 September 2018"))

        let first = TargetTableView(targets: targets, snapshot: workforce.snapshots[0], previous: nil, config: workforce.config)
        #expect(first.previousAsAt == nil && first.rows.allSatisfy { !$0.hasPrevious })
    }

    @Test func benchmarksSetTheCouncilsSocialWorkersBesideEnglandAndTheRegion() throws {
        let (workforce, _) = WorkforceTesting.loadSample()
        let latest = try #require(workforce.latest)
        let view = BenchmarkTableView(snapshot: latest, benchmarks: workforce.benchmarkRows(for: latest),
                                      config: workforce.config, council: "London Borough of Harbourside")
        #expect(view.year == 2019)
        #expect(view.rows.map(\.name) == ["London Borough of Harbourside, 30 September 2019", "England", "Outer London"])
        #expect(view.rows.map(\.level) == ["This council", "England", "Region"])
        #expect(view.columns.map(\.name) == ["Vacancy rate", "Agency rate", "Turnover rate", "Average caseload"])
        // The DfE's own published figures, as published.
        #expect(view.rows[1].cells.map(\.text) == ["16.4%", "15.8%", "15.0%", "16.9"])
        let sw = latest.value(of: .vacancyRate, for: RowKey(group: "social-workers")).value!
        #expect(view.rows[0].cells[0].text == ReportNumber.value(sw, unit: .percent))
        #expect(view.attribution.hasPrefix("Contains public sector information licensed under the Open Government Licence v3.0."))
        #expect(view.caption.contains("(social workers)") && view.caption.contains("30 September 2019"))
    }
}

import Testing
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Comparisons, series, RAG ratings and the config that drives them.
@Suite struct WorkforceAnalysisTests {
    typealias T = WorkforceTesting

    /// Alpha social workers in two snapshots: 20.0 budget each; employees 16.0 then 17.0;
    /// agency 3.0 then 3.0. Vacancy 4 / 20 = 20% then 3 / 20 = 15%; agency 3 / 19 = 15.79%
    /// then 3 / 20 = 15.0%.
    func workforce(targets: [Target] = []) throws -> Workforce {
        let a = try #require(T.load([T.header, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"], name: "2018-09-30.csv").snapshot)
        let b = try #require(T.load([T.header, "Alpha,Social workers,20.0,17.0,3.0,15.0%,3.0,15.0%"], name: "2019-09-30.csv").snapshot)
        var config = T.config
        config.targets = targets
        return Workforce(config: config, snapshots: [b, a])
    }

    @Test func comparisonGivesChangeDirectionAndWhetherItIsBetter() throws {
        let w = try workforce()
        #expect(w.snapshots.map(\.asAt.description) == ["2018-09-30", "2019-09-30"])
        let comparison = try #require(w.comparison(from: CalendarDate("2018-09-30")!, to: CalendarDate("2019-09-30")!))
        let vacancy = comparison.change(in: .vacancyRate)
        #expect(vacancy.change.map { abs($0 - -5.0) < 1e-9 } == true)   // 15% - 20%: 5 points down
        #expect(vacancy.direction == .down && vacancy.assessment == .better)
        let employees = comparison.change(in: .employeeFTE, for: RowKey(area: "alpha", group: "social-workers"))
        #expect(employees.change == 1.0 && employees.direction == .up && employees.assessment == .better)
        let budget = comparison.change(in: .budgetedFTE)
        #expect(budget.direction == .noChange && budget.assessment == .neutral)
        let agency = comparison.change(in: .agencyFTE)
        #expect(agency.direction == .noChange)
        let turnover = comparison.change(in: .turnoverRate)   // no leavers column
        #expect(turnover.direction == .notComparable && turnover.change == nil)
        // The other way round it is worse.
        let back = w.comparison(from: w.snapshots[1], to: w.snapshots[0]).change(in: .vacancyRate)
        #expect(back.direction == .up && back.assessment == .worse)
        #expect(w.comparison(from: CalendarDate("2000-01-01")!, to: CalendarDate("2019-09-30")!) == nil)
    }

    @Test func polarityFromATargetOverridesTheMeasure() throws {
        let w = try workforce(targets: [Target(measure: .vacancyRate, polarity: .higherIsBetter, green: 20, amber: 10)])
        let change = w.comparison(from: w.snapshots[0], to: w.snapshots[1]).change(in: .vacancyRate)
        #expect(change.direction == .down && change.assessment == .worse)
    }

    @Test func seriesOverAllSnapshots() throws {
        let series = try workforce().series(of: .vacancyRate, for: RowKey(area: "alpha", group: "social-workers"))
        #expect(series.points.map(\.asAt.description) == ["2018-09-30", "2019-09-30"])
        #expect(series.points.map(\.value.value) == [20.0, 15.0])
        #expect(try workforce().series(of: .vacancyRate, for: RowKey(area: "nowhere")).points.allSatisfy { $0.value.value == nil })
    }

    @Test func ragStatusLowerIsBetter() {
        let target = Target(measure: .agencyRate, row: RowKey(group: "social-workers"), green: 15, amber: 25)
        #expect(target.polarity == .lowerIsBetter)
        #expect(target.status(of: MeasureValue(value: 15)) == .green)
        #expect(target.status(of: MeasureValue(value: 15.01)) == .amber)
        #expect(target.status(of: MeasureValue(value: 25)) == .amber)
        #expect(target.status(of: MeasureValue(value: 25.01)) == .red)
        #expect(target.status(of: .unavailable("no data")) == .notAvailable)
    }

    @Test func ragStatusHigherIsBetter() {
        let target = Target(measure: .employeeFTE, polarity: .higherIsBetter, green: 90, amber: 80)
        #expect(target.status(of: MeasureValue(value: 90)) == .green)
        #expect(target.status(of: MeasureValue(value: 85)) == .amber)
        #expect(target.status(of: MeasureValue(value: 79.9)) == .red)
    }

    @Test func assessmentsRateEveryTargetInASnapshot() throws {
        // Latest: agency 15.0% -> green at <= 15; vacancy 15% -> amber between 12 and 20.
        let w = try workforce(targets: [
            Target(measure: .agencyRate, row: RowKey(group: "social-workers"), green: 15, amber: 25),
            Target(measure: .vacancyRate, green: 12, amber: 20),
        ])
        #expect(w.assessments().map(\.status) == [.green, .amber])
        #expect(w.assessments(in: w.snapshots[0]).map(\.status) == [.amber, .amber])   // 15.79%, 20%
        #expect(w.assessments(of: w.config.targets[0]).map(\.status) == [.amber, .green])
    }

    @Test func configReadsNamesOrderAndTargets() throws {
        let yaml = """
        grand_total:
          name: Children's Social Care
          aliases: ["CSC total"]
        groups:
          - id: sw
            name: Social workers
          - name: Managers
        areas:
          - name: Referral & Assessment
            aliases: [R&A]
        targets:
          - measure: agency_rate
            group: sw
            green: 15
            amber: 25
          - measure: vacancy-rate
            better: higher
            green: 10
            amber: 20
          - measure: happiness
            green: 1
            amber: 2
        benchmarks:
          region: Outer London
          councils: [Bromley]
        """
        var log = DiagnosticLog()
        let config = WorkforceConfig.load(SourceFile(path: "c.yaml", relativePath: "workforce/config.yaml", text: yaml), log: &log)
        #expect(config.groups.map(\.id) == ["sw", "managers"])
        #expect(config.areas.map(\.id) == ["referral-and-assessment"])
        #expect(config.area(named: "r&a")?.name == "Referral & Assessment")
        #expect(config.isGrandTotal(area: "CSC Total"))
        #expect(config.targets.count == 1)
        #expect(config.targets.first?.row == RowKey(group: "sw"))
        #expect(config.benchmarkRegion == "Outer London" && config.benchmarkCouncils == ["Bromley"])
        // Higher is better needs green >= amber (amber, line 19); "happiness" is no measure (line 20).
        #expect(log.entries.map(\.code) == [WorkforceDiagnosticCode.configTarget, WorkforceDiagnosticCode.configTarget])
        #expect(log.entries.map(\.location.line) == [19, 20])
    }

    @Test func noWorkforceFolderGivesAnEmptyWorkforce() {
        var log = DiagnosticLog()
        let content = ContentFolder(root: T.repoRoot, displayRoot: "Content", files: [
            SourceFile(path: "Content/pages/a.md", relativePath: "pages/a.md", text: "# A"),
        ], binaryFiles: [])
        let w = Workforce.load(from: content, asOf: T.asOf, log: &log)
        #expect(w.isEmpty && w.benchmarks == nil && log.entries.isEmpty)
    }
}

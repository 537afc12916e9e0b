import Testing
@testable import QuorumContent
@testable import QuorumMicrosite
@testable import QuorumPapers
@testable import QuorumStrategy
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

@Suite("Plain English sentences of annual updates")
struct PlainEnglishTests {
    let d2017 = CalendarDate("2017-09-30")!
    let d2018 = CalendarDate("2018-09-30")!

    func reading(_ date: CalendarDate, _ value: Double?, suspect: Bool = false, reason: String? = nil) -> PlainEnglish.Reading {
        PlainEnglish.Reading(date: date, value: MeasureValue(value: value, suspect: suspect, unavailableReason: reason))
    }

    @Test func aFall() {
        #expect(PlainEnglish.movement(of: .vacancyRate, from: reading(d2017, 24.13), to: reading(d2018, 19.46))
            == "The vacancy rate fell from 24.1% on 30 September 2017 to 19.5% on 30 September 2018, a fall of 4.6 percentage points. This is an improvement.")
    }

    @Test func aRise() {
        #expect(PlainEnglish.movement(of: .agencyRate, from: reading(d2017, 15.0), to: reading(d2018, 17.25))
            == "The agency rate rose from 15.0% on 30 September 2017 to 17.3% on 30 September 2018, a rise of 2.3 percentage points. This is worse than a year earlier.")
    }

    @Test func aRiseInSomethingGood() {
        #expect(PlainEnglish.movement(of: .employeeFTE, from: reading(d2017, 200), to: reading(d2018, 210.5))
            == "The employee fte rose from 200.0 FTE on 30 September 2017 to 210.5 FTE on 30 September 2018, a rise of 10.5 FTE. This is an improvement.")
    }

    @Test func caseloadsAreCasesPerWorker() {
        #expect(PlainEnglish.movement(of: .caseload, from: reading(d2017, 16.04), to: reading(d2018, 17.0))
            == "The average caseload rose from 16.0 cases per worker on 30 September 2017 to 17.0 cases per worker on 30 September 2018, a rise of 1.0 cases per worker. This is worse than a year earlier.")
    }

    @Test func noChangeIsJudgedOnThePrintedFigures() {
        // 19.46 and 19.54 both print as 19.5%: the sentence must not claim a change.
        #expect(PlainEnglish.movement(of: .turnoverRate, from: reading(d2017, 19.46), to: reading(d2018, 19.54))
            == "Staff turnover was 19.5% on 30 September 2018, the same as on 30 September 2017.")
        // 19.44 prints as 19.4%: a change of 0.1 percentage points, even though the raw change is 0.1.
        #expect(PlainEnglish.movement(of: .turnoverRate, from: reading(d2017, 19.44), to: reading(d2018, 19.54))
            == "Staff turnover rose from 19.4% on 30 September 2017 to 19.5% on 30 September 2018, a rise of 0.1 percentage points. This is worse than a year earlier.")
    }

    @Test func theFirstYearHasNoEarlierFigure() {
        #expect(PlainEnglish.movement(of: .vacancyRate, from: nil, to: reading(d2018, 19.5))
            == "The vacancy rate was 19.5% on 30 September 2018. There is no earlier figure to compare it with.")
    }

    @Test func noSnapshotAtAll() {
        #expect(PlainEnglish.movement(of: .agencyRate, from: nil, to: nil)
            == "The agency rate is not available: there is no workforce snapshot for this period.")
    }

    @Test func aMeasureWithNoData() {
        #expect(PlainEnglish.movement(of: .turnoverRate, from: reading(d2017, 12), to: reading(d2018, nil, reason: "'Leavers FTE' is not given"))
            == "Staff turnover is not available for 30 September 2018, because the workforce return did not include leavers fte.")
        #expect(PlainEnglish.movement(of: .caseload, from: nil, to: reading(d2018, nil, reason: "the snapshot has no 'Cases' column"))
            == "The average caseload is not available for 30 September 2018, because the workforce return did not include cases.")
    }

    @Test func anEarlierFigureThatIsMissing() {
        #expect(PlainEnglish.movement(of: .turnoverRate, from: reading(d2017, nil, reason: "'Leavers FTE' is not given"), to: reading(d2018, 14.2))
            == "Staff turnover was 14.2% on 30 September 2018. It cannot be compared with 30 September 2017, because then the workforce return did not include leavers fte.")
    }

    @Test(arguments: [
        ("'Budgeted FTE' is 0", Measure.vacancyRate, "The vacancy rate cannot be calculated for 30 September 2018, because there were no budgeted posts."),
        ("no agency or employee FTE", Measure.agencyRate, "The agency rate cannot be calculated for 30 September 2018, because there were no employed or agency staff."),
        ("'Employee FTE' is 0", Measure.turnoverRate, "Staff turnover cannot be calculated for 30 September 2018, because there were no employed staff."),
        ("'Case holders FTE' is 0", Measure.caseload, "The average caseload cannot be calculated for 30 September 2018, because no staff held cases."),
    ])
    func aZeroDenominator(reason: String, measure: Measure, sentence: String) {
        #expect(PlainEnglish.movement(of: measure, from: reading(d2017, 10), to: reading(d2018, nil, reason: reason)) == sentence)
    }

    @Test func figuresThatFailedValidationAreNotPresentedAsSound() {
        #expect(PlainEnglish.movement(of: .vacancyRate, from: reading(d2017, 24.1), to: reading(d2018, 21.0, suspect: true))
            == "The vacancy rate fell from 24.1% on 30 September 2017 to 21.0% on 30 September 2018, a fall of 3.1 percentage points. This is an improvement. The figures for 30 September 2018 include data that failed validation, so treat this with caution.")
        #expect(PlainEnglish.movement(of: .agencyRate, from: reading(d2017, 20, suspect: true), to: reading(d2018, nil, suspect: true, reason: "'Agency FTE' could not be read"))
            == "The agency rate is not available for 30 September 2018, because the agency fte figures failed validation. The figures for 30 September 2018 include data that failed validation, so treat this with caution.")
    }

    @Test func changesAreNeverInPercent() {
        let sentence = PlainEnglish.movement(of: .vacancyRate, from: reading(d2017, 10), to: reading(d2018, 20))
        #expect(sentence.contains("percentage points"))
        #expect(!sentence.contains(" percent "))
        #expect(!sentence.contains("10.0%,"))
    }

    @Test func countsAreWrittenInWords() {
        #expect(PlainEnglish.count(0, "action") == "no actions")
        #expect(PlainEnglish.count(1, "action") == "1 action")
        #expect(PlainEnglish.count(3, "place") == "3 places")
    }
}

@Suite("Annual update periods and snapshots")
struct ReportingPeriodTests {
    @Test func runsFromTheDayAfterThePreviousUpdate() {
        let period = ReportingPeriod.choose(meeting: CalendarDate("2019-11-13")!, previousMeeting: CalendarDate("2018-11-14")!)
        #expect(period == ReportingPeriod(from: CalendarDate("2018-11-15")!, to: CalendarDate("2019-11-13")!))
    }

    @Test func theFirstUpdateCoversTwelveMonths() {
        let period = ReportingPeriod.choose(meeting: CalendarDate("2018-11-14")!, previousMeeting: nil)
        #expect(period == ReportingPeriod(from: CalendarDate("2017-11-15")!, to: CalendarDate("2018-11-14")!))
        let leap = ReportingPeriod.choose(meeting: CalendarDate("2020-02-29")!, previousMeeting: nil)
        #expect(leap.from == CalendarDate("2019-03-01"))
    }

    static func workforce(_ dates: [String]) -> Workforce {
        Workforce(snapshots: dates.map { date in
            var log = DiagnosticLog()
            let csv = "Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %\nTeam,Social workers,10,8,2,20%,1,11.1%\n"
            return Snapshot.load(SourceFile(path: "w/\(date).csv", relativePath: "workforce/snapshots/\(date).csv", text: csv),
                                 config: WorkforceConfig(), asOf: CalendarDate("2030-01-01")!, log: &log)!
        })
    }

    let period = ReportingPeriod(from: CalendarDate("2017-11-15")!, to: CalendarDate("2018-11-14")!)

    @Test func usesTheSnapshotsOnTheDatesWhenThereAreSome() {
        let workforce = Self.workforce(["2017-11-15", "2018-11-14"])
        let end = SnapshotChoice.end(of: period, in: workforce)
        let start = SnapshotChoice.start(of: period, in: workforce, end: end.snapshot)
        #expect(end.snapshot?.asAt == period.to && end.note == nil)
        #expect(start.snapshot?.asAt == period.from && start.note == nil)
    }

    @Test func saysWhichDateItUsedInstead() {
        let workforce = Self.workforce(["2017-09-30", "2018-03-31", "2018-09-30"])
        let end = SnapshotChoice.end(of: period, in: workforce)
        let start = SnapshotChoice.start(of: period, in: workforce, end: end.snapshot)
        #expect(end.snapshot?.asAt == CalendarDate("2018-09-30"))
        #expect(end.note == "There is no workforce snapshot for 14 November 2018, the end of the period, so this report uses the latest one before it, at 30 September 2018.")
        #expect(start.snapshot?.asAt == CalendarDate("2017-09-30"))
        #expect(start.note == "There is no workforce snapshot for 15 November 2017, the start of the period, so this report uses the latest one before it, at 30 September 2017.")
    }

    @Test func fallsBackToTheEarliestInThePeriod() {
        let workforce = Self.workforce(["2018-03-31", "2018-09-30"])
        let end = SnapshotChoice.end(of: period, in: workforce)
        let start = SnapshotChoice.start(of: period, in: workforce, end: end.snapshot)
        #expect(start.snapshot?.asAt == CalendarDate("2018-03-31"))
        #expect(start.note == "There is no workforce snapshot on or before 15 November 2017, the start of the period, so this report uses the earliest one in the period, at 31 March 2018.")
    }

    @Test func neverInventsFigures() {
        let none = SnapshotChoice.end(of: period, in: Self.workforce(["2019-01-31"]))
        #expect(none.snapshot == nil)
        #expect(none.note == "There is no workforce snapshot on or before 14 November 2018, the end of the period, so this report contains no workforce figures.")
        let one = Self.workforce(["2018-06-30"])
        let end = SnapshotChoice.end(of: period, in: one)
        let start = SnapshotChoice.start(of: period, in: one, end: end.snapshot)
        #expect(end.snapshot?.asAt == CalendarDate("2018-06-30"))
        #expect(start.snapshot == nil)
        #expect(start.note == "There is no earlier workforce snapshot to compare with, so this report gives this year's figures without a change.")
    }
}

@Suite("Annual update sentences about delivery and targets")
struct DeliverySentenceTests {
    static let priorities: [Priority] = {
        var log = DiagnosticLog()
        let content = ContentFolder.read(TestPaths.sampleContent, displayRoot: "Content", log: &log)
        return Priority.loadAll(from: content, log: &log)
    }()

    func plan(_ body: String) -> ActionPlan {
        var log = DiagnosticLog()
        let source = MarkdownSource(file: SourceFile(path: "a.md", relativePath: "action-plan.md", text: body), log: &log)
        var reader = ActionPlanReader(source: source, priorities: Self.priorities)
        return ActionPlan(title: "Plan", actions: reader.read(log: &log), source: source)
    }

    let period = CalendarDate("2017-11-15")!...CalendarDate("2018-11-14")!

    @Test func describesTheStateOfThePlan() {
        let plan = plan("""
            ## Recruitment & Retention

            - [x] A {owner: HR; due: 2018-01-31; completed: 2018-01-20}
            - [x] B {owner: HR; due: 2017-08-31; completed: 2017-08-21}
            - [ ] C {owner: HR; due: 2018-06-30 (was 2018-03-31); status: in progress}
            - [ ] D {owner: HR; due: 2019-06-30; status: not started}
            - [ ] E {owner: HR; due: 2018-03-31; status: dropped}
            """)
        let summary = ActionPlanSummary(plan: plan, priorities: Self.priorities, asOf: period.upperBound, period: period)
        #expect(PlainEnglish.delivery(summary)
            == "Between 15 November 2017 and 14 November 2018, 1 action was completed. As at 14 November 2018, 2 of 5 actions are done (50.0% of the actions not dropped); 1 is in progress, 1 has not started, 1 is overdue, 1 has had its due date moved and 1 has been dropped.")
    }

    @Test func saysSoWhenNothingWasCompleted() {
        let plan = plan("## Models of Practice\n\n- [ ] A {owner: QA; due: 2019-01-31; status: in progress}\n- [ ] B {owner: QA; due: 2019-01-31; status: blocked}\n")
        let summary = ActionPlanSummary(plan: plan, priorities: Self.priorities, asOf: period.upperBound, period: period)
        #expect(PlainEnglish.delivery(summary)
            == "Between 15 November 2017 and 14 November 2018, no actions were completed. As at 14 November 2018, 0 of 2 actions are done (0.0% of the actions not dropped); 1 is in progress and 1 is blocked.")
    }

    @Test func saysSoWhenThereIsNoPlan() {
        let summary = ActionPlanSummary(plan: .empty, priorities: [], asOf: period.upperBound, period: period)
        #expect(PlainEnglish.delivery(summary) == "There is no action plan in the content, so its delivery cannot be reported.")
    }

    @Test func ratesTargets() {
        let date = CalendarDate("2018-09-30")!
        let target = Target(measure: .vacancyRate, green: 15, amber: 25, label: "Vacancy rate")
        let assessments = [
            TargetAssessment(target: target, asAt: date, value: MeasureValue(value: 12)),
            TargetAssessment(target: target, asAt: date, value: MeasureValue(value: 20)),
            TargetAssessment(target: target, asAt: date, value: MeasureValue(value: 30)),
            TargetAssessment(target: target, asAt: date, value: MeasureValue(value: 31, suspect: true)),
            TargetAssessment(target: target, asAt: date, value: .unavailable("'Budgeted FTE' is 0")),
        ]
        #expect(PlainEnglish.targets(assessments, asAt: date)
            == "Of the 5 targets for the workforce measures, rated on 30 September 2018, 1 is green, 1 is amber, 2 are red and 1 cannot be rated because the figure is not available. Some of these ratings rest on data that failed validation, so treat them with caution.")
        #expect(PlainEnglish.targets([], asAt: date) == "No targets are set for the workforce measures, so there is no RAG rating to report.")
    }
}

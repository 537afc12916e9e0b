import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumPapers
@testable import QuorumStrategy
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The annual update's sentence on the scenario the board adopted: where the year ended
/// against the scenario's projection for the month of the year's last snapshot.
@Suite struct AdoptedScenarioSentenceTests {
    static let config = """
        areas:
          - id: alpha
            name: Alpha
        costs:
          social-workers:
            permanent: "£60,000"
            agency: { hourly_rate: £50, hours_per_year: 1600 }

        """

    static let header = "Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %\n"

    /// 100 social workers at 30 September 2019 (the snapshot the scenario was adopted from),
    /// and 96.5 at 31 March 2020.
    static let files: [String: String] = [
        "workforce/config.yaml": config,
        "workforce/snapshots/2019-09-30.csv": header + "Alpha,Social workers,110.0,100.0,10.0,9.1%,0.0,0.0%\n",
        "workforce/snapshots/2020-03-31.csv": header + "Alpha,Social workers,110.0,96.5,13.5,12.3%,0.0,0.0%\n",
    ]

    /// 12% turnover a year, nobody replaced: each month 12 ÷ 100 ÷ 12 = 1% of employees leave.
    static let adopted = """
        ---
        title: Hold recruitment
        start: 2019-10
        months: 12
        adopted: yes
        turnover: { all: 12% }
        ---
        Recruitment is held for a year.

        """

    func load(_ files: [String: String]) -> (Planning, Workforce, [Diagnostic]) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(files, in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: CalendarDate("2020-11-01")!, log: &log)
        let planning = Planning.load(from: content, workforce: workforce, log: &log)
        return (planning, workforce, log.entries.filter { $0.severity == .error })
    }

    @Test func theYearEndIsHeldAgainstTheAdoptedProjectionForItsMonth() throws {
        let (planning, workforce, errors) = load(Self.files.merging(["scenarios/hold.md": Self.adopted]) { $1 })
        // Adopted, so it is projected from the snapshot before its start (30 September 2019),
        // although a later snapshot (31 March 2020) now exists.
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
        let comparison = try #require(planning.adopted)
        #expect(comparison.projection.from == CalendarDate("2019-09-30"))
        // March 2020 is the 6th month projected: 100 × 0.99^6 = 100 × 0.941480149401 = 94.148 employee FTE.
        let march = try #require(comparison.projection.month(CalendarMonth("2020-03")!))
        #expect(abs(march.directorate.employeeFTE - 94.1480149401) < 1e-6)
        let end = try #require(workforce.snapshot(at: CalendarDate("2020-03-31")!))
        #expect(AdoptedScenarioSentence.sentence(planning: planning, end: end)
            == "The Board adopted the 'Hold recruitment' scenario, projected from the snapshot at 30 September 2019; at 31 March 2020 employee FTE was 96.5 against 94.1 projected.")
    }

    @Test func theDateOfAdoptionIsSaidWhenGiven() throws {
        let dated = Self.adopted.replacingOccurrences(of: "adopted: yes", with: "adopted: 2019-11-13")
        let (planning, workforce, errors) = load(Self.files.merging(["scenarios/hold.md": dated]) { $1 })
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
        #expect(planning.adopted?.scenario.adoptedOn == CalendarDate("2019-11-13"))
        #expect(AdoptedScenarioSentence.sentence(planning: planning, end: workforce.latest)
            == "The Board adopted the 'Hold recruitment' scenario in November 2019, projected from the snapshot at 30 September 2019; at 31 March 2020 employee FTE was 96.5 against 94.1 projected.")

        let wrong = Self.adopted.replacingOccurrences(of: "adopted: yes", with: "adopted: soon")
        let (none, _, wrongErrors) = load(Self.files.merging(["scenarios/hold.md": wrong]) { $1 })
        #expect(none.scenarios.isEmpty)
        // Not read as adopted, it must also start after the latest snapshot, which it does not.
        #expect(wrongErrors.map(\.code) == [PlanningDiagnosticCode.scenario, PlanningDiagnosticCode.scenarioStart])
        #expect(wrongErrors.first?.location.line == 5)
        #expect(wrongErrors.first?.message == "'adopted' must be yes, no, or the date the board adopted the scenario (YYYY-MM-DD), not 'soon'")
    }

    @Test func theAnnualUpdateSaysItInItsSummary() throws {
        let update = """
            ---
            committee: Children and Young People Select Committee
            title: Annual update
            meeting_date: 2020-04-15
            item: "6"
            key_decision: no
            contributors: [{name: A Person, role: Director}]
            class: open
            recommendations: [Note the update.]
            contact: {name: A Person, role: Director, phone: "020 7946 0000", email: a@example.org}
            ---
            ## Summary

            Officer text.

            """
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(Self.files.merging(["scenarios/hold.md": Self.adopted, "annual-updates/2020.md": update]) { $1 }, in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: CalendarDate("2020-11-01")!, log: &log)
        let planning = Planning.load(from: content, workforce: workforce, log: &log)
        let annual = try #require(AnnualUpdate.loadAll(from: content, log: &log).first)
        #expect(!log.hasErrors, "\(log.entries.map(\.formatted))")
        let data = PaperData(priorities: [], actionPlan: .empty, workforce: workforce, planning: planning)
        let summary = try #require(AnnualUpdateWriter(update: annual, data: data).sections()[.summary])
        #expect(summary.contains("The Board adopted the 'Hold recruitment' scenario, projected from the snapshot at 30 September 2019; at 31 March 2020 employee FTE was 96.5 against 94.1 projected."))
    }

    @Test func nothingIsSaidWithoutAnAdoptedScenarioOrAProjectedMonth() throws {
        // Not adopted: a scenario must then start after the latest snapshot (2020-03), so it
        // projects April 2020 on; nothing stands against March 2020.
        let later = Self.adopted.replacingOccurrences(of: "adopted: yes", with: "adopted: no")
            .replacingOccurrences(of: "start: 2019-10", with: "start: 2020-04")
        let (planning, workforce, errors) = load(Self.files.merging(["scenarios/hold.md": later]) { $1 })
        #expect(errors.isEmpty, "\(errors.map(\.formatted))")
        #expect(planning.adopted == nil)
        #expect(AdoptedScenarioSentence.sentence(planning: planning, end: workforce.latest) == nil)

        // Adopted, but the year ended before the scenario's first month (the snapshot at
        // 30 September 2019 is before October 2019), or past its horizon.
        let (adopted, workforce2, _) = load(Self.files.merging(["scenarios/hold.md": Self.adopted]) { $1 })
        #expect(AdoptedScenarioSentence.sentence(planning: adopted, end: workforce2.snapshot(at: CalendarDate("2019-09-30")!)) == nil)
        let short = Self.adopted.replacingOccurrences(of: "months: 12", with: "months: 3")
        let (ended, workforce3, _) = load(Self.files.merging(["scenarios/hold.md": short]) { $1 })
        #expect(ended.adopted != nil)
        #expect(AdoptedScenarioSentence.sentence(planning: ended, end: workforce3.latest) == nil)
    }

    @Test func anAdoptedScenarioWithNoSnapshotBeforeItsStartIsAnError() throws {
        let early = Self.adopted.replacingOccurrences(of: "start: 2019-10", with: "start: 2019-09")
        let (planning, _, errors) = load(Self.files.merging(["scenarios/hold.md": early]) { $1 })
        #expect(planning.scenarios.isEmpty)
        #expect(errors.map(\.code) == [PlanningDiagnosticCode.scenarioStart])
        #expect(errors.first?.location.path.hasSuffix("scenarios/hold.md") == true)
        #expect(errors.first?.message.contains("no workforce snapshot before that month") == true)
    }
}

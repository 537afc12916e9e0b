import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumStrategy
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Action plan")
struct ActionPlanTests {
    static let priorities: [Priority] = {
        var log = DiagnosticLog()
        let content = ContentFolder.read(TestPaths.sampleContent, displayRoot: "Content", log: &log)
        return Priority.loadAll(from: content, log: &log)
    }()

    func plan(_ body: String) -> (ActionPlan, [Diagnostic]) {
        var log = DiagnosticLog()
        let file = SourceFile(path: "Content/action-plan.md", relativePath: "action-plan.md", text: "---\ntitle: Plan\n---\n" + body)
        let source = MarkdownSource(file: file, log: &log)
        var reader = ActionPlanReader(source: source, priorities: Self.priorities)
        let actions = reader.read(log: &log)
        return (ActionPlan(title: "Plan", actions: actions, source: source), log.entries)
    }

    func priorities(_ files: [String: String]) -> ([Priority], [Diagnostic]) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(files.mapKeys { "priorities/" + $0 }, in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        return (Priority.loadAll(from: content, log: &log), log.entries)
    }

    @Test func twoPrioritiesWithOneOrderAreAnErrorNamingBoth() throws {
        let (_, diagnostics) = priorities([
            "a.md": "---\ntitle: A\norder: 1\nlead: L\n---\n",
            "b.md": "---\ntitle: B\norder: 1\nlead: L\n---\n",
        ])
        #expect(diagnostics.map(\.code) == ["priority-duplicate-order"])
        let diagnostic = try #require(diagnostics.first)
        #expect("\(diagnostic.location)" == "Content/priorities/b.md:3:8")
        #expect(diagnostic.message == "order 1 is already used by Content/priorities/a.md")
        // Orders need not follow on: 1 and 3 are fine.
        let (read, fine) = priorities([
            "a.md": "---\ntitle: A\norder: 3\nlead: L\n---\n",
            "b.md": "---\ntitle: B\norder: 1\nlead: L\n---\n",
        ])
        #expect(fine.isEmpty)
        #expect(read.map(\.id) == ["b", "a"])
    }

    @Test func aPriorityFileNameWithoutLettersNeedsAnID() {
        let (read, diagnostics) = priorities(["!!!.md": "---\ntitle: A\norder: 1\nlead: L\n---\n"])
        #expect(read.isEmpty)
        #expect(diagnostics.map(\.code) == ["priority-id"])
        #expect(diagnostics.first?.message.contains("add an 'id:' key") == true)
        let (named, fine) = priorities(["!!!.md": "---\nid: first\ntitle: A\norder: 1\nlead: L\n---\n"])
        #expect(fine.isEmpty && named.map(\.id) == ["first"])
    }

    @Test func readsActionsWithDetailsAndNotes() throws {
        let (plan, diagnostics) = plan("""
            ## Recruitment & Retention

            - [ ] Commission a *recruitment* partner {owner: Head of HR; due: 2017-12-15 (was 2017-10-31, 2017-11-30); status: in progress; measure: agency_rate}
              - 2017-10-25: Evaluation took longer than planned.
              - 2017-09-12: Tender issued.
            - [x] Launch an advert {owner: HR; due: 2017-08-31; completed: 2017-08-21}

            ## learning-development

            - [ ] Review the career pathway {owner: PSW; due: 2017-12-31; status: Not Started}

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(plan.actions.count == 3)
        let first = plan.actions[0]
        #expect(first.title == "Commission a recruitment partner")
        #expect(first.priorityID == "recruitment-retention")
        #expect(first.owner == "Head of HR")
        #expect(first.due == CalendarDate("2017-12-15"))
        #expect(first.previousDueDates == [CalendarDate("2017-10-31")!, CalendarDate("2017-11-30")!])
        #expect(first.hasSlipped)
        #expect(first.status == .inProgress)
        #expect(first.measure == "agency_rate")
        #expect(first.notes.map(\.date.description) == ["2017-09-12", "2017-10-25"])
        #expect(first.notes[1].text == "Evaluation took longer than planned.")
        #expect(first.location.line == 6)
        #expect(plan.actions[1].status == .done)
        #expect(plan.actions[1].completed == CalendarDate("2017-08-21"))
        #expect(plan.actions[2].priorityID == "learning-development")
        #expect(plan.actions[2].status == .notStarted)
    }

    /// Each malformed action: its code, line and column (lines count from the file's first line).
    @Test(arguments: [
        ("- [ ] No owner {due: 2017-12-31; status: done}", "action-no-owner", 6, 16),
        ("- [ ] Bad date {owner: HR; due: 31/12/2017; status: in progress}", "action-bad-date", 6, 33),
        ("- [ ] Bad earlier date {owner: HR; due: 2017-12-31 (was 2017-13-01); status: in progress}", "action-bad-date", 6, 57),
        ("- [ ] Odd status {owner: HR; due: 2017-12-31; status: paused}", "action-unknown-status", 6, 55),
        ("- [ ] No status {owner: HR; due: 2017-12-31}", "action-no-status", 6, 17),
        ("- [ ] No due {owner: HR; status: blocked}", "action-no-due-date", 6, 14),
        ("- [ ] No details at all", "action-missing-details", 6, 1),
        ("- [x] Ticked but {owner: HR; due: 2017-12-31; status: blocked}", "action-status-conflict", 6, 1),
        ("- [ ] Broken {owner: HR; due: 2017-12-31; status: blocked; urgent}", "action-malformed", 6, 60),
    ])
    func reportsMalformedActions(line: String, code: String, row: Int, column: Int) {
        let (plan, diagnostics) = plan("## Recruitment & Retention\n\n" + line + "\n")
        #expect(plan.actions.isEmpty)
        let found = diagnostics.filter { $0.severity == .error }
        #expect(found.map(\.code) == [code], "\(diagnostics.map(\.formatted))")
        #expect(found.first?.location.line == row)
        #expect(found.first?.location.column == column)
    }

    @Test func reportsUnknownPrioritiesAndStrayItems() {
        let (plan, diagnostics) = plan("""
            - [ ] Before any heading {owner: HR; due: 2017-12-31; status: done}

            ## Pay and Conditions

            - [ ] Under an unknown priority {owner: HR; due: 2017-12-31; status: done}

            ## Models of Practice

            - A plain bullet, not an action
            - [ ] Real action {owner: HR; due: 2017-12-31; status: in progress; colour: red}
              - no date on this note
            """)
        #expect(plan.actions.map(\.title) == ["Real action"])
        #expect(diagnostics.map(\.code) == [
            "action-outside-priority", "action-unknown-priority", "action-not-a-task",
            "action-unknown-detail", "action-note-undated",
        ])
        #expect(diagnostics.map(\.location.line) == [4, 6, 12, 13, 14])
        #expect(diagnostics[1].message.hasPrefix("'Pay and Conditions' is not a strategy priority (known: 'Recruitment & Retention'"))
    }

    @Test func doneWithoutATickIsAWarning() {
        let (plan, diagnostics) = plan("## Models of Practice\n\n- [ ] Done really {owner: HR; due: 2017-12-31; status: done}\n")
        #expect(plan.actions.map(\.status) == [.done])
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func summarisesAsAtADate() {
        let (plan, _) = plan("""
            ## Recruitment & Retention

            - [x] A {owner: HR; due: 2017-08-31; completed: 2017-08-21}
            - [x] B {owner: HR; due: 2017-12-31; completed: 2018-01-10}
            - [ ] C {owner: HR; due: 2017-10-31 (was 2017-09-30); status: in progress}
            - [ ] D {owner: HR; due: 2017-10-31; status: dropped}
            - [ ] E {owner: HR; due: 2018-03-31; status: blocked}

            ## Models of Practice

            - [ ] F {owner: QA; due: 2017-11-01; status: not started}

            """)
        let asAt = CalendarDate("2017-11-15")!
        let summary = ActionPlanSummary(plan: plan, priorities: Self.priorities, asOf: asAt,
                                        period: CalendarDate("2017-08-01")!...CalendarDate("2017-10-31")!)
        let recruitment = summary.rows[0]
        #expect(recruitment.total == 5)
        // B was completed after the as-at date, so it was still in progress then.
        #expect(recruitment.count(.done) == 1)
        #expect(recruitment.count(.inProgress) == 2)
        #expect(recruitment.count(.dropped) == 1)
        #expect(recruitment.count(.blocked) == 1)
        // Done over the actions not dropped: 1 / 4.
        #expect(recruitment.percentComplete == 25)
        #expect(recruitment.overdue == 1)
        #expect(recruitment.slipped == 1)
        #expect(recruitment.completedInPeriod == 1)
        #expect(summary.rows[2].overdue == 1)
        #expect(summary.rows[1].percentComplete == nil)
        #expect(summary.overall.total == 6)
        #expect(summary.overdueActions.map(\.title) == ["C", "F"])
        // A year later B is done; C, F and E are overdue, most overdue first.
        let later = ActionPlanSummary(plan: plan, priorities: Self.priorities, asOf: CalendarDate("2018-11-15")!)
        #expect(later.rows[0].count(.done) == 2)
        #expect(later.overdueActions.map(\.title) == ["C", "F", "E"])
    }

    @Test func theSampleActionPlanIsCompleteAndClean() throws {
        var log = DiagnosticLog()
        let content = ContentFolder.read(TestPaths.sampleContent, displayRoot: "Content", log: &log)
        let plan = ActionPlan.load(from: content, priorities: Self.priorities, log: &log)
        #expect(log.entries.isEmpty, "\(log.entries.map(\.formatted))")
        #expect(plan.actions.count >= 15)
        #expect(Set(plan.actions.map(\.status)) == Set(ActionStatus.allCases))
        #expect(Set(plan.actions.map(\.priorityID)).count == Self.priorities.count)
        let paperDate = CalendarDate("2017-11-15")!
        #expect(plan.actions.contains { $0.isOverdue(asOf: paperDate) })
    }
}

private extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}

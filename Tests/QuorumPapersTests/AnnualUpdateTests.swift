import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumPapers
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Annual update files")
struct AnnualUpdateTests {
    static let header = """
        committee: Children and Young People Select Committee
        title: Annual update
        item: "6"
        key_decision: no
        contributors: [{name: A Person, role: Director}]
        class: open
        recommendations: [Note the update.]
        contact: {name: A Person, role: Director, phone: "020 7946 0000", email: a@example.org}

        """

    func load(_ files: [String: String]) -> ([AnnualUpdate], [Diagnostic]) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(files.mapValues { "---\n" + Self.header + $0 + "---\n## Summary\n\nOfficer text.\n" }, in: root)
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        return (AnnualUpdate.loadAll(from: content, log: &log), log.entries)
    }

    @Test func periodsRunFromOneUpdateToTheNext() {
        let (updates, diagnostics) = load([
            "annual-updates/2019.md": "meeting_date: 2019-11-13\n",
            "annual-updates/2018.md": "meeting_date: 2018-11-14\n",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        #expect(updates.map(\.year) == [2018, 2019])
        #expect(updates.map(\.period.from.description) == ["2017-11-15", "2018-11-15"])
        #expect(updates.map(\.period.to.description) == ["2018-11-14", "2019-11-13"])
        #expect(updates.map(\.paper.asAt.description) == ["2018-11-14", "2019-11-13"])
        #expect(updates.map(\.paper.slug) == ["annual-update-2018", "annual-update-2019"])
    }

    @Test func givenDatesWin() {
        let (updates, _) = load(["annual-updates/2018.md": "meeting_date: 2018-11-14\nperiod_from: 2017-04-01\nperiod_to: 2018-03-31\n"])
        #expect(updates.first?.period == ReportingPeriod(from: CalendarDate("2017-04-01")!, to: CalendarDate("2018-03-31")!))
        #expect(updates.first?.paper.asAt == CalendarDate("2018-03-31"))
    }

    @Test(arguments: [
        ("annual-updates/latest.md", "meeting_date: 2018-11-14\n", "annual-file-name", 1),
        ("annual-updates/2017.md", "meeting_date: 2018-11-14\n", "annual-year-mismatch", 10),
        ("annual-updates/2018.md", "meeting_date: 2018-11-14\nperiod_from: 2017-04-01\n", "annual-period", 11),
        ("annual-updates/2018.md", "meeting_date: 2018-11-14\nperiod_from: 2018-04-01\nperiod_to: 2017-03-31\n", "annual-period", 11),
    ])
    func reportsBadUpdates(path: String, extra: String, code: String, line: Int) {
        let (updates, diagnostics) = load([path: extra])
        #expect(updates.isEmpty)
        #expect(diagnostics.map(\.code) == [code])
        #expect(diagnostics.first?.location.line == line)
    }
}

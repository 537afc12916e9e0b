import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumPapers
@testable import QuorumSite
@testable import QuorumStrategy
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Committee papers")
struct CommitteePaperTests {
    static let header = """
        ---
        committee: Children and Young People Select Committee
        title: Test paper
        meeting_date: 2017-11-15
        item: "5"
        key_decision: no
        contributors: [{name: A Person, role: Director}]
        class: open
        recommendations: [Note the report., Agree to an annual update.]
        contact: {name: A Person, role: Director, phone: "020 7946 0000", email: a@example.org}
        ---

        """

    static let templates: TemplateLibrary = {
        var log = DiagnosticLog()
        return TemplateLibrary.load(TestPaths.templates, displayRoot: "Templates", log: &log)
    }()

    static let data: PaperData = {
        var log = DiagnosticLog()
        let content = ContentFolder.read(TestPaths.sampleContent, displayRoot: "Content", log: &log)
        let priorities = Priority.loadAll(from: content, log: &log)
        return PaperData(priorities: priorities, actionPlan: ActionPlan.load(from: content, priorities: priorities, log: &log))
    }()

    func layout(_ body: String, header: String = header) -> (PaperLayout?, [Diagnostic]) {
        var log = DiagnosticLog()
        let file = SourceFile(path: "Content/papers/test.md", relativePath: "papers/test.md", text: header + body)
        guard let paper = CommitteePaper.load(file, log: &log) else { return (nil, log.entries) }
        let layout = PaperLayout.make(paper: paper, data: Self.data, templates: Self.templates, log: &log)
        return (layout, log.entries)
    }

    static let allSections = """
        ## Summary

        S1.

        ## Policy context

        P1.

        ## Details

        D1.

        ## Monitoring

        M1.

        ## Financial implications

        F1.

        ## Legal implications

        L1.

        ## Crime and disorder implications

        C1.

        ## Equalities implications

        E1.

        ## Environmental implications

        V1.

        """

    @Test func laysOutTheStandardSectionsInOrderWithoutDiagnostics() throws {
        let (layout, diagnostics) = layout(Self.allSections)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let sections = try #require(layout).sections
        #expect(sections.map(\.title) == [
            "Summary", "Recommendations", "Policy context", "Details", "Monitoring", "Financial implications",
            "Legal implications", "Crime and disorder implications", "Equalities implications",
            "Environmental implications", "Background documents and originator",
        ])
        #expect(sections.map(\.number) == Array(1...11))
        #expect(sections[1].paragraphs.map(\.number) == ["2.1", "2.2"])
        #expect(sections[1].paragraphs[0].blocks[0].html == "<p>Note the report.</p>\n")
        #expect(sections[10].paragraphs.map(\.number) == ["11.1", "11.2"])
        #expect(sections[10].paragraphs[0].blocks[0].html.contains("There are no background documents"))
        #expect(sections[10].paragraphs[1].blocks[0].html.contains("please contact A Person, Director, on 020 7946 0000"))
    }

    @Test func numbersParagraphsAndKeepsListsWithTheirParagraph() throws {
        let (layout, _) = layout("""
            ## Details

            - a list that opens the section

            Intro to a list:

            - one
            - two

            | a | b |
            |---|---|
            | 1 | 2 |

            ### A sub-heading

            - list after a sub-heading

            Last paragraph.

            ## Summary

            Written after Details, shown first.

            """)
        let sections = try #require(layout).sections
        #expect(sections[0].title == "Summary")
        let details = sections.first { $0.title == "Details" }!
        #expect(details.number == 3)
        #expect(details.paragraphs.map(\.number) == ["3.1", "3.2", "3.3", "3.4"])
        #expect(details.paragraphs.map(\.blocks.count) == [1, 3, 1, 1])
        #expect(details.paragraphs[2].subheading == "A sub-heading")
        #expect(details.paragraphs[1].blocks[2].html.contains("<table>"))
    }

    @Test func missingImplicationsGetTheStandardSentenceAndAWarning() throws {
        let (layout, diagnostics) = layout("## Summary\n\nS.\n\n## Details\n\nD.\n")
        let sections = try #require(layout).sections
        let financial = sections.first { $0.title == "Financial implications" }!
        #expect(financial.paragraphs.count == 1)
        #expect(financial.paragraphs[0].blocks[0].html == "<p>There are no specific financial implications arising from this report.</p>\n")
        let crime = sections.first { $0.title == "Crime and disorder implications" }!
        #expect(crime.paragraphs[0].blocks[0].html.contains("There are no specific crime and disorder implications"))
        #expect(diagnostics.filter { $0.code == "paper-default-implications" }.count == 5)
        #expect(diagnostics.filter { $0.code == "paper-missing-section" }.map(\.severity) == [.warning, .warning])
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test(arguments: [("Summary", "## Details\n\nD.\n"), ("Details", "## Summary\n\nS.\n")])
    func aMissingRequiredSectionIsAnError(missing: String, body: String) {
        let (_, diagnostics) = layout(body)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["paper-missing-section"])
        #expect(errors.first?.message.hasPrefix("the paper has no \(missing) section") == true)
    }

    @Test func recommendationsMayComeFromTheBodyButMustComeFromSomewhere() throws {
        let noRecommendations = Self.header.replacingOccurrences(of: "recommendations: [Note the report., Agree to an annual update.]\n", with: "")
        let (_, missing) = layout("## Summary\n\nS.\n\n## Details\n\nD.\n", header: noRecommendations)
        #expect(missing.filter { $0.severity == .error }.map(\.code) == ["paper-missing-section"])
        let (layout, fromBody) = layout("## Summary\n\nS.\n\n## Recommendations\n\nNote it.\n\n## Details\n\nD.\n", header: noRecommendations)
        #expect(!fromBody.contains { $0.severity == .error })
        #expect(try #require(layout).sections[1].paragraphs.map(\.number) == ["2.1"])
    }

    @Test func unknownSectionsStayInPlaceNumberedWithAWarning() throws {
        let (layout, diagnostics) = layout("## Summary\n\nS.\n\n## Details\n\nD.\n\n## Risks\n\nR.\n\n## Legal implications\n\nL.\n")
        let titles = try #require(layout).sections.map(\.title)
        #expect(titles.prefix(6) == ["Summary", "Recommendations", "Details", "Risks", "Financial implications", "Legal implications"])
        let risk = diagnostics.first { $0.code == "paper-unknown-section" }
        #expect(risk?.severity == .warning)
        #expect(risk?.location.line == 20)
    }

    @Test func reportsRepeatedSectionsAndTextOutsideSections() {
        let (_, diagnostics) = layout("Stray text.\n\n## Summary\n\nS.\n\n## Details\n\nD.\n\n## Summary\n\nAgain.\n")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["paper-text-outside-section", "paper-duplicate-section"])
        #expect(errors.map(\.location.line) == [12, 22])
    }

    @Test func rendersEachDirective() throws {
        let (layout, diagnostics) = layout("""
            ## Summary

            Priorities:

            ```quorum priorities
            ```

            ## Details

            ```quorum action-plan-summary from=2017-08-01 to=2017-10-31
            ```

            ```quorum overdue-actions
            ```

            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.formatted))")
        let sections = try #require(layout).sections
        let priorities = sections[0].paragraphs[0].blocks[1]
        #expect(priorities.html.contains("<strong>Recruitment &amp; Retention</strong> (lead: Dami Okafor"))
        #expect(priorities.markdown.contains("- **Recruitment & Retention** (lead: Dami Okafor"))
        let details = sections.first { $0.title == "Details" }!
        // Directives opening a section get their own numbers.
        #expect(details.paragraphs.map(\.number) == ["3.1", "3.2"])
        let summary = details.paragraphs[0].blocks[0]
        #expect(summary.html.contains("<caption>Action plan delivery by priority, as at 15 November 2017; completed between 1 August 2017 and 31 October 2017</caption>"))
        #expect(summary.markdown.contains("| **All priorities** | **18** | **4** | **9** | **3** | **1** | **1** | **2** | **4** | **4** | **23.5%** |"))
        let overdue = details.paragraphs[1].blocks[0]
        #expect(overdue.markdown.contains("| Head of HR | Introduce a retention payment for key social workers | Recruitment & Retention | 31 October 2017 | 15 | In progress |"))
    }

    @Test(arguments: [
        ("quorum frobnicate", "directive-unknown", "unknown directive 'frobnicate' (known: action-plan-summary, benchmarks, caseloads, measures, overdue-actions, priorities, reconciliation, scenario-chart, scenario-table, workforce-change, workforce-chart, workforce-table)"),
        ("quorum priorities colour=red", "directive-argument", "priorities does not take 'colour' (it takes: none)"),
        ("quorum action-plan-summary from=2017-08-01", "directive-argument", "action-plan-summary: give both 'from' and 'to', or neither"),
        ("quorum action-plan-summary from=2017-08-01 to=yesterday", "directive-argument", "action-plan-summary: 'to' must be a date written YYYY-MM-DD, not 'yesterday'"),
        ("quorum action-plan-summary from=2018-01-01 to=2017-01-01", "directive-argument", "action-plan-summary: 'from' 2018-01-01 is after 'to' 2017-01-01"),
    ])
    func reportsBadDirectivesAtTheirLine(info: String, code: String, message: String) {
        let (_, diagnostics) = layout("## Summary\n\nS.\n\n## Details\n\n```\(info)\n```\n")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.location.line == 18)
        #expect(errors.first?.message.hasPrefix(message) == true, "\(errors.first?.message ?? "")")
    }

    @Test func ordinaryCodeBlocksStayCode() throws {
        let (layout, _) = layout("## Summary\n\n```swift\nlet quorum = 1\n```\n\n## Details\n\nD.\n")
        #expect(try #require(layout).sections[0].paragraphs[0].blocks[0].html.contains("<code class=\"language-swift\">"))
    }

    @Test func exemptPapersNeedTheirParagraph() {
        var log = DiagnosticLog()
        let text = Self.header.replacingOccurrences(of: "class: open", with: "class: exempt") + "## Summary\n\nS.\n"
        let paper = CommitteePaper.load(SourceFile(path: "p.md", relativePath: "papers/p.md", text: text), log: &log)
        #expect(paper == nil)
        #expect(log.entries.map(\.code) == ["paper-exempt-paragraph"])
        #expect(log.entries.first?.location.line == 8)
    }

    @Test func reportsMissingHeaderFields() {
        var log = DiagnosticLog()
        let text = "---\ntitle: No committee\nmeeting_date: 2017-13-40\nclass: secret\n---\n## Summary\n"
        _ = CommitteePaper.load(SourceFile(path: "p.md", relativePath: "papers/p.md", text: text), log: &log)
        #expect(Set(log.entries.map(\.code)) == ["front-matter-missing", "front-matter-date", "paper-class"])
        #expect(log.entries.filter { $0.code == "front-matter-missing" }.count == 5)
    }
}

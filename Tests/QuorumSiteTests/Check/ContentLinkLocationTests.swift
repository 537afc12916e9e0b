import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSite
@testable import QuorumStrategy
@testable import QuorumSupport
import QuorumTestSupport

/// A broken link or anchor written in any kind of markdown content is reported at its
/// markdown file, line and column, whatever page it ends up on: never at the template.
@Suite("Links located in every kind of content")
struct ContentLinkLocationTests {
    /// `path:line:col code` for each link problem of `report`, the path from the content folder.
    static func located(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.code.hasPrefix("broken-") }.map { d in
            let path = d.location.path.split(separator: "/").drop { $0 != "Content" }.dropFirst().joined(separator: "/")
            return "\(path):\(d.location.line):\(d.location.column) \(d.code)"
        }
    }

    /// `line:column` of the first `needle` in `text`, counted from 1 as diagnostics count.
    static func position(of needle: String, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains(needle) }!
        let column = lines[index].utf8.count - lines[index].split(separator: needle, maxSplits: 1,
                                                                   omittingEmptySubsequences: false)[1].utf8.count - needle.utf8.count + 1
        return "\(index + 1):\(column)"
    }

    // MARK: Papers, priorities and annual updates, in the sample site

    static let paper = """
        ---
        committee: Corporate Parenting Board
        title: Links
        meeting_date: 2019-01-16
        item: "3"
        key_decision: no
        contributors:
          - name: A Officer
            role: Head of Service
        contact:
          name: A Officer
          role: Head of Service
          phone: 020 7946 0000
          email: a.officer@example.gov.uk
        class: open
        recommendations:
          - Note the plan.
          - Read [the plan](../plan.html).
          - "Agree [the budget](#nowhere-budget)."
        background_documents:
          - title: The old strategy
            link: ../media/old-strategy.pdf
        ---
        ## Summary

        See [the strategy](../strategy.html) and [gone](../gone.html).

        ## Details

        - A list with [an anchor](#nowhere).

        ```quorum priorities
        ```

        """

    static let priority = """
        ---
        id: links
        title: Links
        order: 9
        lead: A Officer, Head of Service
        ---
        Read [the plan](gone.html) and [the lead](#nowhere): this first paragraph is in papers too.

        """

    static let annualAddition = "\nSee [the update](../gone-2018.html) and [its anchor](#nowhere-2018).\n"
    static let note = "  - 2017-09-12: Tender issued, see [the tender](gone-from-a-note.html)."

    /// The sample content with a broken link and anchor in a paper (body and front matter),
    /// a priority, an annual update and an action-plan progress note.
    static let sample: (report: BuildReport, annual: String) = {
        let root = TestPaths.temporaryFolder("content-links-sample")
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try! FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
        let annual = try! String(contentsOf: content.appendingPathComponent("annual-updates/2018.md"), encoding: .utf8)
            + annualAddition
        let plan = try! String(contentsOf: content.appendingPathComponent("action-plan.md"), encoding: .utf8)
        precondition(plan.contains("  - 2017-09-12: Tender issued to three agencies."))
        writeTree([
            "papers/2019-01-16-links.md": paper,
            "priorities/links.md": priority,
            "annual-updates/2018.md": annual,
            "action-plan.md": plan.replacingOccurrences(of: "  - 2017-09-12: Tender issued to three agencies.", with: note),
        ], in: content)
        let output = root.appendingPathComponent("public")
        let built = SiteBuild.render(BuildOptions(content: content, templates: TestPaths.templates, output: output, asOf: sampleDate))
        return (built.report, annual)
    }()

    @Test func linksInAPaperAreReportedAtTheirMarkdownLine() {
        let paper = Self.paper
        let found = Self.located(Self.sample.report).filter { $0.hasPrefix("papers/") }
        #expect(found == [
            "papers/2019-01-16-links.md:\(Self.position(of: "[the plan]", in: paper)) broken-link",
            "papers/2019-01-16-links.md:\(Self.position(of: "[the budget]", in: paper)) broken-anchor",
            "papers/2019-01-16-links.md:\(Self.position(of: "../media/old-strategy.pdf", in: paper)) broken-link",
            "papers/2019-01-16-links.md:\(Self.position(of: "[gone]", in: paper)) broken-link",
            "papers/2019-01-16-links.md:\(Self.position(of: "[an anchor]", in: paper)) broken-anchor",
        ])
        // Pinned once by hand, so the helper above cannot hide an offset.
        #expect(found.first == "papers/2019-01-16-links.md:18:10 broken-link")
        #expect(found.last == "papers/2019-01-16-links.md:30:15 broken-anchor")
    }

    @Test func linksInAPriorityAreReportedAtThePriorityFile() {
        // The priorities directive in the paper shows the first paragraph as plain text, so
        // the links are on the strategy page only, and reported once, at the priority.
        #expect(Self.located(Self.sample.report).filter { $0.hasPrefix("priorities/") } == [
            "priorities/links.md:7:6 broken-link",
            "priorities/links.md:7:32 broken-anchor",
        ])
    }

    @Test func linksInAnAnnualUpdateAreReportedAtItsLine() {
        let annual = Self.sample.annual
        #expect(Self.located(Self.sample.report).filter { $0.hasPrefix("annual-updates/") } == [
            "annual-updates/2018.md:\(Self.position(of: "[the update]", in: annual)) broken-link",
            "annual-updates/2018.md:\(Self.position(of: "[its anchor]", in: annual)) broken-anchor",
        ])
    }

    @Test func aProgressNoteIsPlainTextSoItsLinkIsNeitherPublishedNorChecked() throws {
        let report = Self.sample.report
        #expect(!Self.located(report).contains { $0.hasPrefix("action-plan.md") })
        // The note is read as the text a reader sees: the link's address is not kept, so no
        // page (the overdue-actions table, the only place notes are shown) can link to it.
        var log = DiagnosticLog()
        let file = SourceFile(path: "Content/action-plan.md", relativePath: "action-plan.md",
                              text: "## Recruitment & Retention\n\n- [ ] Commission a partner {owner: HR; due: 2017-12-15; status: in progress}\n"
                                  + Self.note + "\n")
        var reader = ActionPlanReader(source: MarkdownSource(file: file, log: &log), priorities: CommitteePaperTests.data.priorities)
        let action = try #require(reader.read(log: &log).first)
        #expect(action.notes.map(\.text) == ["Tender issued, see the tender."])
        // Nothing else is wrong with the sample: only the links written above are reported.
        #expect(Self.located(report).count == 9, "\(Self.located(report))")
        #expect(report.diagnostics.allSatisfy { $0.severity != .error || $0.code.hasPrefix("broken-") },
                "\(report.diagnostics.map(\.formatted))")
    }

    // MARK: Vacancies, testimonials and events, in a small microsite

    static let event = """
        ---
        title: Open day
        kind: open-day
        date: 2027-01-20
        time: 1pm to 4pm
        venue: Town Hall
        ---
        Come and meet us: see [the team](gone-team.html).

        Or [our values](#nowhere-event).

        """

    @Test func linksInVacanciesTestimonialsAndEventsAreReportedAtTheirMarkdownLine() {
        let vacancy = MicrositeContentTests.vacancy()
            .replacingOccurrences(of: "The job.", with: "The job: [apply](../gone-apply.html).\n\n[Duties](#nowhere-duties)")
        let testimonial = MicrositeContentTests.testimonial(body: "My story.\n\nSee [the team](media/gone-story.pdf) and [more](#nowhere-story).")
        let (report, _) = MicrositeContentTests.build([
            "vacancies/social-worker.md": vacancy, "testimonials/jo.md": testimonial, "events/open-day.md": Self.event,
        ])
        #expect(Self.located(report) == [
            "events/open-day.md:8:23 broken-link",
            "events/open-day.md:10:4 broken-anchor",
            "testimonials/jo.md:\(Self.position(of: "[the team]", in: testimonial)) broken-link",
            "testimonials/jo.md:\(Self.position(of: "[more]", in: testimonial)) broken-anchor",
            "vacancies/social-worker.md:\(Self.position(of: "[apply]", in: vacancy)) broken-link",
            "vacancies/social-worker.md:\(Self.position(of: "[Duties]", in: vacancy)) broken-anchor",
        ])
        // An event is shown on the events page: the message says so, since its link resolves from there.
        #expect(report.diagnostics.first?.message == "link 'gone-team.html': there is no gone-team.html in the output (in events.html)")
    }

    @Test func anEventShownOnSeveralPagesIsReportedOnceAtItsLine() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), templates = root.appendingPathComponent("Templates")
        writeTree(MicrositeContentTests.pages.merging([
            "site.yaml": MicrositeContentTests.site, "events/open-day.md": Self.event,
            "pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
        ]) { $1 }, in: content)
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        // A theme that shows the next events' descriptions on ordinary pages too: the event's
        // links are then on about.html as well as events.html (index.html has its own template).
        let page = try String(contentsOf: templates.appendingPathComponent("page.mustache"), encoding: .utf8)
        writeTree(["page.mustache": page.replacingOccurrences(of: "{{/main}}", with: "{{#nextEvents}}{{{description}}}{{/nextEvents}}\n{{/main}}")],
                  in: templates)
        let report = SiteBuild.render(BuildOptions(content: content, templates: templates, output: root.appendingPathComponent("public"),
                                                   asOf: CalendarDate("2026-11-20")!)).report
        #expect(Self.located(report) == ["events/open-day.md:8:23 broken-link", "events/open-day.md:10:4 broken-anchor"])
        #expect(report.diagnostics.map(\.message) == [
            "link 'gone-team.html': there is no gone-team.html in the output (in about.html and 1 other page)",
            "link '#nowhere-event': the page has no element with id 'nowhere-event' (in about.html and 1 other page)",
        ])
    }
}

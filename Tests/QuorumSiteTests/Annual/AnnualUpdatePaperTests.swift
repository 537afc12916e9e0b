import Foundation
import Testing
@testable import QuorumPapers
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport

/// Annual updates as the build writes them: the sample's two years, the merge of officer
/// text, and what the paper says when data is missing.
@Suite("Annual update papers")
struct AnnualUpdatePaperTests {
    static let built: [String: String] = {
        let root = TestPaths.temporaryFolder("annual-papers")
        defer { TestPaths.remove(root) }
        let report = SiteBuild.build(options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public")))
        precondition(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        return readTree(root.appendingPathComponent("public")).mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    @Test func theSampleUpdatesMatchTheirGoldenFiles() throws {
        for name in ["annual-update-2018.md", "annual-update-2018.html", "annual-update-2019.md", "annual-update-2019.html"] {
            let text = try #require(Self.built["papers/\(name)"], "papers/\(name) was not built")
            try Golden.assertText(text, matches: "annual/\(name)")
        }
    }

    @Test func theSecondYearComparesWithTheFirst() throws {
        let second = try #require(Self.built["papers/annual-update-2019.md"])
        #expect(second.contains("1.2 The vacancy rate fell from 20.0% on 30 September 2018 to 18.9% on 30 September 2019"))
        let first = try #require(Self.built["papers/annual-update-2018.md"])
        #expect(first.contains("to 20.0% on 30 September 2018"))
        #expect(Self.built["papers/index.html"]?.contains("annual-update-2019.html") == true)
    }

    @Test func officerTextFollowsTheGeneratedTextAndIsNumberedOn() throws {
        let paper = try #require(Self.built["papers/annual-update-2018.md"])
        let summary = try #require(paper.components(separatedBy: "## 1. Summary").last?.components(separatedBy: "## 2.").first)
        let numbers = summary.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.flatMap { $0.hasPrefix("1.") ? String($0) : nil }
        }
        #expect(numbers == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"])
        #expect(summary.contains("1.1 This is the annual update"))
        #expect(summary.contains("1.8 In the Board's view the Strategy is starting to work"))
        // Sections the officer did not write are still there, with the standard sentence.
        #expect(paper.contains("## 3. Policy context\n\n3.1 Members of the Select Committee asked to receive an annual update"))
    }

    /// A tiny content folder with one snapshot and an update whose period lies wholly before it.
    @Test func aPeriodWithNoSnapshotSaysSoAndInventsNothing() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.sampleContent.appendingPathComponent("workforce"),
                                         to: content.appendingPathComponent("workforce"))
        writeTree([
            "site.yaml": "title: T\ncouncil: C\n",
            "pages/index.md": "---\ntitle: Home\n---\n",
            "annual-updates/2016.md": """
                ---
                committee: Children and Young People Select Committee
                title: Annual update 2016
                meeting_date: 2016-11-16
                item: "4"
                key_decision: no
                contributors: [{name: A Person, role: Director}]
                class: open
                recommendations: [Note the update.]
                contact: {name: A Person, role: Director, phone: "020 7946 0000", email: a@example.org}
                ---
                ## Summary

                Officer summary.

                ## Details

                Officer details.

                """,
        ], in: content)
        let output = root.appendingPathComponent("annual")
        var options = options(content: content, output: output)
        options.asOf = CalendarDate("2019-11-20")!
        let report = AnnualBuild.build(options, AnnualBuild.Request(year: 2016))
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        let paper = try String(contentsOf: output.appendingPathComponent("papers/annual-update-2016.md"), encoding: .utf8)
        #expect(paper.contains("There is no workforce snapshot on or before 16 November 2016, the end of the period, so this report contains no workforce figures."))
        #expect(!paper.contains("%"))
        #expect(paper.contains("Officer details."))
    }

    @Test func theCommandBuildsOneYearForGivenDates() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("out"))
        options.asOf = sampleDate
        let period = ReportingPeriod(from: CalendarDate("2018-03-31")!, to: CalendarDate("2018-09-30")!)
        let report = AnnualBuild.build(options, AnnualBuild.Request(year: 2018, period: period))
        #expect(report.wrote && report.errorCount == 0)
        let paper = try String(contentsOf: root.appendingPathComponent("out/papers/annual-update-2018.md"), encoding: .utf8)
        #expect(paper.contains("It covers 31 March 2018 to 30 September 2018."))
        // The start is the snapshot whose figures failed validation: the paper says so.
        #expect(paper.contains("The vacancy rate fell from 24.9% on 31 March 2018 to 20.0% on 30 September 2018, a fall of 4.9 percentage points. This is an improvement. The figures for 31 March 2018 include data that failed validation, so treat this with caution."))
        #expect(paper.contains("The workforce snapshot at 31 March 2018 failed validation in 6 places."))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/assets/quorum.css").path))
    }

    @Test func recruitmentActivityCountsAdvertsAndStoriesOfThePeriod() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("out"))
        options.asOf = CalendarDate("2026-11-23")!
        // The sample's adverts were posted in October and November 2026, its stories given in 2025 and 2026.
        let period = ReportingPeriod(from: CalendarDate("2026-01-01")!, to: CalendarDate("2026-11-23")!)
        let report = AnnualBuild.build(options, AnnualBuild.Request(year: 2019, period: period))
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        let paper = try String(contentsOf: root.appendingPathComponent("out/papers/annual-update-2019.md"), encoding: .utf8)
        #expect(paper.contains("In the period, 7 job adverts were published on the recruitment site (1 of them rolling), and 6 staff stories were published with their authors' consent."))
        // The sample's own 2019 update covers a year with none in the content, and says nothing of them.
        #expect(Self.built["papers/annual-update-2019.md"]?.contains("job advert") == false)
    }

    /// Like `build`, `quorum annual` takes its date from site.yaml's `as_of` unless given one.
    @Test func theCommandTakesTheDateSiteYAMLPins() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let options = BuildOptions(content: TestPaths.sampleContent, templates: TestPaths.templates,
                                   output: root.appendingPathComponent("out"), asOf: CalendarDate("2040-01-01")!,
                                   asOfIsToday: true)
        let report = AnnualBuild.build(options, AnnualBuild.Request(year: 2018))
        #expect(report.wrote)
        let html = try String(contentsOf: root.appendingPathComponent("out/papers/annual-update-2018.html"), encoding: .utf8)
        #expect(html.contains("Built as at 23 November 2026"))
        // A paper built on its own is not the public site: it names no public address.
        #expect(!html.contains("rel=\"canonical\"") && !html.contains("og:url"))
    }

    @Test func aYearWithoutAnOfficerFileIsAnError() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let report = AnnualBuild.build(options(content: TestPaths.sampleContent, output: root.appendingPathComponent("out")),
                                       AnnualBuild.Request(year: 2031))
        #expect(!report.wrote)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.code) == ["annual-missing"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }
}

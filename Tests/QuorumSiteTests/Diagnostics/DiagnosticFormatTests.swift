import Foundation
import Testing
@testable import QuorumSite
@testable import QuorumSupport

/// The three output formats, to the letter: GitHub reads the workflow commands, and tools
/// read the JSON.
@Suite("Diagnostic formats")
struct DiagnosticFormatTests {
    let diagnostics = [
        Diagnostic.error(QuorumSupport.SourceLocation(path: "Content/pages/a, b: c.md", line: 12, column: 3),
                         "50% done\r\nnext line: with, commas", code: "broken-link"),
        Diagnostic.warning(QuorumSupport.SourceLocation(path: "Content/site.yaml", line: 2), "unknown key 'colour'", code: "unknown-key"),
    ]

    @Test func githubWorkflowCommandsFollowGitHubsSyntaxAndEscaping() {
        let text = DiagnosticFormat.github.render(diagnostics, summary: "Build failed: 1 error, 1 warning")
        #expect(text == """
            ::error file=Content/pages/a%2C b%3A c.md,line=12,col=3,title=broken-link::50%25 done%0D%0Anext line: with, commas
            ::warning file=Content/site.yaml,line=2,col=1,title=unknown-key::unknown key 'colour'
            Build failed: 1 error, 1 warning

            """)
        // Every command is one physical line, whatever the message held.
        #expect(text.split(separator: "\n").count == 3)
    }

    @Test func githubWithoutSummaryPrintsOnlyCommands() {
        #expect(DiagnosticFormat.github.render([], summary: nil) == "")
        #expect(DiagnosticFormat.github.render(Array(diagnostics.suffix(1)), summary: nil)
                == "::warning file=Content/site.yaml,line=2,col=1,title=unknown-key::unknown key 'colour'\n")
    }

    @Test func jsonHasEveryFieldOfEveryDiagnostic() throws {
        let text = DiagnosticFormat.json.render(diagnostics, summary: "S")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["summary"] as? String == "S")
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(entries[0]["path"] as? String == "Content/pages/a, b: c.md")
        #expect(entries[0]["line"] as? Int == 12)
        #expect(entries[0]["column"] as? Int == 3)
        #expect(entries[0]["severity"] as? String == "error")
        #expect(entries[0]["message"] as? String == "50% done\r\nnext line: with, commas")
        #expect(entries[0]["code"] as? String == "broken-link")
        #expect(entries[1]["severity"] as? String == "warning")
    }

    @Test func textIsOneLinePerDiagnosticThenTheSummary() {
        #expect(DiagnosticFormat.text.render(Array(diagnostics.suffix(1)), summary: "Done")
                == "Content/site.yaml:2:1: warning: unknown key 'colour' [unknown-key]\nDone\n")
    }

    @Test func theBuildSummaryHoldsCountsTimingsAndTheDate() throws {
        var report = BuildReport(diagnostics: diagnostics, pageCount: 3, fileCount: 0, wrote: false, strict: true)
        report.asOf = CalendarDate("2018-11-20")
        report.timings.render = 12.5
        report.externalLinks = [ExternalLink(url: "https://example.org", locations: [])]
        let json = try #require(try JSONSerialization.jsonObject(with: BuildSummary(report, output: "public").json) as? [String: Any])
        #expect(json["asOf"] as? String == "2018-11-20")
        #expect(json["succeeded"] as? Bool == false)
        #expect(json["wrote"] as? Bool == false)
        #expect(json["strict"] as? Bool == true)
        #expect(json["output"] as? String == "public")
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts == ["pages": 3, "files": 0, "errors": 1, "warnings": 1, "notes": 0, "externalLinks": 1])
        let timings = try #require(json["timings"] as? [String: Double])
        #expect(timings["render"] == 12.5 && timings["total"] == 12.5)
        #expect((json["diagnostics"] as? [Any])?.count == 2)
        #expect(BuildSummary.defaultURL(forOutput: URL(fileURLWithPath: "/site/public")).path == "/site/quorum-build.json")
    }
}

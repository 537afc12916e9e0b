import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// The sample papers as a build writes them, and the rule that exempt text never goes public.
@Suite("Committee paper output")
struct PaperOutputTests {
    /// Builds the sample content once, with exempt papers sent to their own folder.
    static let build: (public: [String: Data], exempt: [String: Data], report: BuildReport) = {
        let root = TestPaths.temporaryFolder("paper-output")
        defer { TestPaths.remove(root) }
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public"))
        options.exemptOutput = root.appendingPathComponent("exempt")
        let report = SiteBuild.build(options)
        return (readTree(root.appendingPathComponent("public")), readTree(root.appendingPathComponent("exempt")), report)
    }()

    @Test func theSamplePapersMatchTheirGoldenFiles() throws {
        #expect(Self.build.report.errorCount == 0, "\(Self.build.report.diagnostics.map(\.formatted))")
        for name in ["2017-11-15-workforce-strategy.html", "2017-11-15-workforce-strategy.md", "index.html"] {
            let data = try #require(Self.build.public["papers/\(name)"], "papers/\(name) was not built")
            try Golden.assertText(String(decoding: data, as: UTF8.self), matches: "papers/\(name)")
        }
        let exempt = try #require(Self.build.exempt["papers/2017-11-15-retention-payments.html"])
        try Golden.assertText(String(decoding: exempt, as: UTF8.self), matches: "papers/exempt/2017-11-15-retention-payments.html")
        let exemptMarkdown = try #require(Self.build.exempt["papers/2017-11-15-retention-payments.md"])
        try Golden.assertText(String(decoding: exemptMarkdown, as: UTF8.self), matches: "papers/exempt/2017-11-15-retention-payments.md")
    }

    @Test func noExemptTextReachesAnyPublicFile() throws {
        let phrases = ["Retention payments for key social workers", "market supplement of £3,000", "£186,000",
                       "2017-11-15-retention-payments", "Schedule 12A"]
        #expect(!Self.build.public.isEmpty)
        for (path, data) in Self.build.public {
            let text = String(decoding: data, as: UTF8.self)
            for phrase in phrases {
                #expect(!text.contains(phrase), "public/\(path) contains exempt text '\(phrase)'")
            }
        }
    }

    @Test func exemptPapersAreMarkedAndKeptApart() throws {
        let html = String(decoding: try #require(Self.build.exempt["papers/2017-11-15-retention-payments.html"]), as: UTF8.self)
        #expect(html.contains("NOT FOR PUBLICATION. This paper is exempt under paragraph 4 of Schedule 12A"))
        #expect(html.contains("@top-center { content: \"NOT FOR PUBLICATION – Exempt under paragraph 4 of Schedule 12A"))
        // It links to no public page: the exempt folder holds none, and the build checked
        // that every link in the folder resolves inside it (the logo is copied too).
        #expect(!html.contains("vacancies.html") && !html.contains("accessibility.html") && !html.contains("\"../index.html\""))
        #expect(Self.build.exempt["media/harbourside-logo.svg"] != nil)
        // Nor does it name the public site's address for itself.
        #expect(!html.contains("rel=\"canonical\"") && !html.contains("og:url") && !html.contains("https://"))
        let publicPaper = String(decoding: try #require(Self.build.public["papers/2017-11-15-workforce-strategy.html"]), as: UTF8.self)
        #expect(publicPaper.contains("rel=\"canonical\"") && publicPaper.contains("og:url"))
        #expect(Self.build.report.diagnostics.allSatisfy { !$0.code.hasPrefix("broken-") })
        let markdown = String(decoding: try #require(Self.build.exempt["papers/2017-11-15-retention-payments.md"]), as: UTF8.self)
        #expect(markdown.hasPrefix("> **NOT FOR PUBLICATION."))
        // The exempt folder holds exempt papers only.
        #expect(Self.build.exempt.keys.filter { $0.hasPrefix("papers/") }.sorted() == [
            "papers/2017-11-15-retention-payments.docx", "papers/2017-11-15-retention-payments.html",
            "papers/2017-11-15-retention-payments.md", "papers/index.html",
        ])
    }

    @Test func withoutTheOptionExemptPapersAreNotBuiltAtAll() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let report = SiteBuild.build(options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public")))
        #expect(report.wrote)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".public.quorum-lock", "public"])
    }

    @Test(arguments: ["public/exempt", "."])
    func theExemptFolderMayNotBeInsideOrAroundThePublicOne(_ relative: String) {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public"))
        options.exemptOutput = root.appendingPathComponent(relative)
        let report = SiteBuild.build(options)
        #expect(!report.wrote)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.code) == ["exempt-output"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }
}

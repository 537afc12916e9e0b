import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

/// The sample council's microsite, built as at its pinned date (site.yaml's `as_of`).
@Suite("The sample microsite")
struct SampleMicrositeTests {
    static let asOf = CalendarDate("2026-11-23")!

    /// Builds the sample content once per test into a temporary folder.
    static func build() -> (report: BuildReport, files: [String: String], root: URL) {
        let root = TestPaths.temporaryFolder()
        let output = root.appendingPathComponent("public")
        let report = SiteBuild.build(BuildOptions(content: TestPaths.sampleContent, templates: TestPaths.templates,
                                                  output: output, asOf: asOf))
        let files = readTree(output).mapValues { String(decoding: $0, as: UTF8.self) }
        return (report, files, root)
    }

    @Test func buildsWithOnlyNotes() {
        let (report, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        let warnings = report.diagnostics.map { "\($0.location.path.split(separator: "/").suffix(2).joined(separator: "/")) \($0.code)" }
        // Notes only: two testimonials left out (consent ended within the month), and the
        // workforce problems the sample's config accepts, how the outline return is read, and the
        // areas above the optimum caseload (a fact about the service, not a fault). So the nightly
        // `--strict` build passes.
        #expect(report.diagnostics.allSatisfy { $0.severity == .note }, "\(report.diagnostics.map(\.formatted))")
        // And the note that the papers' Word versions show the chart as its table.
        #expect(warnings == [
            "papers/2017-11-15-workforce-strategy.md docx-chart-as-table",
            "testimonials/marcus-bell.md consent-withdrawn", "testimonials/rebecca-lowe.md consent-expired",
            "snapshots/2018-03-31.csv workforce-vacant-mismatch", "snapshots/2018-03-31.csv workforce-group-sum",
            "snapshots/2018-03-31.csv workforce-rate-as-fraction", "snapshots/2018-03-31.csv workforce-group-sum",
            "snapshots/2018-03-31.csv workforce-unreadable-cell", "snapshots/2018-03-31.csv workforce-area-sum",
            "snapshots/2018-09-30.tsv workforce-outline-layout",
        ] + Array(repeating: "snapshots/2019-09-30.csv planning-caseload-above-optimum", count: 7))
        for page in ["index.html", "vacancies.html", "testimonials.html", "events.html", "404.html", "accessibility.html",
                     "privacy.html", "careers.html", "careers/asye.html", "careers/managers.html", "reward.html",
                     "why-work-here.html", "sitemap.xml", "robots.txt", "feeds/vacancies.xml"] {
            #expect(files[page] != nil, "missing \(page)")
        }
        #expect(files.keys.count { $0.hasPrefix("testimonials/") } == 8)
        for (path, html) in files where path.hasSuffix(".html") {
            #expect(html.contains("accessibility.html\">Accessibility statement</a>"), "\(path) has no link to the accessibility statement")
        }
        #expect(files.keys.count { $0.hasPrefix("vacancies/") && !$0.contains("/team/") && !$0.contains("/contract/") } == 6)
    }

    /// Expired and withdrawn testimonials, closed adverts and past events are in no output file:
    /// not their pages, not the listings, the home page, the feed or the sitemap.
    @Test func leftOutItemsAreAbsentFromEveryOutputFile() {
        let (_, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        let absent = [
            "Rebecca Lowe", "the duty rota here is fair", "rebecca-lowe",          // consent expired
            "Marcus Bell", "I was promoted twice in eight years", "marcus-bell",    // consent withdrawn
            "Supervising Social Worker, Fostering", "CSC-2026-039", "supervising-social-worker-fostering", // closed
            "Community Care Live", "Business Design Centre",                        // past event
        ]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            #expect(!absent.contains { path.contains($0) }, "\(path) should not exist")
            for phrase in absent where text.contains(phrase) {
                Issue.record("\(path) contains '\(phrase)'")
            }
        }
        #expect(files["testimonials.html"]?.contains("Amara Osei") == true)
        #expect(files["events.html"]?.contains("ASYE academy open day") == true)
    }

    @Test func everyAdvertCarriesJobPostingData() throws {
        let (_, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        let adverts = files.filter { $0.key.hasPrefix("vacancies/") && $0.key.split(separator: "/").count == 2 }
        #expect(adverts.count == 6)
        for (path, html) in adverts {
            let posting = try #require(JobPostingCheck.jsonLD(in: html), "\(path) has no JSON-LD")
            let problems = JobPostingCheck.problems(posting)
            #expect(problems.isEmpty, "\(path): \(problems)")
            let rolling = path.contains("newly-qualified")
            #expect((posting["validThrough"] == nil) == rolling, "\(path): validThrough only on dated adverts")
        }
        let asye = try #require(files["vacancies/newly-qualified-social-worker-asye.html"])
        #expect(asye.contains("Rolling advert: there is no closing date"))
        let temporary = try #require(JobPostingCheck.jsonLD(in: files["vacancies/independent-reviewing-officer.html"] ?? ""))
        #expect(temporary["employmentType"] as? [String] == ["FULL_TIME", "TEMPORARY"])
        #expect(temporary["validThrough"] as? String == "2026-12-21")
    }

    @Test func listingsFilterByTeamAndContractWithoutJavaScript() throws {
        let (_, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        let fixedTerm = try #require(files["vacancies/contract/fixed-term.html"])
        #expect(fixedTerm.contains("Independent Reviewing Officer") && fixedTerm.contains("Family Support Worker"))
        #expect(!fixedTerm.contains("Team Manager, Leaving Care"))
        let team = try #require(files["vacancies/team/family-social-work.html"])
        #expect(team.contains("aria-current=\"page\">Family Social Work (2)"))
        #expect(!files.values.contains { $0.contains("<script") && !$0.contains("<script type=\"application/ld+json\">") })
    }

    @Test func feedSitemapAndRobotsUseTheBaseURL() throws {
        let (_, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        let base = "https://socialwork.harbourside.example.gov.uk"
        let feed = try #require(files["feeds/vacancies.xml"])
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 6)
        #expect(feed.contains("<id>\(base)/vacancies/team-manager-leaving-care.html</id>"))
        _ = try XMLDocument(xmlString: feed)
        let sitemap = try #require(files["sitemap.xml"])
        _ = try XMLDocument(xmlString: sitemap)
        #expect(sitemap.contains("<loc>\(base)/</loc>") && sitemap.contains("<loc>\(base)/testimonials/amara-osei.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        #expect(files["robots.txt"] == "User-agent: *\nAllow: /\nSitemap: \(base)/sitemap.xml\n")
        let home = try #require(files["index.html"])
        #expect(home.contains("<meta property=\"og:url\" content=\"\(base)/\">"))
        #expect(home.contains("<link rel=\"canonical\" href=\"\(base)/\">"))
        // The 404 page is served at any depth, so it links from the root path.
        #expect(files["404.html"]?.contains("href=\"/assets/quorum.css\"") == true)
    }

    @Test func theHomePageShowsAQuoteFactsAndCallsToAct() throws {
        let (_, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        let home = try #require(files["index.html"])
        #expect(home.contains("I came for the supervision and stayed for the team."))
        #expect(home.contains("class=\"figure\">16</span>"))
        #expect(home.contains("<a class=\"button\" href=\"vacancies.html\">See our vacancies</a>"))
        #expect(home.components(separatedBy: "<h1").count == 2)
    }

    @Test func noPageWeighsMoreThan100KBBeforeImages() {
        let (_, files, root) = Self.build()
        defer { TestPaths.remove(root) }
        let css = files["assets/quorum.css"]?.utf8.count ?? 0
        for (path, text) in files where path.hasSuffix(".html") {
            // The board's internal pages (the dashboard and the scenario pages, which show every
            // line of arithmetic month by month) are read on the council's network, not by
            // candidates on a phone: they are held to a looser budget.
            let isInternal = path == WorkforceRenderer.path || path.hasPrefix(ScenarioPageRenderer.folder + "/")
            let budget = (isInternal ? 500 : 100) * 1024
            #expect(text.utf8.count + css <= budget, "\(path) weighs \(text.utf8.count + css) bytes")
        }
    }
}

/// Reads the JSON-LD of a page and checks the fields job search engines require.
enum JobPostingCheck {
    static func jsonLD(in html: String) -> [String: Any]? {
        guard let start = html.range(of: "<script type=\"application/ld+json\">"),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { return nil }
        let json = Data(html[start.upperBound..<end.lowerBound].utf8)
        return (try? JSONSerialization.jsonObject(with: json)) as? [String: Any]
    }

    static func problems(_ posting: [String: Any]) -> [String] {
        var problems: [String] = []
        func text(_ value: Any?) -> String? { (value as? String).flatMap { $0.isEmpty ? nil : $0 } }
        if posting["@context"] as? String != "https://schema.org" { problems.append("@context") }
        if posting["@type"] as? String != "JobPosting" { problems.append("@type") }
        for key in ["title", "description"] where text(posting[key]) == nil { problems.append(key) }
        if text(posting["datePosted"]).flatMap(CalendarDate.init) == nil { problems.append("datePosted") }
        if let valid = posting["validThrough"], text(valid).flatMap(CalendarDate.init) == nil { problems.append("validThrough") }
        let types = posting["employmentType"] as? [String] ?? []
        if types.isEmpty || !types.allSatisfy(["FULL_TIME", "PART_TIME", "TEMPORARY"].contains) { problems.append("employmentType") }
        let organisation = posting["hiringOrganization"] as? [String: Any]
        if organisation?["@type"] as? String != "Organization" || text(organisation?["name"]) == nil {
            problems.append("hiringOrganization")
        }
        let address = (posting["jobLocation"] as? [String: Any])?["address"] as? [String: Any]
        if address?["@type"] as? String != "PostalAddress" || text(address?["postalCode"]) == nil
            || address?["addressCountry"] as? String != "GB" {
            problems.append("jobLocation")
        }
        let salary = posting["baseSalary"] as? [String: Any]
        let range = salary?["value"] as? [String: Any]
        if salary?["@type"] as? String != "MonetaryAmount" || salary?["currency"] as? String != "GBP"
            || range?["unitText"] as? String != "YEAR" || (range?["minValue"] as? Int ?? 0) <= 0
            || (range?["minValue"] as? Int ?? 0) > (range?["maxValue"] as? Int ?? 0) {
            problems.append("baseSalary")
        }
        return problems
    }
}

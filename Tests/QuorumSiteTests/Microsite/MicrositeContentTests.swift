import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumMicrosite
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport

/// Microsite content files, one rule at a time, on small content trees.
@Suite("Microsite content")
struct MicrositeContentTests {
    static let site = "title: T\ncouncil: Test Borough Council\nbase_url: https://jobs.example.gov.uk\n"
    static let pages = [
        "pages/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "pages/vacancies.md": "---\ntitle: Vacancies\ntemplate: vacancies\n---\n",
        "pages/testimonials.md": "---\ntitle: Stories\ntemplate: testimonials\n---\n",
        "pages/events.md": "---\ntitle: Events\ntemplate: events\n---\n",
    ]

    static func testimonial(_ extra: String = "", consent: String = "  given: 2026-01-01\n  scope: [website]\n  expires: 2027-01-01\n",
                            body: String = "My story.") -> String {
        "---\nname: Jo Bloggs\nrole: Social Worker\nteam: Children in Need\nyears: 3\nquote: Good supervision.\n\(extra)consent:\n\(consent)---\n\(body)\n"
    }

    static func vacancy(closes: String = "2026-12-01", extra: String = "") -> String {
        """
        ---
        title: Social Worker
        team: Children in Need
        grade: PO3
        salary_min: 40000
        salary_max: 45000
        hours: 36 hours a week
        working_pattern: full-time
        contract: permanent
        location:
          office: Town Hall
          street: 1 High Street
          town: London
          postcode: E1 1AA
        posted: 2026-11-01
        closes: \(closes)
        reference: REF-1
        apply_url: https://apply.example.org/apply/1
        registration: Social Work England
        \(extra)---
        The job.

        """
    }

    /// Builds `files` (plus the site settings and listing pages) as at `asOf`.
    static func build(_ files: [String: String], asOf: String = "2026-11-20")
        -> (report: BuildReport, output: [String: String])
    {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        writeTree(files.merging(["site.yaml": site]) { a, _ in a }.merging(pages) { a, _ in a }, in: content)
        let report = SiteBuild.build(BuildOptions(content: content, templates: TestPaths.templates, output: output,
                                                  asOf: CalendarDate(asOf)!))
        return (report, readTree(output).mapValues { String(decoding: $0, as: UTF8.self) })
    }

    static func located(_ report: BuildReport) -> [String] {
        report.diagnostics.map { "\($0.location.path.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line):\($0.location.column) \($0.code)" }
    }

    // MARK: Untrusted testimonials

    /// Script in any field or in the story never reaches a page as markup.
    @Test func scriptInATestimonialNeverReachesThePage() throws {
        let hostile = Self.testimonial(
            "photo_alt: \"\\\"><script>alert('alt')</script>\"\n",
            body: """
            <script>alert('story')</script>
            <img src=x onerror="alert('img')">
            <a href="javascript:alert('link')">click</a>
            <iframe src="https://evil.example"></iframe><style>body{display:none}</style>
            """
        ).replacingOccurrences(of: "name: Jo Bloggs", with: "name: \"<script>alert('name')</script>\"")
            .replacingOccurrences(of: "quote: Good supervision.", with: "quote: \"</p><script>alert('quote')</script>\"")
        let (report, output) = Self.build(["testimonials/evil.md": hostile])
        #expect(report.wrote)
        #expect(output["testimonials/evil.html"] != nil)
        for (path, text) in output where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            for markup in ["<script", "<iframe", "<style>body", "onerror=", "javascript:", "<img src=x"] where text.contains(markup) {
                Issue.record("\(path) contains \(markup)")
            }
        }
        #expect(output["testimonials/evil.html"]?.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;") == true)
    }

    /// The docs allow only https:// addresses and files in media/ in a story.
    @Test func storyLinksMustBeHTTPSOrMedia() {
        let body = """
            [a](https://ok.example/a) ![b](media/jo.png)
            [c](http://plain.example/c)
            [d](//host.example/d)
            see www.example.org
            [e](javascript:alert(1)) [f](&#106;avascript:alert(2))
            ![g](data:text/html;base64,PHNjcmlwdD4=) [h](../media/x.png)
            """
        let (report, _) = Self.build(["testimonials/t.md": Self.testimonial("", body: body), "media/jo.png": "png"])
        let found = report.diagnostics.filter { $0.code == "testimonial-link" }.map(\.location)
        #expect(found.map(\.line) == [13, 14, 15, 16, 16, 17, 17], "\(Self.located(report))")
        // (cmark-gfm starts a `www.` autolink one column early, so line 15 is left out here.)
        #expect(found.filter { $0.line != 15 }.map(\.column) == [1, 1, 1, 26, 1, 42])
        #expect(!report.wrote)
    }

    @Test func aPlainHTTPVideoIsAnError() {
        let (report, _) = Self.build(["testimonials/t.md": Self.testimonial("video: http://video.example/jo\ntranscript: Hello.\n")])
        #expect(Self.located(report) == ["testimonials/t.md:7:8 testimonial-video"])
    }

    @Test func aScriptLinkAsAVideoIsAnError() {
        let (report, _) = Self.build(["testimonials/t.md": Self.testimonial("video: javascript:alert(1)\ntranscript: Hello.\n")])
        #expect(Self.located(report) == ["testimonials/t.md:7:8 testimonial-video"])
    }

    @Test(arguments: [
        ("photo: media/none.jpg\nphoto_alt: A person\n", "testimonials/t.md:7:8 testimonial-photo"),
        ("photo: media/jo.png\n", "testimonials/t.md:7:8 testimonial-photo-alt"),
        ("video: https://video.example/jo\n", "testimonials/t.md:7:8 testimonial-transcript"),
        ("years: many\n", "testimonials/t.md:6:8 front-matter-type"),
    ])
    func testimonialDefectsAreReportedWhereTheyAre(extra: String, expected: String) {
        let text = Self.testimonial(extra).replacingOccurrences(of: "years: 3\n", with: extra.hasPrefix("years") ? "" : "years: 3\n")
        let (report, _) = Self.build(["testimonials/t.md": text, "media/jo.png": "png"])
        #expect(Self.located(report).contains(expected), "\(Self.located(report))")
        #expect(!report.wrote)
    }

    @Test func aTestimonialWithoutConsentIsAnError() {
        let text = "---\nname: Jo\nrole: R\nteam: T\nyears: 1\nquote: Q\n---\n"
        let (report, output) = Self.build(["testimonials/t.md": text])
        #expect(Self.located(report) == ["testimonials/t.md:2:1 front-matter-missing"])
        #expect(output.isEmpty)
    }

    // MARK: Consent

    @Test(arguments: [
        ("2026-06-30", Consent.Status.notYetGiven(CalendarDate("2026-07-01")!)),
        ("2026-07-01", .valid),
        ("2027-06-30", .valid),
        ("2027-07-01", .expired(CalendarDate("2027-07-01")!)),
    ])
    func consentIsValidFromTheDayGivenUntilTheDayBeforeExpiry(date: String, status: Consent.Status) {
        let consent = Consent(given: CalendarDate("2026-07-01")!, scope: ["website"], expires: CalendarDate("2027-07-01")!, withdrawn: nil)
        #expect(consent.status(on: CalendarDate(date)!) == status)
    }

    @Test func withdrawnConsentWinsAndScopeMustCoverTheWebsite() {
        let day = CalendarDate("2026-09-01")!
        let withdrawn = Consent(given: CalendarDate("2026-01-01")!, scope: ["website"], expires: CalendarDate("2027-01-01")!,
                                withdrawn: CalendarDate("2026-09-01")!)
        #expect(withdrawn.status(on: day) == .withdrawn(day))
        #expect(withdrawn.status(on: day.adding(days: -1)) == .valid)
        let printOnly = Consent(given: CalendarDate("2026-01-01")!, scope: ["print"], expires: CalendarDate("2027-01-01")!, withdrawn: nil)
        #expect(printOnly.status(on: day) == .outOfScope)
    }

    @Test func aTestimonialLeftOutIsWarnedAboutByFileAndIsInNoFile() {
        let (report, output) = Self.build([
            "testimonials/kept.md": Self.testimonial(),
            "testimonials/gone.md": Self.testimonial(consent: "  given: 2025-01-01\n  scope: [website]\n  expires: 2026-01-01\n")
                .replacingOccurrences(of: "Jo Bloggs", with: "Ann Expired"),
            "testimonials/pulled.md": Self.testimonial(consent: "  given: 2026-01-01\n  scope: [website]\n  expires: 2027-01-01\n  withdrawn: 2026-11-01\n")
                .replacingOccurrences(of: "Jo Bloggs", with: "Pat Withdrawn"),
        ])
        #expect(Self.located(report) == ["testimonials/gone.md:8:3 consent-expired", "testimonials/pulled.md:8:3 consent-withdrawn"])
        // Built as at 2026-11-20: the expiry is 323 days ago, so a warning to delete the words;
        // the withdrawal 19 days ago is within the month's grace, so a note.
        #expect(report.diagnostics.map(\.severity) == [.warning, .note])
        #expect(report.diagnostics.first?.message == "this testimonial is left out of the site: consent expired on 2026-01-01, "
                    + "323 days ago: delete this file (or the person's words in it); personal data should not be kept "
                    + "more than 30 days after consent ends")
        #expect(output["testimonials/kept.html"] != nil)
        for (path, text) in output {
            #expect(!text.contains("Ann Expired") && !text.contains("Pat Withdrawn") && !path.contains("gone") && !path.contains("pulled"))
        }
    }

    // MARK: Vacancies

    @Test func aVacancyIsPublishedUntilTheEndOfItsClosingDate() {
        #expect(Self.build(["vacancies/sw.md": Self.vacancy()], asOf: "2026-12-01").output["vacancies/sw.html"] != nil)
        let closed = Self.build(["vacancies/sw.md": Self.vacancy()], asOf: "2026-12-02")
        #expect(closed.report.diagnostics.isEmpty)
        #expect(closed.output["vacancies/sw.html"] == nil)
        #expect(!closed.output.values.contains { $0.contains("REF-1") })
        let early = Self.build(["vacancies/sw.md": Self.vacancy()], asOf: "2026-10-31")
        #expect(early.output["vacancies/sw.html"] == nil)
        let rolling = Self.build(["vacancies/sw.md": Self.vacancy(closes: "rolling")], asOf: "2030-01-01")
        #expect(rolling.output["vacancies/sw.html"]?.contains("Rolling advert") == true)
    }

    @Test(arguments: [
        ("soon", "", "vacancies/sw.md:16:9 vacancy-closes"),
        ("2026-10-01", "", "vacancies/sw.md:16:9 vacancy-dates"),
    ])
    func vacancyDefectsAreReportedWhereTheyAre(closes: String, extra: String, expected: String) {
        let (report, _) = Self.build(["vacancies/sw.md": Self.vacancy(closes: closes, extra: extra)])
        #expect(Self.located(report) == [expected])
    }

    @Test func vacancyFieldsAreChecked() {
        let text = Self.vacancy()
            .replacingOccurrences(of: "salary_max: 45000", with: "salary_max: 30000")
            .replacingOccurrences(of: "contract: permanent", with: "contract: zero-hours")
            .replacingOccurrences(of: "apply_url: https://apply.example.org/apply/1", with: "apply_url: javascript:alert(1)")
            .replacingOccurrences(of: "  postcode: E1 1AA\n", with: "")
        let (report, _) = Self.build(["vacancies/sw.md": text])
        #expect(Self.located(report) == [
            "vacancies/sw.md:6:13 vacancy-salary", "vacancies/sw.md:9:11 vacancy-contract",
            "vacancies/sw.md:11:3 front-matter-missing", "vacancies/sw.md:17:12 vacancy-apply-url",
        ])
    }

    @Test func twoAdvertsCannotShareAReference() {
        let (report, _) = Self.build(["vacancies/a.md": Self.vacancy(), "vacancies/b.md": Self.vacancy()])
        #expect(Self.located(report) == ["vacancies/b.md:17:12 vacancy-reference"])
    }

    // MARK: Events and listings

    @Test func pastEventsDropOff() {
        let event = "---\ntitle: Open day\nkind: open-day\ndate: 2026-11-19\ntime: 1pm\nvenue: Town Hall\n---\nCome.\n"
        let fair = "---\ntitle: Fair\nkind: recruitment-fair\ndate: 2026-11-19\nend: 2026-11-20\ntime: 9am\nvenue: Hall\n---\n"
        let (report, output) = Self.build(["events/a.md": event, "events/b.md": fair], asOf: "2026-11-20")
        #expect(report.diagnostics.isEmpty)
        #expect(output["events.html"]?.contains("Open day") == false)
        #expect(output["events.html"]?.contains("Thursday 19 November 2026 to Friday 20 November 2026") == true)
    }

    @Test func contentWithoutAListingPageIsWarnedAbout() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        writeTree(["site.yaml": Self.site, "vacancies/sw.md": Self.vacancy()], in: content)
        let report = SiteBuild.check(options(content: content, output: root.appendingPathComponent("public")))
        #expect(report.diagnostics.map(\.code) == ["microsite-listing-page"])
    }

    // MARK: as_of

    @Test func siteYAMLsAsOfPinsTheDateOnlyWhenNoneWasChosen() {
        var config = SiteConfig(title: "T", council: "C", baseURL: "", language: "en-GB", description: "",
                                primaryColour: "#000000", logo: nil)
        config.asOf = CalendarDate("2026-11-23")
        let url = URL(fileURLWithPath: "/tmp")
        let today = BuildOptions(content: url, templates: url, output: url, asOf: CalendarDate("2030-01-01")!, asOfIsToday: true)
        let chosen = BuildOptions(content: url, templates: url, output: url, asOf: CalendarDate("2030-01-01")!)
        #expect(today.effectiveAsOf(config) == CalendarDate("2026-11-23"))
        #expect(chosen.effectiveAsOf(config) == CalendarDate("2030-01-01"))
        config.asOf = nil
        #expect(today.effectiveAsOf(config) == CalendarDate("2030-01-01"))
    }

    @Test func aBadAsOfInSiteYAMLIsReported() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        writeTree(["site.yaml": Self.site + "as_of: 23/11/2026\n"], in: content)
        let report = SiteBuild.check(options(content: content, output: root.appendingPathComponent("public")))
        #expect(Self.located(report) == ["Content/site.yaml:4:8 front-matter-date"])
    }

    /// `quorum build` without --as-of uses site.yaml's `as_of`; --as-of overrides it.
    @Test func theCommandUsesAsOfFromSiteYAMLUnlessGivenOne() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(Self.pages.merging(["site.yaml": Self.site + "as_of: 2026-11-20\n", "vacancies/sw.md": Self.vacancy()]) { a, _ in a },
                  in: root.appendingPathComponent("Content"))
        let templates = TestPaths.templates.path
        let pinned = try CommandLineTests().run(["build", "--templates", templates, "--output", "pinned"], in: root)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("pinned/vacancies/sw.html").path))
        let later = try CommandLineTests().run(["build", "--templates", templates, "--output", "later", "--as-of", "2026-12-02"], in: root)
        #expect(later.status == 0, "\(later.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("later/vacancies/sw.html").path))
    }
}

@Suite("Brand colour contrast")
struct BrandContrastTests {
    @Test func contrastAgainstWhiteFollowsWCAG() {
        #expect(abs(Contrast.againstWhite("#000000")! - 21) < 0.01)
        #expect(abs(Contrast.againstWhite("#ffffff")! - 1) < 0.01)
        #expect(Contrast.againstWhite("#0b5c73")! >= 4.5)
        #expect(Contrast.againstWhite("#ffbf47")! < 4.5)
        #expect(Contrast.againstWhite("teal") == nil)
    }

    @Test func aPaleBrandColourIsWarnedAbout() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        writeTree(["site.yaml": "title: T\ncouncil: C\nbranding:\n  primary_colour: \"#ffbf47\"\n"], in: content)
        let report = SiteBuild.check(options(content: content, output: root.appendingPathComponent("public")))
        #expect(report.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == ["4:19 site-config-contrast"])
    }
}

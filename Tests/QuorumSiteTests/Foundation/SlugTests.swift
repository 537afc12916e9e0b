import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport

/// Every title and file name gives a usable, stable address, or a located error saying how
/// to give it one; two outputs never share an address unreported.
@Suite("Slugs and output paths")
struct SlugTests {
    let valid = TestPaths.fixtures.appendingPathComponent("sites/valid/Content")

    @Test(arguments: [
        ("Équipe d'accueil", "equipe-d-accueil"),
        ("Łódź Świętokrzyska ąćęłńóśźż", "lodz-swietokrzyska-acelnoszz"),
        ("Straße", "strasse"),
        ("Æsir Øre Œuvre Þór Đorđe", "aesir-ore-oeuvre-thor-dorde"),
        ("Dŵr Ŷd Gwên", "dwr-yd-gwen"),
        ("Senior Practitioner (CIN) 2019", "senior-practitioner-cin-2019"),
        ("日本", "ri-ben"),
        ("Привет", "privet"),
        ("!!!", ""),
        ("-", ""),
        ("😀", ""),
    ])
    func lettersAreTransliterated(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func aSlugIsStable() {
        // The same text gives the same slug, on every call and on every core at once.
        let names = Array(repeating: "Équipe d'accueil 日本", count: 64)
        #expect(Set(ParallelMap.map(names) { Slug.make($0) }) == ["equipe-d-accueil-ri-ben"])
    }

    /// A copy of the valid fixture site with `files` added, checked and built.
    func site(_ files: [String: String]) throws -> (check: BuildReport, build: BuildReport, output: URL, root: URL) {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content"), output = root.appendingPathComponent("public")
        try FileManager.default.copyItem(at: valid, to: content)
        writeTree(files, in: content)
        if files.keys.contains(where: { $0.hasPrefix("vacancies/") }) {
            writeTree(["pages/vacancies.md": "---\ntitle: Vacancies\ntemplate: vacancies\n---\n"], in: content)
        }
        let check = SiteBuild.check(options(content: content, output: output))
        return (check, SiteBuild.build(options(content: content, output: output)), output, root)
    }

    @Test func aFileNameWithoutLettersIsAnErrorAskingForASlug() throws {
        let (check, build, output, root) = try site(["pages/-.md": "---\ntitle: Dash\n---\nText.\n"])
        defer { TestPaths.remove(root) }
        #expect(check.diagnostics.map(\.code) == ["page-slug"])
        let diagnostic = try #require(check.diagnostics.first)
        #expect("\(diagnostic.location)".hasSuffix("Content/pages/-.md:1:1"))
        #expect(diagnostic.message.contains("add a 'slug:' key"))
        #expect(build.failed && !build.wrote)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".html").path))
    }

    @Test func aSlugKeyGivesSuchAFileItsAddress() throws {
        let (check, build, output, root) = try site([
            "pages/-.md": "---\ntitle: Dash\nslug: dash\n---\nText.\n",
            "pages/日本.md": "---\ntitle: Japan\n---\nText.\n",
            "pages/Équipe d'accueil.md": "---\ntitle: Équipe\n---\nText.\n",
        ])
        defer { TestPaths.remove(root) }
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map(\.formatted))")
        #expect(build.wrote)
        let files = readTree(output).keys
        #expect(files.contains("dash.html") && files.contains("ri-ben.html") && files.contains("equipe-d-accueil.html"))
        // No hidden page: the only hidden file is Quorum's mark on its output folder.
        #expect(files.filter { ($0 as NSString).lastPathComponent.hasPrefix(".") } == [OutputMarker.name])
    }

    @Test func aFolderWithoutLettersIsAnError() throws {
        let (check, _, _, root) = try site(["pages/!!!/a.md": "---\ntitle: A\n---\n"])
        defer { TestPaths.remove(root) }
        #expect(check.diagnostics.map(\.code) == ["page-folder-slug"])
    }

    static let advert = """
        ---
        title: Social Worker
        team: TEAM
        grade: PO1
        salary_min: 40000
        salary_max: 45000
        hours: 36 hours a week
        working_pattern: full-time
        contract: permanent
        location:
          office: Civic Centre
          street: 1 High Street
          town: London
          postcode: E1 1AA
        posted: 2018-01-01
        closes: rolling
        reference: REF
        apply_url: https://jobs.example.gov.uk/apply
        registration: Social Work England
        ---
        The advert.

        """

    func advert(team: String = "Referral and Assessment", reference: String) -> String {
        Self.advert.replacingOccurrences(of: "TEAM", with: team).replacingOccurrences(of: "REF", with: reference)
    }

    @Test func twoAdvertsWithOneAddressAreAnErrorInCheckNamingBoth() throws {
        let (check, build, _, root) = try site([
            "vacancies/Social Worker.md": advert(reference: "A-1"),
            "vacancies/social-worker.md": advert(reference: "A-2"),
        ])
        defer { TestPaths.remove(root) }
        #expect(check.diagnostics.filter { $0.severity == .error }.map(\.code) == ["duplicate-output"],
                "\(check.diagnostics.map(\.formatted))")
        let diagnostic = try #require(check.diagnostics.first { $0.code == "duplicate-output" })
        #expect("\(diagnostic.location)".hasSuffix("Content/vacancies/social-worker.md:1:1"))
        #expect(diagnostic.message.contains("Content/vacancies/Social Worker.md"))
        #expect(diagnostic.message.contains("vacancies/social-worker.html"))
        // The same error from build, before anything is written: not a write failure at the output folder.
        #expect(build.diagnostics.map(\.code) == check.diagnostics.map(\.code))
        #expect(!build.wrote)
    }

    @Test func twoAdvertsWithTheirOwnAddressesAreFine() throws {
        let (check, _, _, root) = try site([
            "vacancies/Social Worker.md": advert(reference: "A-1"),
            "vacancies/social-worker-2.md": advert(reference: "A-2"),
        ])
        defer { TestPaths.remove(root) }
        #expect(check.errorCount == 0, "\(check.diagnostics.map(\.formatted))")
    }

    @Test func aPageAndACopiedFileWithOneAddressAreAnError() throws {
        let (check, _, _, root) = try site([
            "media/about.html": "<p>Copied as it is.</p>",
            "pages/media/about.md": "---\ntitle: About\n---\n",
        ])
        defer { TestPaths.remove(root) }
        let errors = check.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["duplicate-output"], "\(check.diagnostics.map(\.formatted))")
        #expect(errors.first?.message.contains("media/about.html") == true)
    }

    @Test func twoSpellingsOfATeamAreAnErrorAtTheTeam() throws {
        let (check, _, _, root) = try site([
            "vacancies/a.md": advert(team: "Team A", reference: "A-1"),
            "vacancies/b.md": advert(team: "team-a", reference: "A-2"),
            "vacancies/c.md": advert(team: "Team A", reference: "A-3"),
        ])
        defer { TestPaths.remove(root) }
        let errors = check.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["vacancy-team-spelling"], "\(check.diagnostics.map(\.formatted))")
        #expect(errors.first.map { "\($0.location)".contains("vacancies/b.md:3:") } == true)
        #expect(errors.first?.message.contains("Content/vacancies/a.md") == true)
    }

    @Test func aTeamWithoutLettersIsAnError() throws {
        let (check, _, _, root) = try site(["vacancies/a.md": advert(team: "\"!!!\"", reference: "A-1")])
        defer { TestPaths.remove(root) }
        #expect(check.diagnostics.map(\.code) == ["vacancy-team-slug"], "\(check.diagnostics.map(\.formatted))")
        #expect(check.diagnostics.first.map { "\($0.location)".contains("vacancies/a.md:3:") } == true)
    }
}

import Foundation
import QuorumSupport
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// What a change renders again in `quorum serve`: the pages and units whose recorded reads
/// it reaches, and no more. Each case also ends as a fresh full build would.
@Suite("Incremental builds: what a change reaches")
struct IncrementalDependencyTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// Edits `relative` (in the content folder, or in `folder`) with `edit`, updates `build`
    /// and checks it against a full build; returns how it was done.
    static func change(_ relative: String, in space: Workspace, folder: URL? = nil, build: IncrementalBuild,
                       _ edit: (String) -> String) -> IncrementalBuild.Kind {
        let before = space.read(relative, in: folder)
        let after = edit(before)
        #expect(after != before, "the edit of \(relative) changed nothing")
        space.write(relative, after, in: folder)
        let kind = build.update(added: [], removed: [], modified: [space.path(relative, in: folder)])
        IncrementalBuildTests.expectSameAsFullBuild(build, "after editing \(relative)")
        return kind
    }

    /// The pages whose front matter names no template, or `page` (the home page's is `home`).
    static func pagesOfThePageTemplate(_ space: Workspace) -> [String] {
        space.files(under: "pages").filter { path in
            let text = space.read(path)
            if path == "pages/index.md" { return text.contains("\ntemplate: page\n") }
            return !text.contains("\ntemplate:") || text.contains("\ntemplate: page\n")
        }
    }

    @Test func aSnapshotRendersTheWorkforceReportsAndPapersAlone() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let kind = Self.change("workforce/snapshots/2019-09-30.csv", in: space, build: build) { text in
            var lines = text.components(separatedBy: "\n")
            let row = lines.indices.last { !lines[$0].isEmpty }!
            var cells = lines[row].components(separatedBy: ",")
            let cell = cells.indices.last { Int(cells[$0]) != nil }!
            cells[cell] = String(Int(cells[cell])! + 1)
            lines[row] = cells.joined(separator: ",")
            return lines.joined(separator: "\n")
        }
        guard case .pieces(let pages, let units) = kind else {
            Issue.record("expected some pieces rendered again, got \(kind)")
            return
        }
        #expect(pages.isEmpty)
        #expect(Set(units) == [.workforce, .scenarios, .papers])
        // Only the papers that show workforce figures are prepared again: the strategy paper
        // (its directives) and the annual updates (written from the figures), not the
        // retention payments paper, which has none.
        #expect(build.papersPreparedAgain.contains("papers/2017-11-15-workforce-strategy.md"))
        #expect(build.papersPreparedAgain.contains { $0.hasPrefix("annual-updates/") })
        #expect(!build.papersPreparedAgain.contains("papers/2017-11-15-retention-payments.md"))
    }

    @Test func aPapersTextRendersThePapersAlone() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        // An open paper (an exempt one is not in the public site at all).
        let paper = space.files(under: "papers").first { !space.read($0).contains("\nclass: exempt") }!
        let kind = Self.change(paper, in: space, build: build) { $0 + "\nA closing sentence.\n" }
        #expect(kind == .pieces(pages: [], units: [.papers]))
        // That paper alone is prepared again (its Word version made again); the index lists it.
        #expect(build.papersPreparedAgain == [paper])
        #expect(build.renderedAgain.contains { $0.path.value.hasPrefix("papers/") })
        #expect(!build.renderedAgain.contains { $0.path.value == "about.html" })
    }

    @Test func aPriorityRendersTheStrategyAndThePapers() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let kind = Self.change("priorities/models-of-practice.md", in: space, build: build) { $0 + "\nOne more sentence.\n" }
        guard case .pieces(let pages, let units) = kind else {
            Issue.record("expected some pieces rendered again, got \(kind)")
            return
        }
        #expect(pages.isEmpty)
        #expect(units.contains(.strategy) && units.contains(.papers))
        #expect(!units.contains(.microsite) && !units.contains(.workforce) && !units.contains(.staticFiles))
    }

    @Test func aVacancyRendersTheMicrositeAndThePagesShowingIt() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let vacancy = space.files(under: "vacancies").first!
        let kind = Self.change(vacancy, in: space, build: build) { $0.replacingOccurrences(of: "title: ", with: "title: Senior ") }
        guard case .pieces(let pages, let units) = kind else {
            Issue.record("expected some pieces rendered again, got \(kind)")
            return
        }
        // The pages whose templates show the microsite's values (the home page shows the
        // latest vacancies), and no page of the plain layout.
        #expect(pages.contains("pages/index.md") && pages.contains("pages/vacancies.md"))
        #expect(!pages.contains("pages/about.md") && !pages.contains("pages/privacy.md"))
        #expect(units.first == .microsite)
        #expect(!units.contains(.workforce) && !units.contains(.strategy))
    }

    @Test func aTitleOutsideTheNavigationRendersItsPageAlone() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let page = space.files(under: "pages").first { path in
            let text = space.read(path)
            return !text.contains("\nmenu:") && !text.contains("footer") && !text.contains("\ntemplate:")
        }!
        let kind = Self.change(page, in: space, build: build) { $0.replacingOccurrences(of: "title: ", with: "title: Renamed ") }
        #expect(kind == .pieces(pages: [page], units: []) || kind == .pages([page]))
    }

    @Test func anAddedPageRendersItselfAlone() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        space.write("pages/added.md", "---\ntitle: Added\n---\n\nBack [home](index.html).\n")
        let kind = build.update(added: [space.path("pages/added.md")], removed: [], modified: [])
        #expect(kind == .pieces(pages: ["pages/added.md"], units: []))
        #expect(build.rendered.files.contains { $0.path.value == "added.html" })
        // The sitemap lists it.
        guard case .text(let sitemap)? = build.rendered.files.first(where: { $0.path.value == "sitemap.xml" })?.contents else {
            Issue.record("no sitemap")
            return
        }
        #expect(sitemap.contains("added.html"))
        IncrementalBuildTests.expectSameAsFullBuild(build, "after adding a page")
    }

    @Test func aPaperTemplateRendersThePapersAlone() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let kind = Self.change("paper.mustache", in: space, folder: space.templates, build: build) { $0 + "<!-- edited -->\n" }
        #expect(kind == .pieces(pages: [], units: [.papers]))
    }

    @Test func thePageTemplateRendersItsPagesAlone() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let kind = Self.change("page.mustache", in: space, folder: space.templates, build: build) {
            $0.replacingOccurrences(of: "</main>", with: "<!-- edited --></main>") + "<!-- edited -->\n"
        }
        let expected = Self.pagesOfThePageTemplate(space)
        #expect(!expected.isEmpty)
        #expect(kind == .pieces(pages: expected, units: []))
    }

    @Test func aPartialOfTheBaseRendersEverythingThatExtendsIt() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let kind = Self.change("partials/footer.mustache", in: space, folder: space.templates, build: build) { $0 + "<!-- edited -->\n" }
        guard case .pieces(let pages, let units) = kind else {
            Issue.record("expected some pieces rendered again, got \(kind)")
            return
        }
        #expect(pages == space.files(under: "pages"))
        // Each of these renders a template extending `base`; the static files render none. (The
        // sample's microsite, as at its date, has no adverts: only its feed, which does not.)
        #expect(units == [.strategy, .workforce, .scenarios, .papers])
    }

    @Test func theSettingsBuildEverything() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        #expect(Self.change("site.yaml", in: space, build: build) { $0 + "# edited\n" } == .full)
    }

    @Test func aNewTemplateOrAnAssetBuildsEverything() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        space.write("extra.mustache", "{{title}}\n", in: space.templates)
        #expect(build.update(added: [space.path("extra.mustache", in: space.templates)], removed: [], modified: []) == .full)
        let css = space.files(under: "assets", in: space.templates).first!
        #expect(Self.change(css, in: space, folder: space.templates, build: build) { $0 + "\n/* edited */\n" } == .full)
    }

    @Test func aTemplateThatNoLongerParsesBuildsEverythingAndSaysWhere() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let kind = Self.change("paper.mustache", in: space, folder: space.templates, build: build) { $0 + "{{#unclosed}}\n" }
        #expect(kind == .full)
        #expect(build.rendered.report.diagnostics.contains { $0.code == "template-syntax" })
    }

    @Test func aDeletedPageBreaksTheLinksOfPagesNotRenderedAgain() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        space.write("pages/linker.md", "---\ntitle: Linker\n---\n\nSee [the target](target.html).\n")
        space.write("pages/target.md", "---\ntitle: Target\n---\n\nText.\n")
        let build = IncrementalBuild(space.options)
        try! FileManager.default.removeItem(atPath: space.path("pages/target.md"))
        let kind = build.update(added: [], removed: [space.path("pages/target.md")], modified: [])
        #expect(kind == .pieces(pages: [], units: []))
        #expect(build.rendered.report.diagnostics.contains {
            $0.code == "broken-link" && $0.location.path.hasSuffix("pages/linker.md")
        })
        IncrementalBuildTests.expectSameAsFullBuild(build, "after deleting target.md")
    }

    @Test func anAddedPageMendsALinkInAPageNotRenderedAgain() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        space.write("pages/linker.md", "---\ntitle: Linker\n---\n\nSee [the target](target.html#the-part).\n")
        let build = IncrementalBuild(space.options)
        #expect(build.rendered.report.diagnostics.contains { $0.code == "broken-link" })
        // The page it names arrives, with the part: only it is rendered, and the link is whole.
        space.write("pages/target.md", "---\ntitle: Target\n---\n\n## The part\n\nText.\n")
        #expect(build.update(added: [space.path("pages/target.md")], removed: [], modified: []) == .pieces(pages: ["pages/target.md"], units: []))
        #expect(!build.rendered.report.diagnostics.contains { $0.code == "broken-link" || $0.code == "broken-anchor" })
        IncrementalBuildTests.expectSameAsFullBuild(build, "after adding target.md")
        // Without the part, the anchor is broken: found in the page that was not rendered again.
        space.write("pages/target.md", "---\ntitle: Target\n---\n\nText.\n")
        build.update(added: [], removed: [], modified: [space.path("pages/target.md")])
        #expect(build.rendered.report.diagnostics.contains { $0.code == "broken-anchor" && $0.location.path.hasSuffix("pages/linker.md") })
        IncrementalBuildTests.expectSameAsFullBuild(build, "after removing the part")
    }
}

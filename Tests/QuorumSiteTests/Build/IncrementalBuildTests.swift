import Foundation
import QuorumSupport
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// `quorum serve`'s build kept in memory: after any sequence of edits, what it holds is what
/// a fresh full build of the same folders gives, byte for byte, diagnostics included.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A copy of the sample content and the templates to edit, and the options building it.
    struct Workspace {
        let root: URL
        let content: URL
        let templates: URL
        let options: BuildOptions

        init(_ name: String = #function) {
            root = TestPaths.temporaryFolder(name)
            content = root.appendingPathComponent("Content")
            templates = root.appendingPathComponent("Templates")
            try! FileManager.default.copyItem(at: TestPaths.sampleContent, to: content)
            try! FileManager.default.copyItem(at: TestPaths.templates, to: templates)
            options = BuildOptions(content: content, templates: templates, output: root.appendingPathComponent("public"),
                                   asOf: sampleDate)
        }

        func path(_ relative: String, in folder: URL? = nil) -> String {
            (folder ?? content).appendingPathComponent(relative).standardizedFileURL.path
        }

        func read(_ relative: String, in folder: URL? = nil) -> String {
            (try? String(contentsOfFile: path(relative, in: folder), encoding: .utf8)) ?? ""
        }

        func write(_ relative: String, _ text: String, in folder: URL? = nil) {
            writeTree([relative: text], in: folder ?? content)
        }

        func files(under folder: String, in base: URL? = nil) -> [String] {
            let base = base ?? content
            let url = base.appendingPathComponent(folder)
            let names = FileManager.default.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []
            return names.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .filter { (try? url.appendingPathComponent($0).resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true }
                .map { folder + "/" + $0 }.sorted()
        }
    }

    /// One edit's changed files, as the watcher reports them (absolute paths).
    struct Change {
        var added: Set<String> = []
        var removed: Set<String> = []
        var modified: Set<String> = []
    }

    /// A small deterministic generator, so that a seed names one sequence of edits.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The files, contents included, as one comparable list.
    static func describe(_ files: [OutputFile]) -> [String] {
        files.map { file in
            switch file.contents {
            case .text(let text): "\(file.path.value) text \(text)"
            case .data(let data): "\(file.path.value) data \(data.base64EncodedString())"
            case .copy(let url): "\(file.path.value) copy \(url.standardizedFileURL.path)"
            }
        }
    }

    /// Fails with `context` when `build` differs from a fresh full build of the same folders.
    static func expectSameAsFullBuild(_ build: IncrementalBuild, _ context: @autoclosure () -> String) {
        let memory = BuildMemory()
        let fresh = SiteBuild.render(build.options, memory: memory)
        let diagnostics = build.rendered.report.diagnostics.map(\.formatted)
        let expected = fresh.report.diagnostics.map(\.formatted)
        #expect(diagnostics == expected, """
            \(context()): the diagnostics differ; only in the incremental build: \
            \(diagnostics.filter { !expected.contains($0) }), only in the full build: \(expected.filter { !diagnostics.contains($0) })
            """)
        #expect(build.rendered.report.failed == fresh.report.failed, "\(context())")
        #expect(build.rendered.report.externalLinks == fresh.report.externalLinks, "\(context())")
        #expect(build.rendered.report.pageCount == fresh.report.pageCount, "\(context())")
        // Also the files of a failed build, which the preview does not serve but keeps.
        let held = describe(build.heldFiles), full = describe(memory.files)
        if held != full {
            let differing = zip(held, full).first { $0 != $1 }.map { String($0.0.prefix(80)) } ?? "the number of files"
            Issue.record("\(context()): the files differ (\(held.count) against \(full.count)), first at \(differing)")
        }
    }

    @Test func randomEditsGiveWhatAFullBuildGives() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["QUORUM_INCREMENTAL_SEED"] ?? "") ?? 18
        var random = SeededGenerator(state: seed)
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        Self.expectSameAsFullBuild(build, "seed \(seed), first build")
        var done: [String] = []
        var incremental = 0
        // Every kind of edit once, and more edits of a page's text, the common one, in a random order.
        let kinds = (Array(0..<Self.editKinds) + (0..<8).map { _ in Int.random(in: 0..<5, using: &random) }).shuffled(using: &random)
        for (step, kind) in zip(1..., kinds) {
            let (name, change) = Self.edit(kind, step: step, in: space, using: &random)
            done.append(name)
            let kind = build.update(added: change.added, removed: change.removed, modified: change.modified)
            if case .pages = kind { incremental += 1 }
            Self.expectSameAsFullBuild(build, "seed \(seed) (QUORUM_INCREMENTAL_SEED=\(seed) to repeat), step \(step) of \(done)")
        }
        // The common edit takes the short way: the sequence must have taken it.
        #expect(incremental >= 4, "seed \(seed): only \(incremental) incremental builds in \(done)")
    }

    static let editKinds = 27

    /// One edit of a kind (below `editKinds`; 0 to 4 are the text of a page, 13 an editor's swap
    /// file) to a random
    /// file; returns its name and its change.
    static func edit(_ kind: Int, step: Int, in space: Workspace, using random: inout SeededGenerator) -> (String, Change) {
        var change = Change()
        let pages = space.files(under: "pages")
        let page = pages.randomElement(using: &random)!
        let others = pages.filter { $0 != page }
        switch kind {
        case 0..<5:
            // The text of a page: plain words, a link to another page, or a broken anchor.
            let target = others.randomElement(using: &random).map { target -> String in
                let depth = page.split(separator: "/").count - 2
                let name = String(target.dropFirst("pages/".count).dropLast(3))
                return String(repeating: "../", count: depth) + name + ".html"
            } ?? "index.html"
            let additions = ["\nEdited at step \(step).\n", "\nSee [another page](\(target)) (step \(step)).\n",
                             "\nA [broken anchor](#no-such-heading-\(step)).\n", "\n## A new heading \(step)\n\nText.\n"]
            var text = space.read(page) + additions.randomElement(using: &random)!
            if Bool.random(using: &random), text.hasPrefix("---\n") {
                // A front matter key no page has: a warning of this page's own.
                text = "---\nunknown_\(step): x\n" + text.dropFirst(4)
            }
            space.write(page, text)
            change.modified = [space.path(page)]
            return ("text of \(page)", change)
        case 5:
            // The title: in the navigation for some pages (half the time one of those), only in the page for others.
            let inMenu = pages.filter { space.read($0).contains("\nmenu:") && !space.read($0).contains("menu_title:") }
            let page = Bool.random(using: &random) ? inMenu.randomElement(using: &random) ?? page : page
            let text = space.read(page).replacingOccurrences(of: "title: ", with: "title: Step \(step) ", options: [], range: nil)
            space.write(page, text)
            change.modified = [space.path(page)]
            return ("title of \(page)", change)
        case 6:
            let name = "pages/added-\(step).md"
            space.write(name, "---\ntitle: Added at step \(step)\n---\n\nBack [home](index.html).\n")
            change.added = [space.path(name)]
            return ("add \(name)", change)
        case 7:
            let name = "pages/renamed-\(step).md"
            try! FileManager.default.moveItem(atPath: space.path(page), toPath: space.path(name))
            change.removed = [space.path(page)]
            change.added = [space.path(name)]
            return ("rename \(page) to \(name)", change)
        case 8:
            try! FileManager.default.removeItem(atPath: space.path(page))
            change.removed = [space.path(page)]
            return ("delete \(page)", change)
        case 9:
            let paper = space.files(under: "papers").randomElement(using: &random)!
            space.write(paper, space.read(paper) + "\nA sentence added at step \(step).\n")
            change.modified = [space.path(paper)]
            return ("text of \(paper)", change)
        case 10:
            let template = ["page.mustache", "partials/footer.mustache", "base.mustache", "paper.mustache"]
                .filter { FileManager.default.fileExists(atPath: space.path($0, in: space.templates)) }
                .randomElement(using: &random)!
            let text = space.read(template, in: space.templates)
            space.write(template, text.replacingOccurrences(of: "</main>", with: "<!-- step \(step) --></main>")
                + "<!-- step \(step) -->\n", in: space.templates)
            change.modified = [space.path(template, in: space.templates)]
            return ("template \(template)", change)
        case 11:
            let snapshot = space.files(under: "workforce/snapshots").randomElement(using: &random)!
            var lines = space.read(snapshot).components(separatedBy: "\n")
            // A figure of the last row one higher: the totals and the pages showing it change.
            if let row = lines.indices.last(where: { !lines[$0].isEmpty && $0 > 0 }) {
                var cells = lines[row].components(separatedBy: ",")
                if let cell = cells.indices.last(where: { Int(cells[$0]) != nil }) {
                    cells[cell] = String(Int(cells[cell])! + 1)
                }
                lines[row] = cells.joined(separator: ",")
            }
            space.write(snapshot, lines.joined(separator: "\n"))
            change.modified = [space.path(snapshot)]
            return ("snapshot \(snapshot)", change)
        case 12:
            let config = "workforce/config.yaml"
            space.write(config, space.read(config) + "# step \(step)\n")
            change.modified = [space.path(config)]
            return ("workforce config", change)
        case 14:
            let file = (space.files(under: "vacancies") + space.files(under: "testimonials") + space.files(under: "events"))
                .randomElement(using: &random)!
            space.write(file, space.read(file).replacingOccurrences(of: "title: ", with: "title: Step \(step) ")
                .replacingOccurrences(of: "name: ", with: "name: Step \(step) ") + "\nA line added at step \(step).\n")
            change.modified = [space.path(file)]
            return ("microsite \(file)", change)
        case 15:
            let priority = space.files(under: "priorities").randomElement(using: &random)!
            space.write(priority, space.read(priority) + "\nA sentence added at step \(step).\n")
            change.modified = [space.path(priority)]
            return ("priority \(priority)", change)
        case 16:
            // A line that is not an action: the plan's text, or a broken action line (an error).
            let line = Bool.random(using: &random) ? "Reviewed at step \(step)." : "- [ ] An action with no owner {due: 2019-02-30}"
            space.write("action-plan.md", space.read("action-plan.md") + "\n\(line)\n")
            change.modified = [space.path("action-plan.md")]
            return ("action plan", change)
        case 17:
            let scenario = space.files(under: "scenarios").randomElement(using: &random)!
            space.write(scenario, space.read(scenario).replacingOccurrences(of: "months: 18", with: "months: \(6 + step % 12)"))
            change.modified = [space.path(scenario)]
            return ("scenario \(scenario)", change)
        case 18:
            let budget = space.files(under: "workforce/budget").filter { $0.hasSuffix(".csv") }.randomElement(using: &random)!
            space.write(budget, space.read(budget).replacingOccurrences(of: "\"£1,", with: "\"£2,"))
            change.modified = [space.path(budget)]
            return ("budget \(budget)", change)
        case 19:
            // A snapshot added: a copy of a CSV one at a date of its own.
            let source = space.files(under: "workforce/snapshots").filter { $0.hasSuffix(".csv") }.randomElement(using: &random)!
            let name = "workforce/snapshots/2019-0\(1 + step % 8)-15.csv"
            space.write(name, space.read(source))
            change.added = [space.path(name)]
            return ("snapshot added \(name)", change)
        case 20:
            let paper = space.files(under: "papers").randomElement(using: &random)!
            try! FileManager.default.removeItem(atPath: space.path(paper))
            change.removed = [space.path(paper)]
            return ("delete \(paper)", change)
        case 21:
            let name = "media/added-\(step).png"
            FileManager.default.createFile(atPath: space.path(name), contents: Data([0x89, 0x50, 0x4E, 0x47, UInt8(step)]))
            change.added = [space.path(name)]
            return ("media added \(name)", change)
        case 22:
            let partial = space.files(under: "partials", in: space.templates).randomElement(using: &random)!
            space.write(partial, space.read(partial, in: space.templates) + "<!-- step \(step) -->\n", in: space.templates)
            change.modified = [space.path(partial, in: space.templates)]
            return ("partial \(partial)", change)
        case 23:
            space.write("site.yaml", space.read("site.yaml") + "# step \(step)\n")
            change.modified = [space.path("site.yaml")]
            return ("site.yaml", change)
        case 24:
            let update = space.files(under: "annual-updates").randomElement(using: &random)!
            space.write(update, space.read(update) + "\nA sentence added at step \(step).\n")
            change.modified = [space.path(update)]
            return ("annual update \(update)", change)
        case 25:
            // Another template for a page: its layout changes, nothing else.
            guard space.read(page).hasPrefix("---\n"), !space.read(page).contains("\ntemplate:") else { return ("nothing", change) }
            space.write(page, "---\ntemplate: 404\n" + space.read(page).dropFirst(4))
            change.modified = [space.path(page)]
            return ("template of \(page)", change)
        case 26:
            let snapshot = space.files(under: "workforce/snapshots").randomElement(using: &random)!
            try! FileManager.default.removeItem(atPath: space.path(snapshot))
            change.removed = [space.path(snapshot)]
            return ("delete \(snapshot)", change)
        default:
            // An editor's swap file: hidden, so no build reads it.
            let name = "pages/.\(page.split(separator: "/").last!).swp"
            space.write(name, "swap \(step)")
            change.added = [space.path(name)]
            return ("hidden \(name)", change)
        }
    }

    @Test func theTextOfAPageRendersOnlyThatPage() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        let before = build.rendered.files.first { $0.path.value == "privacy.html" }
        space.write("pages/about.md", space.read("pages/about.md") + "\nA new closing line.\n")
        let kind = build.update(added: [], removed: [], modified: [space.path("pages/about.md")])
        #expect(kind == .pages(["pages/about.md"]))
        guard case .text(let about) = build.rendered.files.first(where: { $0.path.value == "about.html" })?.contents else {
            Issue.record("about.html is missing")
            return
        }
        #expect(about.contains("A new closing line."))
        // Another page is the very file it was.
        #expect(Self.describe([before!]) == Self.describe(build.rendered.files.filter { $0.path.value == "privacy.html" }))
        Self.expectSameAsFullBuild(build, "after editing about.md")
    }

    @Test func aChangedNavigationTitleRendersEverythingWithoutLoadingAgain() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        let build = IncrementalBuild(space.options)
        // A page in the navigation, named there by its title: every page shows its name.
        let menuPage = space.files(under: "pages").first { space.read($0).contains("\nmenu:") && !space.read($0).contains("menu_title:") }!
        space.write(menuPage, space.read(menuPage).replacingOccurrences(of: "title: ", with: "title: Renamed "))
        let kind = build.update(added: [], removed: [], modified: [space.path(menuPage)])
        #expect(kind == .pieces(pages: space.files(under: "pages"), units: RenderUnit.allCases))
        Self.expectSameAsFullBuild(build, "after renaming \(menuPage)")
    }

    @Test func aBrokenAnchorInAPageNotRenderedAgainIsReported() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        space.write("pages/linker.md", "---\ntitle: Linker\n---\n\nSee [the target's part](target.html#the-part).\n")
        space.write("pages/target.md", "---\ntitle: Target\n---\n\n## The part\n\nText.\n")
        let build = IncrementalBuild(space.options)
        #expect(!build.rendered.report.failed, "\(build.rendered.report.diagnostics.map(\.formatted))")
        // The heading goes: only target.md is rendered again, and linker.md's link now fails.
        space.write("pages/target.md", "---\ntitle: Target\n---\n\n## Another part\n\nText.\n")
        #expect(build.update(added: [], removed: [], modified: [space.path("pages/target.md")]) == .pages(["pages/target.md"]))
        let broken = build.rendered.report.diagnostics.filter { $0.code == "broken-anchor" }
        #expect(broken.count == 1)
        #expect(broken.first?.location.path.hasSuffix("pages/linker.md") == true)
        #expect(build.rendered.report.failed)
        Self.expectSameAsFullBuild(build, "after removing the heading")
        // Deleting the page breaks the link itself.
        try! FileManager.default.removeItem(atPath: space.path("pages/target.md"))
        build.update(added: [], removed: [space.path("pages/target.md")], modified: [])
        #expect(build.rendered.report.diagnostics.contains {
            $0.code == "broken-link" && $0.location.path.hasSuffix("pages/linker.md")
        })
        Self.expectSameAsFullBuild(build, "after deleting target.md")
    }

    @Test func diagnosticsOfUnchangedFilesAreKept() {
        let space = Workspace()
        defer { TestPaths.remove(space.root) }
        space.write("pages/odd.md", "---\ntitle: Odd\ncolour: blue\n---\n\nText.\n")
        let build = IncrementalBuild(space.options)
        func unknownKeys() -> [String] {
            build.rendered.report.diagnostics.filter { $0.code == "front-matter-unknown-key" }.map(\.location.path)
        }
        #expect(unknownKeys().count == 1)
        // Another page changes, with a warning of its own: both are reported.
        let about = space.read("pages/about.md")
        #expect(about.hasPrefix("---\n"))
        space.write("pages/about.md", "---\nshade: red\n" + about.dropFirst(4))
        #expect(build.update(added: [], removed: [], modified: [space.path("pages/about.md")]) == .pages(["pages/about.md"]))
        #expect(unknownKeys().sorted().map { $0.split(separator: "/").last! } == ["about.md", "odd.md"])
        Self.expectSameAsFullBuild(build, "after the second warning")
        // The first page is fixed: its warning goes, the other stays.
        space.write("pages/odd.md", "---\ntitle: Odd\n---\n\nText.\n")
        #expect(build.update(added: [], removed: [], modified: [space.path("pages/odd.md")]) == .pages(["pages/odd.md"]))
        #expect(unknownKeys().map { $0.split(separator: "/").last! } == ["about.md"])
        Self.expectSameAsFullBuild(build, "after fixing odd.md")
    }
}

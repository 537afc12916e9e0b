import Foundation
import Testing
@testable import QuorumMarkdown
@testable import QuorumSite
import QuorumTestSupport

/// The README is a front door to the guides in docs/; a section moved or renamed must not
/// leave a link behind it.
@Suite("Links between README.md and docs/")
struct DocsLinkTests {
    @Test func everyLinkBetweenTheGuidesResolves() {
        let checker = GuideLinkChecker(root: TestPaths.repository)
        // Not an empty pass: the front door and the guides are all there to check.
        #expect(checker.guides.contains("README.md"))
        #expect(checker.guides.contains("docs/architecture.md"))
        #expect(checker.guides.count >= 10, "\(checker.guides)")
        let broken = checker.brokenLinks()
        #expect(broken.isEmpty, "\(broken.map(\.formatted).joined(separator: "\n"))")
    }

    @Test func theFrontDoorLinksToEveryGuide() throws {
        let checker = GuideLinkChecker(root: TestPaths.repository)
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let linked = Set(MarkdownDocument(readme).links.map { $0.url.split(separator: "#").first.map(String.init) ?? "" })
        for guide in checker.guides where guide != "README.md" {
            #expect(linked.contains(guide), "README.md does not link to \(guide)")
        }
    }

    @Test func reportsBrokenFilesAnchorsAndImagesWhereTheyAreWritten() {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree([
            "README.md": """
                # Front door

                Read [the guide](docs/guide.md), [its setup](docs/guide.md#set-up) and
                [a missing guide](docs/gone.md).

                ![a picture](docs/images/missing.png) [no such part](docs/guide.md#teardown)
                [out of the repository](../elsewhere.md) [the web](https://example.org/x.md)
                """,
            "docs/guide.md": """
                # Guide

                ## Set up

                Back to [the front door](../README.md#front-door), [down](#set-up), [up](#nowhere).
                The [scripts](../scripts/) folder.
                """,
            "scripts/install": "#!/bin/sh\n",
        ], in: root)

        let broken = GuideLinkChecker(root: root).brokenLinks().map(\.formatted)

        #expect(broken == [
            "README.md:4:1: error: link 'docs/gone.md': there is no docs/gone.md [broken-link]",
            "README.md:6:1: error: image 'docs/images/missing.png': there is no docs/images/missing.png [broken-link]",
            "README.md:6:39: error: link 'docs/guide.md#teardown': docs/guide.md has no heading with id 'teardown' [broken-anchor]",
            "README.md:7:1: error: link '../elsewhere.md': it points outside the repository [broken-link]",
            "docs/guide.md:5:69: error: link '#nowhere': docs/guide.md has no heading with id 'nowhere' [broken-anchor]",
        ], "\(broken.joined(separator: "\n"))")
    }

    @Test func headingIDsAreGitHubs() {
        let document = MarkdownDocument("""
            ## Build summary: `quorum-build.json`
            ## What changed, and what it gave
            ## Pages
            ## Pages
            """)
        #expect(document.headingIDs.map(\.id) == [
            "build-summary-quorum-buildjson", "what-changed-and-what-it-gave", "pages", "pages-1",
        ])
    }
}

import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumMarkdown
@testable import QuorumPapers
@testable import QuorumSupport
import QuorumTestSupport

/// A paper's outline is data: its sections in the standard order, with what is missing
/// added or reported, before any template numbers or renders it (that is QuorumSite's).
@Suite("Paper outline")
struct PaperOutlineTests {
    static let header = """
        ---
        committee: Children and Young People Select Committee
        title: Test paper
        meeting_date: 2017-11-15
        item: "5"
        key_decision: no
        contributors: [{name: A Person, role: Director}]
        class: open
        recommendations: [Note the report.]
        contact: {name: A Person, role: Director, phone: "020 7946 0000", email: a@example.org}
        ---

        """

    func outline(_ body: String, generated: Set<StandardSection> = []) throws -> (PaperOutline, [Diagnostic]) {
        var log = DiagnosticLog()
        let file = SourceFile(path: "Content/papers/test.md", relativePath: "papers/test.md", text: Self.header + body)
        let paper = try #require(CommitteePaper.load(file, log: &log))
        let outline = PaperOutline(MarkdownDocument(paper.source.body), paper: paper, generated: generated, log: &log)
        return (outline, log.entries)
    }

    @Test func putsSectionsInTheStandardOrderKeepingUnknownOnesAfterTheirNeighbour() throws {
        let (outline, diagnostics) = try outline("## Details\n\nD.\n\n## Risks\n\nR.\n\n## Summary\n\nS.\n")
        #expect(outline.sections.map(\.title) == [
            "Summary", "Recommendations", "Details", "Risks", "Financial implications", "Legal implications",
            "Crime and disorder implications", "Equalities implications", "Environmental implications",
            "Background documents and originator",
        ])
        #expect(outline.sections.map(\.kind) == [
            .summary, .recommendations, .details, nil, .financial, .legal, .crimeAndDisorder, .equalities,
            .environmental, .background,
        ])
        // The officer's blocks stay with their section, as markdown nodes.
        #expect(outline.sections[2].blocks.map(\.plainText) == ["D."])
        #expect(diagnostics.map(\.code).sorted() == ["paper-default-implications", "paper-default-implications",
            "paper-default-implications", "paper-default-implications", "paper-default-implications",
            "paper-missing-section", "paper-missing-section", "paper-unknown-section"])
        // Policy context and monitoring are warned about, not added.
        #expect(diagnostics.filter { $0.code == "paper-missing-section" }.map(\.severity) == [.warning, .warning])
    }

    @Test func aGeneratedSectionIsNeverMissing() throws {
        let (without, missing) = try outline("## Summary\n\nS.\n")
        #expect(!without.sections.contains { $0.kind == .details })
        #expect(missing.contains { $0.code == "paper-missing-section" && $0.severity == .error })
        let (with, diagnostics) = try outline("## Summary\n\nS.\n", generated: [.details, .policyContext])
        #expect(with.sections.prefix(4).map(\.kind) == [.summary, .recommendations, .policyContext, .details])
        #expect(!diagnostics.contains { $0.severity == .error })
    }
}

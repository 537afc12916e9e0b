import QuorumPapers
import QuorumSupport

/// The papers `quorum serve` keeps prepared between builds (their layout, markdown and Word
/// files, the slow part of rendering them), each with what preparing it read, so that a
/// change prepares again only the papers it reaches (`IncrementalBuild`).
final class KeptPapers: @unchecked Sendable {
    /// One paper as prepared, by the path of its file inside the content folder.
    struct Paper: Sendable {
        let prepared: PaperRenderer.Prepared
        let diagnostics: [Diagnostic]
        /// The parts of the site preparing it read (its own file aside).
        let reads: Set<SitePart>
        let templates: Set<String>
    }

    private(set) var papers: [String: Paper] = [:]
    /// The papers to prepare again at the next render (paths); nil prepares every one.
    var again: Set<String>?

    /// The kept paper at `path`, unless it is to be prepared again.
    func kept(_ path: String) -> Paper? {
        guard let again, !again.contains(path) else { return nil }
        return papers[path]
    }

    /// The papers the latest render prepared (paths), in order.
    private(set) var preparedLast: [String] = []

    /// Keeps exactly `papers`, the latest render's, of which it prepared `preparedNow`.
    func keep(_ papers: [String: Paper], preparedNow: [String]) {
        self.papers = papers
        preparedLast = preparedNow
        again = nil
    }

    /// The site part each part of a paper's data comes from.
    static func sitePart(_ part: PaperData.Part) -> SitePart {
        switch part {
        case .priorities: .priorities
        case .actionPlan: .actionPlan
        case .workforce: .workforce
        case .planning: .planning
        case .council: .config
        case .microsite: .microsite
        }
    }
}

import QuorumMarkdown
import QuorumSupport

/// A paper's sections in the standard order, as the officer wrote them: the body split at
/// its level-2 headings, the standard sections put in the format's order, the missing ones
/// added (implications, background) or reported (summary, recommendations, details).
/// The blocks are markdown nodes; numbering and rendering are the site's (`PaperLayout`).
package struct PaperOutline {
    /// One section as the officer wrote it (or as the format adds it), before numbering.
    package struct Section {
        package var kind: StandardSection?
        package var title: String
        package var blocks: [MarkdownNode]
        package var location: SourceLocation
    }

    package let sections: [Section]

    /// `generated` names the sections Quorum writes text into (an annual update's), which
    /// are therefore never missing.
    package init(_ document: MarkdownDocument, paper: CommitteePaper, generated: Set<StandardSection> = [],
                 log: inout DiagnosticLog) {
        sections = Self.order(Self.split(document, paper: paper, log: &log), paper: paper, generated: generated, log: &log)
    }

    /// Splits the body at level-2 headings. Text before the first heading is an error:
    /// every paragraph of a paper belongs to a numbered section.
    static func split(_ document: MarkdownDocument, paper: CommitteePaper, log: inout DiagnosticLog) -> [Section] {
        var sections: [Section] = []
        for block in document.document.children {
            let location = paper.source.location(bodyLine: block.startLine, column: block.startColumn)
            if block.kind == "heading", block.headingLevel <= 2 {
                let heading = block.plainText
                let kind = StandardSection(heading: heading)
                if block.headingLevel == 1 {
                    log.warning(location, "level-1 heading '\(heading)' read as a section; the paper's title comes from its front matter",
                                code: "paper-heading-level")
                }
                if let kind, let earlier = sections.first(where: { $0.kind == kind }) {
                    log.error(location, "'\(heading)' repeats the \(kind.title) section begun at line \(earlier.location.line)",
                              code: "paper-duplicate-section")
                    continue
                }
                if kind == nil {
                    log.warning(location, "'\(heading)' is not a standard section; it is kept where it is and numbered",
                                code: "paper-unknown-section")
                }
                sections.append(Section(kind: kind, title: heading, blocks: [], location: location))
            } else if sections.isEmpty {
                log.error(location, "text before the first section heading: start the paper with '## Summary'",
                          code: "paper-text-outside-section")
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        return sections
    }

    /// Puts the standard sections in the standard order, keeping each unknown section after
    /// the standard section it followed, and adds or reports the missing ones.
    static func order(_ drafts: [Section], paper: CommitteePaper, generated: Set<StandardSection>,
                      log: inout DiagnosticLog) -> [Section] {
        var followers: [Int: [Section]] = [:]
        var lastStandard = -1
        var byKind: [StandardSection: Section] = [:]
        for draft in drafts {
            if let kind = draft.kind {
                byKind[kind] = draft
                lastStandard = kind.rawValue
            } else {
                followers[lastStandard, default: []].append(draft)
            }
        }
        let start = paper.source.file.location(line: 1)
        var ordered = followers[-1] ?? []
        for kind in StandardSection.allCases {
            if let draft = byKind[kind] {
                ordered.append(draft)
            } else if generated.contains(kind) {
                ordered.append(Section(kind: kind, title: kind.title, blocks: [], location: start))
            } else if kind == .recommendations, !paper.recommendations.isEmpty {
                ordered.append(Section(kind: kind, title: kind.title, blocks: [], location: start))
            } else if kind.isRequired {
                let hint = kind == .recommendations ? "add 'recommendations:' to the front matter or a '## Recommendations' section"
                    : "add a '## \(kind.title)' section"
                log.error(start, "the paper has no \(kind.title) section: \(hint)", code: "paper-missing-section")
            } else if kind.isImplication {
                log.warning(start, "the paper has no \(kind.title) section; the standard sentence is used: \"\(kind.noImplicationsSentence)\"",
                            code: "paper-default-implications")
                ordered.append(Section(kind: kind, title: kind.title, blocks: [], location: start))
            } else if kind == .background {
                ordered.append(Section(kind: kind, title: kind.title, blocks: [], location: start))
            } else {
                log.warning(start, "the paper has no \(kind.title) section", code: "paper-missing-section")
            }
            ordered += followers[kind.rawValue] ?? []
        }
        return ordered
    }
}

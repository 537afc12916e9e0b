import QuorumMarkdown
import QuorumSupport

/// A link destination written in an input file, at the place it was written.
package struct SourceLink: Sendable, Hashable {
    package let url: String
    package let kind: MarkdownLink.Kind
    package let location: SourceLocation

    package init(url: String, kind: MarkdownLink.Kind, location: SourceLocation) {
        self.url = url
        self.kind = kind
        self.location = location
    }
}

extension MarkdownSource {
    /// The links of a rendered body, located in this file (front matter lines counted).
    package func sourceLinks(_ links: [MarkdownLink]) -> [SourceLink] {
        links.map { SourceLink(url: $0.url, kind: $0.kind, location: location(bodyLine: $0.line, column: $0.column)) }
    }
}

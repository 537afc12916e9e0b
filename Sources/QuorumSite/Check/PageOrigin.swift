import QuorumContent
import QuorumSupport

/// Where a generated page came from, so that the link checker can report a broken link
/// at the input that produced it: the markdown file and line for links written in
/// content (the page's own text, or other content it shows), the page's template for links
/// the templates make.
package struct PageOrigin: Sendable {
    /// The content file the page was rendered from (line 1 when it is the whole file).
    package let source: SourceLocation
    /// The template file the page was rendered with, as diagnostics print it.
    package let template: String
    /// The links written in the page's content, at the lines they were written.
    package let links: [SourceLink]
    /// Links written in other content that the page may show (events), where they were written.
    package let shared: SharedContentLinks?

    package init(source: SourceLocation, template: String, links: [SourceLink] = [], shared: SharedContentLinks? = nil) {
        self.source = source
        self.template = template
        self.links = links
        self.shared = shared
    }
}

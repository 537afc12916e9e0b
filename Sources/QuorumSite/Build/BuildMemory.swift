import QuorumContent
import QuorumSupport

/// What a build leaves behind for `quorum serve`, which then renders a changed page again
/// without building everything: the loaded content and site, the page renderer with what the
/// pages share, every file rendered, and the diagnostics, with those of each content file
/// apart. A build given none (`quorum build`, `check`) keeps nothing.
package final class BuildMemory: @unchecked Sendable {
    let diagnosticsByFile = DiagnosticsByFile()
    var content: ContentFolder?
    var site: Site?
    var templates: TemplateLibrary?
    var pageRenderer: MarkdownPageRenderer?
    /// The markdown pages' files, one for each of `site.pages` (nil where one failed).
    var pageFiles: [OutputFile?] = []
    /// Every file rendered, pages first, also when the build failed.
    var files: [OutputFile] = []
    /// The diagnostics of the stages before the link check.
    var beforeLinkCheck: [Diagnostic] = []
    /// Each page's link-check findings, current when the latest build checked its links.
    let linkCheck = KeptLinkCheck()

    package init() {}
}

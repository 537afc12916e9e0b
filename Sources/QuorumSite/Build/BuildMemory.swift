import QuorumContent
import QuorumSupport

/// What a build leaves behind for `quorum serve`, which then renders again only what a
/// change reaches (`IncrementalBuild`): the content folder, the templates and the site as
/// loaded, what loading each part read (`SiteLoadRecord`), the page renderer with what the
/// pages share, each page's file, each render unit's files with what it read
/// (`RenderUnit.Record`), and the diagnostics, each piece's apart. A build given none
/// (`quorum build`, `check`) keeps nothing.
package final class BuildMemory: @unchecked Sendable {
    var content: ContentFolder?
    var site: Site?
    var templates: TemplateLibrary?
    /// The menu, footer and feed every page of the latest build shows
    /// (`RenderContext.sharedNavigation`). (Not the renderer itself: it would hold a second
    /// reference to the pages, and replacing one page would copy them all.)
    var sharedNavigation: [String]?
    var pageRenderer: MarkdownPageRenderer?
    /// The markdown pages' files, one for each of `site.pages` (nil where one failed).
    var pageFiles: [OutputFile?] = []
    /// The other pieces of the render stage.
    var units: [RenderUnit: RenderUnit.Record] = [:]
    /// The papers as prepared, each with what it read.
    let keptPapers = KeptPapers()
    /// The charts drawn as pictures for the Word versions, kept from build to build (a
    /// full rebuild hands them on: `IncrementalBuild.update`).
    var drawnCharts = DrawnCharts()
    /// Every file rendered, pages first, also when the build failed.
    var files: [OutputFile] = []
    /// The sitemap's files, the last of `files`.
    var sitemap: [OutputFile] = []
    /// What loading each part of the site read and said.
    let loadRecord = SiteLoadRecord()

    /// What reading each content file said, by its path inside the folder.
    let readDiagnostics = DiagnosticsByFile()
    /// What reading the folder said of no one file (entries refused, a folder unreadable).
    var folderDiagnostics: [Diagnostic] = []
    var templateDiagnostics: [Diagnostic] = []
    /// What rendering each page said, by its path inside the content folder.
    var pageRenderDiagnostics: [String: [Diagnostic]] = [:]
    /// What putting the pieces together said (collisions, the sitemap).
    var assemblyDiagnostics: [Diagnostic] = []
    /// The diagnostics of the stages before the link check.
    var beforeLinkCheck: [Diagnostic] = []
    /// Each page's link-check findings, current when the latest build checked its links.
    let linkCheck = KeptLinkCheck()

    package init() {}

    /// Every diagnostic before the link check, from the pieces kept: the same as a full
    /// build's when the pieces are up to date.
    var pieceDiagnostics: [Diagnostic] {
        var all = folderDiagnostics + templateDiagnostics + loadRecord.partDiagnostics
        all += readDiagnostics.all.values.joined()
        all += loadRecord.pageDiagnostics.all.values.joined()
        all += pageRenderDiagnostics.values.joined()
        all += units.values.flatMap(\.diagnostics)
        return all + assemblyDiagnostics
    }
}

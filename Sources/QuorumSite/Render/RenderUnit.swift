import QuorumSupport

/// A piece of the render stage that `quorum serve` can render again on its own: the
/// markdown pages are each one too (`SiteRenderer.renderPages`); these are the rest, in the
/// order their files come in the output.
package enum RenderUnit: String, Hashable, Sendable, CaseIterable {
    case microsite, strategy, workforce, scenarios, papers, staticFiles

    /// How `quorum serve` names the unit when it says what it built again.
    package var displayName: String {
        switch self {
        case .microsite: "microsite"
        case .strategy: "strategy page"
        case .workforce: "workforce dashboard"
        case .scenarios: "scenario pages"
        case .papers: "papers"
        case .staticFiles: "static files"
        }
    }

    /// The units whose files come after the pages, before the static files, in this order.
    static let afterPages: [RenderUnit] = [.microsite, .strategy, .workforce, .scenarios, .papers]

    /// What rendering a unit read, gave and said, as `SiteRenderer.rendering` records it.
    struct Record: Sendable {
        /// The parts of the site it read.
        var reads: Set<SitePart>
        /// The templates it rendered (each takes in others: `TemplateLibrary.takenIn`).
        var templates: Set<String>
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
    }
}

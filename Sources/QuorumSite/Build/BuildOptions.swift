import Foundation
import QuorumContent
import QuorumSupport

/// What to build, from where, to where, and as at which date.
package struct BuildOptions: Sendable {
    package var content: URL
    package var templates: URL
    package var output: URL
    /// The date everything time-dependent is judged against (overdue, closing, consent).
    package var asOf: CalendarDate
    /// True when `asOf` is only today's date, not chosen: `as_of` in site.yaml then wins.
    package var asOfIsToday: Bool
    /// Treat warnings as errors.
    package var strict: Bool
    /// Where to write exempt papers; nil (the default) leaves them out altogether.
    package var exemptOutput: URL?
    /// Replace output folders that Quorum did not write (`--force`).
    package var force: Bool
    /// Also print each paper to PDF (`--pdf`); nil (the default) never needs Chromium.
    package var pdf: PDFOptions?
    /// `rsvg-convert`, to draw charts as pictures in the Word versions; nil (the default)
    /// shows each chart as its data table.
    package var chartRasteriser: URL?

    package init(content: URL, templates: URL, output: URL, asOf: CalendarDate, asOfIsToday: Bool = false,
                 strict: Bool = false, exemptOutput: URL? = nil, force: Bool = false) {
        self.force = force
        self.asOfIsToday = asOfIsToday
        self.exemptOutput = exemptOutput
        self.content = content
        self.templates = templates
        self.output = output
        self.asOf = asOf
        self.strict = strict
    }

    /// How a folder is printed in diagnostics: as the user named it, relative to here.
    package static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath
        if path.hasPrefix(here + "/") { return String(path.dropFirst(here.count + 1)) }
        return path
    }

    /// The date the build is as at: `--as-of`, else site.yaml's `as_of`, else today.
    /// The printer `--pdf` asks for; nil without `--pdf`. Throws the diagnostic that says
    /// how to install the browser when there is none.
    func printer(asOf: CalendarDate) throws(MissingBrowser) -> PaperPrinter? {
        guard let pdf else { return nil }
        switch Chromium.locate(pdf) {
        case .success(let chromium): return PaperPrinter(chromium: chromium, date: asOf)
        case .failure(let failure):
            throw MissingBrowser(diagnostic: .error(SourceLocation(path: failure.named), failure.message, code: "pdf-no-chromium"))
        }
    }

    struct MissingBrowser: Error {
        let diagnostic: Diagnostic
    }

    package func effectiveAsOf(_ config: SiteConfig) -> CalendarDate {
        asOfIsToday ? config.asOf ?? asOf : asOf
    }
}

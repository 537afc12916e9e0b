import Foundation
import QuorumSupport

/// The link-check stage, between render and write: every internal link, `#anchor`, image
/// and asset reference of every generated page must name a generated file (and id).
///
/// It works on the in-memory output, so a broken link fails the build before anything is
/// written. A link written in markdown (a page, paper, priority, vacancy, testimonial or
/// event) is reported at its markdown file, line and column; a link a template makes is
/// reported at the template line that has it (or the page's template).
/// External (`http:`, `https:`) links are not fetched here: they are returned, with where
/// they were written, for `ExternalLinkChecker`.
package struct LinkChecker: Sendable {
    package let files: [OutputFile]
    /// The site's `base_url`: links that start with it point into the output.
    package let baseURL: String
    /// Template texts by display path (`Templates/base.mustache`), to find a template link's line.
    package let templates: [String: String]
    /// The output folder as diagnostics print it, for pages that have no known origin.
    package let outputDisplay: String

    package init(files: [OutputFile], baseURL: String = "", templates: [String: String] = [:], outputDisplay: String = "public") {
        self.files = files
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.templates = templates
        self.outputDisplay = outputDisplay
    }

    /// One reference to check: what it says, where it was written, and what kind it is.
    struct Use {
        /// The value as the page has it, which is what resolves.
        let original: String
        let isAsset: Bool
        /// Where a markdown link of the page's own text was written; nil for any other
        /// reference, whose place is looked for only when it is needed (see `place`).
        let written: SourceLocation?

        var fromTemplate: Bool { written == nil }

        /// The value as messages name it. A template writes `{{root}}x` on every page: name it once, as `x`.
        var value: String {
            guard fromTemplate else { return original }
            var value = Substring(original)
            while value.hasPrefix("../") { value = value.dropFirst(3) }
            return String(value)
        }
    }

    /// Reports every broken link to `log`, all at once; returns the external links.
    package func check(log: inout DiagnosticLog) -> [ExternalLink] {
        let paths = Set(files.map(\.path.value))
        // The HTML pages, by their index in `files`.
        let pages = files.indices.compactMap { index -> (Int, String)? in
            guard case .text(let html) = files[index].contents, LinkChecker.isHTML(files[index].path.value) else { return nil }
            return (index, html)
        }
        let scans = ParallelMap.map(pages) { HTMLReferences(scanning: $0.1) }
        var pageIDs: [String: Set<String>] = [:]
        pageIDs.reserveCapacity(pages.count)
        for (page, scan) in zip(pages, scans) { pageIDs[files[page.0].path.value] = scan.ids }

        // Pages are checked on every core, each core a run of pages with its own findings and
        // memos; the findings are then merged in page order (and reported sorted, as always).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = max(1, (pages.count + cores - 1) / cores)
        let runs = stride(from: 0, to: pages.count, by: size).map { $0..<min($0 + size, pages.count) }
        let ids = pageIDs
        let found = ParallelMap.map(runs) { run in
            checkPages(run.lazy.map { (files[pages[$0].0], scans[$0]) }, paths: paths, ids: ids)
        }
        return report(found, log: &log)
    }

    /// Reports what checking the pages found (in any grouping of the pages: each group's
    /// findings are merged the same way); returns the external links.
    func report(_ found: some Sequence<Findings>, log: inout DiagnosticLog) -> [ExternalLink] {
        reportDiagnostics(found, log: &log)
        var external: [String: Set<SourceLocation>] = [:]
        for findings in found {
            for (url, locations) in findings.external { external[url, default: []].formUnion(locations) }
        }
        return external.map { Self.externalLink($0.key, $0.value) }.sorted { $0.url < $1.url }
    }

    /// The diagnostics of the findings: each page's own, and a template's problems once.
    func reportDiagnostics(_ found: some Sequence<Findings>, log: inout DiagnosticLog) {
        var templateProblems: [Diagnostic: [String]] = [:]
        for findings in found {
            log.append(contentsOf: findings.log)
            for (diagnostic, pages) in findings.templateProblems { templateProblems[diagnostic, default: []] += pages }
        }
        for (diagnostic, pages) in templateProblems {
            var entry = diagnostic
            let names = Array(Set(pages)).sorted()
            entry.message += names.count == 1 ? " (in \(names[0]))"
                : " (in \(names[0]) and \(names.count - 1) other page\(names.count == 2 ? "" : "s"))"
            log.report(entry)
        }
    }

    /// An external link with its places in reading order.
    static func externalLink(_ url: String, _ locations: some Sequence<SourceLocation>) -> ExternalLink {
        ExternalLink(url: url, locations: locations.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) })
    }

    /// What checking some pages found.
    struct Findings {
        var log = DiagnosticLog()
        /// A problem a template (or content shown on many pages) makes shows on many pages:
        /// reported once, naming the pages.
        var templateProblems: [Diagnostic: [String]] = [:]
        var external: [String: Set<SourceLocation>] = [:]
        /// The output paths the pages looked up (`resolve`), so that a change to the output's
        /// paths re-checks only the pages it can reach (`KeptLinkCheck`).
        var lookups: Set<String> = []
        /// True when a page names a path the output does not have: its message suggests the
        /// nearest path there is, which any path added or removed may change.
        var hasMissingPath = false
    }

    /// Checks every reference of `pages` against the output's `paths` and each page's `ids`.
    /// With `keepingLookups`, the findings keep the paths looked up (`Findings.lookups`).
    func checkPages(_ pages: some Sequence<(OutputFile, HTMLReferences)>, paths: Set<String>,
                    ids: [String: Set<String>], keepingLookups: Bool = false) -> Findings {
        var findings = Findings()
        // The same missing file is often linked from many pages: find its suggestion once.
        var pathSuggestions: [String: String] = [:]
        var locator = TemplateLocator(templates: templates, outputDisplay: outputDisplay)
        func pathSuggestion(_ path: String) -> String {
            if let known = pathSuggestions[path] { return known }
            let found = suggestion(for: path, among: paths)
            pathSuggestions[path] = found
            return found
        }
        for (page, scan) in pages {
            let pagePath = page.path.value
            /// Where a reference was written and how messages name it: a markdown link at its
            /// line; a reference the page's own text did not write at the content shown on
            /// many pages that has it (an event's description), else at its template line.
            /// Both of those show on many pages, so they are reported once, naming the pages.
            func place(_ use: Use) -> (location: SourceLocation, value: String, onManyPages: Bool) {
                if let written = use.written { return (written, use.value, false) }
                if let shown = page.origin?.shared?.link(for: use.original) { return (shown.location, use.original, true) }
                return (locator.location(of: use.original, in: page), use.value, true)
            }
            func report(_ use: Use, _ message: (String) -> String, code: String) {
                let place = place(use)
                let diagnostic = Diagnostic.error(place.location, message(place.value), code: code)
                if place.onManyPages {
                    findings.templateProblems[diagnostic, default: []].append(pagePath)
                } else {
                    findings.log.report(diagnostic)
                }
            }
            for use in uses(of: page, scan) {
                switch LinkTarget(use.original, from: pagePath, baseURL: baseURL) {
                case .other:
                    continue
                case .external(let url):
                    findings.external[url, default: []].insert(place(use).location)
                case .outside:
                    report(use, { "'\($0)' points outside the site" }, code: use.isAsset ? "broken-asset" : "broken-link")
                case .file(let path, let fragment):
                    let target = resolve(path, in: paths)
                    if keepingLookups { findings.lookups.insert(path) }
                    guard let target else {
                        findings.hasMissingPath = true
                        let suggestion = pathSuggestion(path)
                        report(use, { "\(use.isAsset ? "asset" : "link") '\($0)': there is no \(path) in the output\(suggestion)" },
                               code: use.isAsset ? "broken-asset" : "broken-link")
                        continue
                    }
                    guard let fragment, !fragment.isEmpty, fragment != "top", let targetIDs = ids[target] else { continue }
                    if !targetIDs.contains(fragment) {
                        let hint = suggestion(for: fragment, among: targetIDs)
                        let named = target == pagePath ? "the page" : target
                        report(use, { "link '\($0)': \(named) has no element with id '\(fragment)'\(hint)" },
                               code: "broken-anchor")
                    }
                }
            }
        }
        return findings
    }

    /// The page's references: each markdown link at its line, then every other reference
    /// of the HTML (the ones the templates made). The HTML has the markdown links too,
    /// as cmark wrote them: each is matched to one markdown link by its decoded value.
    func uses(of page: OutputFile, _ scan: HTMLReferences) -> [Use] {
        let links = page.origin?.links ?? []
        var uses: [Use] = []
        uses.reserveCapacity(links.count + scan.references.count)
        // A page has a handful of markdown links: a list to search beats a dictionary.
        var unmatched: [String] = []
        unmatched.reserveCapacity(links.count)
        for link in links {
            uses.append(Use(original: link.url, isAsset: link.kind == .image, written: link.location))
            unmatched.append(LinkTarget.decode(link.url))
        }
        for reference in scan.references {
            if !unmatched.isEmpty, let match = unmatched.firstIndex(of: LinkTarget.decode(reference.value)) {
                unmatched.swapAt(match, unmatched.count - 1)
                unmatched.removeLast()
                continue
            }
            uses.append(Use(original: reference.value, isAsset: reference.isAsset, written: nil))
        }
        return uses
    }

    /// The file a path names: itself, or a folder's `index.html`.
    func resolve(_ path: String, in paths: Set<String>) -> String? {
        if paths.contains(path) { return path }
        let index = path + "/index.html"
        return paths.contains(index) ? index : nil
    }

    /// `; did you mean 'x'?` for the nearest candidate within two edits, or nothing.
    /// Only names of about the same length are compared, so a site with thousands of
    /// files and many broken links stays fast.
    private func suggestion(for name: String, among candidates: Set<String>) -> String {
        // Two edits: a typo or a swapped pair of letters, not a different name.
        let limit = 2
        let length = name.count
        let best = candidates.lazy.filter { abs($0.count - length) <= limit }
            .map { ($0.editDistance(to: name), $0) }.filter { $0.0 <= limit }.min { $0 < $1 }
        return best.map { "; did you mean '\($0.1)'?" } ?? ""
    }

    static func isHTML(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".htm")
    }
}

/// An `http:` or `https:` link of the site, and every place it was written.
package struct ExternalLink: Sendable, Hashable {
    package let url: String
    package let locations: [SourceLocation]

    package init(url: String, locations: [SourceLocation]) {
        self.url = url
        self.locations = locations
    }
}

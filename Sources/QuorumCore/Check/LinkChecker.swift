import Foundation

/// The link-check stage, between render and write: every internal link, `#anchor`, image
/// and asset reference of every generated page must name a generated file (and id).
///
/// It works on the in-memory output, so a broken link fails the build before anything is
/// written. A link written in markdown is reported at its markdown file and line; a link a
/// template makes is reported at the template line that has it (or the page's template).
/// External (`http:`, `https:`) links are not fetched here: they are returned, with where
/// they were written, for `ExternalLinkChecker`.
public struct LinkChecker: Sendable {
    public let files: [OutputFile]
    /// The site's `base_url`: links that start with it point into the output.
    public let baseURL: String
    /// Template texts by display path (`Templates/base.mustache`), to find a template link's line.
    public let templates: [String: String]
    /// The output folder as diagnostics print it, for pages that have no known origin.
    public let outputDisplay: String

    public init(files: [OutputFile], baseURL: String = "", templates: [String: String] = [:], outputDisplay: String = "public") {
        self.files = files
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.templates = templates
        self.outputDisplay = outputDisplay
    }

    /// One reference to check: what it says, where it was written, and what kind it is.
    struct Use {
        let value: String
        let location: SourceLocation
        let isAsset: Bool
        let fromTemplate: Bool
        /// The value as the page has it, which is what resolves.
        var original: String

        init(value: String, location: SourceLocation, isAsset: Bool, fromTemplate: Bool, original: String? = nil) {
            self.value = value
            self.location = location
            self.isAsset = isAsset
            self.fromTemplate = fromTemplate
            self.original = original ?? value
        }
    }

    /// Reports every broken link to `log`, all at once; returns the external links.
    public func check(log: inout DiagnosticLog) -> [ExternalLink] {
        let paths = Set(files.map(\.path.value))
        let pages = files.compactMap { file -> (OutputFile, String)? in
            guard case .text(let html) = file.contents, LinkChecker.isHTML(file.path.value) else { return nil }
            return (file, html)
        }
        let scans = ParallelMap.map(pages.map(\.1)) { HTMLReferences(scanning: $0) }
        var pageIDs: [String: Set<String>] = [:]
        for (page, scan) in zip(pages, scans) { pageIDs[page.0.path.value] = scan.ids }

        // Pages are checked on every core, each core a run of pages with its own findings and
        // memos; the findings are then merged in page order (and reported sorted, as always).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = max(1, (pages.count + cores - 1) / cores)
        let runs = stride(from: 0, to: pages.count, by: size).map { $0..<min($0 + size, pages.count) }
        let ids = pageIDs
        let found = ParallelMap.map(runs) { run in
            checkPages(run.map { (pages[$0].0, scans[$0]) }, paths: paths, ids: ids)
        }
        var external: [String: Set<SourceLocation>] = [:]
        var templateProblems: [Diagnostic: [String]] = [:]
        for findings in found {
            log.append(contentsOf: findings.log)
            for (diagnostic, pages) in findings.templateProblems { templateProblems[diagnostic, default: []] += pages }
            for (url, locations) in findings.external { external[url, default: []].formUnion(locations) }
        }
        for (diagnostic, pages) in templateProblems {
            var entry = diagnostic
            let names = Array(Set(pages)).sorted()
            entry.message += names.count == 1 ? " (in \(names[0]))"
                : " (in \(names[0]) and \(names.count - 1) other page\(names.count == 2 ? "" : "s"))"
            log.report(entry)
        }
        return external.map { ExternalLink(url: $0.key, locations: $0.value.sorted { ($0.path, $0.line) < ($1.path, $1.line) }) }
            .sorted { $0.url < $1.url }
    }

    /// What checking some pages found.
    struct Findings {
        var log = DiagnosticLog()
        /// A problem a template makes shows on many pages: reported once, naming the pages.
        var templateProblems: [Diagnostic: [String]] = [:]
        var external: [String: Set<SourceLocation>] = [:]
    }

    /// Checks every reference of `pages` against the output's `paths` and each page's `ids`.
    func checkPages(_ pages: [(OutputFile, HTMLReferences)], paths: Set<String>, ids: [String: Set<String>]) -> Findings {
        var findings = Findings()
        // The same missing file is often linked from many pages: find its suggestion once.
        var pathSuggestions: [String: String] = [:]
        // Where a template writes a value: the same few values recur on every page.
        var templateLines: [String: SourceLocation] = [:]
        var search = TemplateSearch(templates: templates)
        func pathSuggestion(_ path: String) -> String {
            if let known = pathSuggestions[path] { return known }
            let found = suggestion(for: path, among: paths)
            pathSuggestions[path] = found
            return found
        }
        for (page, scan) in pages {
            let pagePath = page.path.value
            for var use in uses(of: page, scan, templateLines: &templateLines, search: &search) {
                if use.fromTemplate {
                    // A template writes `{{root}}x` on every page: name it once, as `x`.
                    var value = Substring(use.value)
                    while value.hasPrefix("../") { value = value.dropFirst(3) }
                    use = Use(value: String(value), location: use.location, isAsset: use.isAsset, fromTemplate: true,
                              original: use.value)
                }
                switch LinkTarget(use.original, from: pagePath, baseURL: baseURL) {
                case .other:
                    continue
                case .external(let url):
                    findings.external[url, default: []].insert(use.location)
                case .outside:
                    report(use, "'\(use.value)' points outside the site", code: use.isAsset ? "broken-asset" : "broken-link",
                           page: pagePath, templateProblems: &findings.templateProblems, log: &findings.log)
                case .file(let path, let fragment):
                    let target = resolve(path, in: paths)
                    guard let target else {
                        report(use, "\(use.isAsset ? "asset" : "link") '\(use.value)': there is no \(path) in the output"
                               + pathSuggestion(path),
                               code: use.isAsset ? "broken-asset" : "broken-link",
                               page: pagePath, templateProblems: &findings.templateProblems, log: &findings.log)
                        continue
                    }
                    guard let fragment, !fragment.isEmpty, fragment != "top", let targetIDs = ids[target] else { continue }
                    if !targetIDs.contains(fragment) {
                        let hint = suggestion(for: fragment, among: targetIDs)
                        let page = target == pagePath ? "the page" : target
                        report(use, "link '\(use.value)': \(page) has no element with id '\(fragment)'\(hint)",
                               code: "broken-anchor", page: pagePath, templateProblems: &findings.templateProblems,
                               log: &findings.log)
                    }
                }
            }
        }
        return findings
    }

    /// The page's references: each markdown link at its line, and every other reference
    /// of the HTML (the ones the templates made) at its template.
    func uses(of page: OutputFile, _ scan: HTMLReferences, templateLines: inout [String: SourceLocation],
              search: inout TemplateSearch) -> [Use] {
        var uses: [Use] = []
        var fromContent: [String: Int] = [:]
        for link in page.origin?.links ?? [] {
            uses.append(Use(value: link.url, location: link.location, isAsset: link.kind == .image, fromTemplate: false))
            fromContent[LinkTarget.decode(link.url), default: 0] += 1
        }
        for reference in scan.references {
            let key = LinkTarget.decode(reference.value)
            if let count = fromContent[key], count > 0 {
                fromContent[key] = count - 1
                continue
            }
            let lineKey = (page.origin?.template ?? page.path.value) + "\n" + reference.value
            let location = templateLines[lineKey] ?? templateLocation(of: reference.value, in: page, search: &search)
            templateLines[lineKey] = location
            uses.append(Use(value: reference.value, location: location,
                            isAsset: reference.isAsset, fromTemplate: true))
        }
        return uses
    }

    /// The template line that holds `value`, as far as it can be found: templates write
    /// `{{root}}assets/x.css` where the page has `../assets/x.css`, so the search is for
    /// the value without its leading `../`. Otherwise line 1 of the page's template.
    func templateLocation(of value: String, in page: OutputFile) -> SourceLocation {
        var search = TemplateSearch(templates: templates)
        return templateLocation(of: value, in: page, search: &search)
    }

    /// What the template search keeps for the whole check: the candidate lines, each
    /// template's include chain, and every value already found.
    struct TemplateSearch {
        let lines: TemplateLinkLines
        var chains: [String: [String]] = [:]
        var found: [String: SourceLocation?] = [:]

        init(templates: [String: String]) {
            lines = TemplateLinkLines(templates: templates)
        }
    }

    func templateLocation(of value: String, in page: OutputFile, search: inout TemplateSearch) -> SourceLocation {
        guard let origin = page.origin else { return SourceLocation(path: "\(outputDisplay)/\(page.path.value)") }
        var needle = Substring(value)
        while needle.hasPrefix("../") { needle = needle.dropFirst(3) }
        if needle.count > 1 {
            let key = origin.template + "\n" + needle
            if let known = search.found[key] {
                if let known { return known }
            } else {
                let chain = search.chains[origin.template] ?? includeChain(from: origin.template)
                search.chains[origin.template] = chain
                let location = search.lines.find(needle, from: origin.template, chain: chain)
                search.found[key] = .some(location)
                if let location { return location }
            }
        }
        return SourceLocation(path: origin.template)
    }

    /// The page's template, then the parents and partials it uses (`{{<base}}`, `{{> partials/x}}`),
    /// depth first: where a link in a page most likely comes from.
    func includeChain(from template: String) -> [String] {
        var chain: [String] = []
        func visit(_ path: String) {
            guard !chain.contains(path), let text = templates[path] else { return }
            chain.append(path)
            var rest = Substring(text)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                let tag = rest.drop { $0 == " " }
                guard let kind = tag.first, kind == "<" || kind == ">", let close = tag.range(of: "}}") else { continue }
                let name = tag.dropFirst()[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let included = templates.keys.sorted().first(where: { $0.hasSuffix("/\(name).mustache") }) {
                    visit(included)
                }
            }
        }
        visit(template)
        return chain
    }

    private func report(_ use: Use, _ message: String, code: String, page: String,
                        templateProblems: inout [Diagnostic: [String]], log: inout DiagnosticLog) {
        let diagnostic = Diagnostic.error(use.location, message, code: code)
        if use.fromTemplate {
            templateProblems[diagnostic, default: []].append(page)
        } else {
            log.report(diagnostic)
        }
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
public struct ExternalLink: Sendable, Hashable {
    public let url: String
    public let locations: [SourceLocation]

    public init(url: String, locations: [SourceLocation]) {
        self.url = url
        self.locations = locations
    }
}

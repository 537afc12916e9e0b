import Foundation
import QuorumSupport

/// The link check as `quorum serve` keeps it between builds: each HTML page's ids and what
/// checking it found, so that after pages change only those are checked again.
///
/// A page's findings depend only on the page itself, the output's paths and the ids of the
/// pages it links to. So when each changed page still has the same ids, checking again the
/// changed pages, the new ones, and the pages whose lookups a path added or removed reaches
/// (or that name a missing path, whose suggestion any path may change) gives what checking
/// every page would; when a page's ids changed, every page is checked again.
final class KeptLinkCheck: @unchecked Sendable {
    private var paths: Set<String> = []
    private var ids: [String: Set<String>] = [:]
    private var findings: [String: LinkChecker.Findings] = [:]
    /// Every external link's places, each counted once per page that has it (a template's
    /// place is shared by many pages), and the links as `LinkChecker.report` gives them, by URL:
    /// after a change only the URLs of the changed pages are worked out again.
    private var externalPlaces: [String: [SourceLocation: Int]] = [:]
    private var externalLinks: [String: ExternalLink] = [:]
    /// False until every page has been checked, and after a build skipped the check.
    private(set) var isCurrent = false

    /// The kept findings no longer describe the output (a build did not check its links).
    func forget() {
        isCurrent = false
    }

    /// Checks every page of `checker`, keeping each page's scan and findings.
    func checkAll(_ checker: LinkChecker, log: inout DiagnosticLog) -> [ExternalLink] {
        let pages = checker.files.filter { file in
            guard case .text = file.contents else { return false }
            return LinkChecker.isHTML(file.path.value)
        }
        let scanned = ParallelMap.map(pages) { file -> HTMLReferences in
            guard case .text(let html) = file.contents else { return HTMLReferences(scanning: "") }
            return HTMLReferences(scanning: html)
        }
        paths = Set(checker.files.map(\.path.value))
        ids = [:]
        for (page, scan) in zip(pages, scanned) { ids[page.path.value] = scan.ids }
        let paths = self.paths, ids = self.ids
        let found = ParallelMap.map(Array(zip(pages, scanned))) { page, scan in
            checker.checkPages(CollectionOfOne((page, scan)), paths: paths, ids: ids, keepingLookups: true)
        }
        findings = Dictionary(zip(pages.map(\.path.value), found), uniquingKeysWith: { first, _ in first })
        isCurrent = true
        externalPlaces = [:]
        for page in findings.values { count(page.external, by: 1) }
        externalLinks = Dictionary(uniqueKeysWithValues: externalPlaces.map { ($0.key, LinkChecker.externalLink($0.key, $0.value.keys)) })
        return checker.report(findings.values, log: &log)
    }

    /// Adds (or, with -1, takes away) one page's external links.
    private func count(_ external: [String: Set<SourceLocation>], by step: Int) {
        for (url, locations) in external {
            var places = externalPlaces[url, default: [:]]
            for location in locations {
                let count = places[location, default: 0] + step
                places[location] = count > 0 ? count : nil
            }
            externalPlaces[url] = places.isEmpty ? nil : places
        }
    }

    /// Checks again only what the `changed` output files of `checker` reach, when that gives
    /// what checking every page would (see the type's comment); otherwise checks every page.
    /// `samePaths` says the output's paths are those of the last check (as the caller knows).
    func recheck(_ changed: Set<String>, _ checker: LinkChecker, samePaths: Bool = false,
                 log: inout DiagnosticLog) -> [ExternalLink] {
        guard isCurrent else { return checkAll(checker, log: &log) }
        let newPaths = samePaths ? paths : Set(checker.files.map(\.path.value))
        let difference = samePaths ? [] : newPaths.symmetricDifference(paths)
        // A lookup of `x` finds `x` or `x/index.html`: the keys a path added or removed answers.
        let reached = difference.union(difference.compactMap { path in
            path.hasSuffix("/index.html") ? String(path.dropLast("/index.html".count)) : nil
        })
        var rescanned: [(OutputFile, HTMLReferences)] = []
        // By index: ten thousand files are not copied to look at their paths.
        for index in checker.files.indices where LinkChecker.isHTML(checker.files[index].path.value) {
            let path = checker.files[index].path.value
            if samePaths, !changed.contains(path) { continue }
            let file = checker.files[index]
            let isNew = findings[path] == nil
            let lookupsReached = !isNew && !reached.isEmpty
                && (findings[path]!.hasMissingPath || !findings[path]!.lookups.isDisjoint(with: reached))
            guard changed.contains(path) || isNew || lookupsReached else { continue }
            // A page copied as it is, not rendered, is not checked (as in `checkAll`).
            guard case .text(let html) = file.contents else { continue }
            let scan = HTMLReferences(scanning: html)
            // New ids may mend or break links in pages that were not changed. (A new page's
            // ids are reached through its path, which is new.)
            if let before = ids[path], scan.ids != before { return checkAll(checker, log: &log) }
            rescanned.append((file, scan))
        }
        var touched: Set<String> = []
        // The pages no longer there take their findings with them.
        for path in samePaths ? [] : paths.subtracting(newPaths) {
            if let before = findings.removeValue(forKey: path) {
                count(before.external, by: -1)
                touched.formUnion(before.external.keys)
            }
            ids[path] = nil
        }
        paths = newPaths
        for (file, scan) in rescanned { ids[file.path.value] = scan.ids }
        let paths = self.paths, ids = self.ids
        let found = ParallelMap.map(rescanned) { file, scan in
            checker.checkPages(CollectionOfOne((file, scan)), paths: paths, ids: ids, keepingLookups: true)
        }
        for ((file, _), found) in zip(rescanned, found) {
            let before = findings[file.path.value]?.external ?? [:]
            if found.external != before {
                count(before, by: -1)
                count(found.external, by: 1)
                touched.formUnion(before.keys)
                touched.formUnion(found.external.keys)
            }
            findings[file.path.value] = found
        }
        for url in touched {
            externalLinks[url] = externalPlaces[url].map { LinkChecker.externalLink(url, $0.keys) }
        }
        checker.reportDiagnostics(findings.values, log: &log)
        return externalLinks.values.sorted { $0.url < $1.url }
    }
}

import Foundation
import QuorumSupport

/// The link check as `quorum serve` keeps it between builds: each HTML page's ids and what
/// checking it found, so that after pages change only those are checked again.
///
/// A page's findings depend only on the page itself, the output's paths and the ids of the
/// pages it links to. So when the paths are the same and each changed page still has the
/// same ids, checking the changed pages again gives what checking every page would; when
/// not, every page is checked again.
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
            checker.checkPages(CollectionOfOne((page, scan)), paths: paths, ids: ids)
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

    /// Checks again only the `changed` output files of `checker` when that gives what checking
    /// every page would (see the type's comment); otherwise checks every page.
    func recheck(_ changed: Set<String>, _ checker: LinkChecker, log: inout DiagnosticLog) -> [ExternalLink] {
        // The same output paths (they are unique in a build that reaches the check).
        guard isCurrent, checker.files.count == paths.count,
              checker.files.indices.allSatisfy({ paths.contains(checker.files[$0].path.value) })
        else { return checkAll(checker, log: &log) }
        var rescanned: [(OutputFile, HTMLReferences)] = []
        for file in checker.files where changed.contains(file.path.value) && LinkChecker.isHTML(file.path.value) {
            guard case .text(let html) = file.contents, ids[file.path.value] != nil else { return checkAll(checker, log: &log) }
            let scan = HTMLReferences(scanning: html)
            // New ids may mend or break links in pages that were not changed.
            guard scan.ids == ids[file.path.value] else { return checkAll(checker, log: &log) }
            rescanned.append((file, scan))
        }
        var touched: Set<String> = []
        for (file, scan) in rescanned {
            let found = checker.checkPages(CollectionOfOne((file, scan)), paths: paths, ids: ids)
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

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
        return checker.report(findings.values, log: &log)
    }

    /// Checks again only the `changed` output files of `checker` when that gives what checking
    /// every page would (see the type's comment); otherwise checks every page.
    func recheck(_ changed: Set<String>, _ checker: LinkChecker, log: inout DiagnosticLog) -> [ExternalLink] {
        guard isCurrent, Set(checker.files.map(\.path.value)) == paths else { return checkAll(checker, log: &log) }
        var rescanned: [(OutputFile, HTMLReferences)] = []
        for file in checker.files where changed.contains(file.path.value) && LinkChecker.isHTML(file.path.value) {
            guard case .text(let html) = file.contents, ids[file.path.value] != nil else { return checkAll(checker, log: &log) }
            let scan = HTMLReferences(scanning: html)
            // New ids may mend or break links in pages that were not changed.
            guard scan.ids == ids[file.path.value] else { return checkAll(checker, log: &log) }
            rescanned.append((file, scan))
        }
        for (file, scan) in rescanned {
            findings[file.path.value] = checker.checkPages(CollectionOfOne((file, scan)), paths: paths, ids: ids)
        }
        return checker.report(findings.values, log: &log)
    }
}

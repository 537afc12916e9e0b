import Foundation
@testable import QuorumMarkdown
@testable import QuorumSite
@testable import QuorumSupport

/// Checks the links between the repository's guides (README.md and docs/*.md) the way
/// GitHub shows them: each file is read by Quorum's own markdown reading (cmark-gfm's tree
/// for links and images, `HeadingAnchor` for GitHub's heading ids), every relative link must
/// name a file or folder inside the repository, and an `#anchor` into a markdown file must be
/// one of its heading ids.
struct GuideLinkChecker {
    /// The folder the guides live in (the repository, or a test's temporary folder).
    let root: URL

    /// README.md and every `.md` file in docs/, relative to `root`, sorted.
    var guides: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        let inDocs = docs.filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        let readme = FileManager.default.fileExists(atPath: root.appendingPathComponent("README.md").path) ? ["README.md"] : []
        return (readme + inDocs).sorted()
    }

    /// One error per broken link or image, `path:line:column: error: message [code]`.
    func brokenLinks() -> [Diagnostic] {
        var headingIDs: [String: Set<String>] = [:]
        func ids(of path: String) -> Set<String> {
            if let known = headingIDs[path] { return known }
            let document = MarkdownDocument(read(path) ?? "")
            let found = Set(document.headingIDs.map(\.id))
            headingIDs[path] = found
            return found
        }

        var broken: [Diagnostic] = []
        for guide in guides {
            let document = MarkdownDocument(read(guide) ?? "")
            for link in document.links {
                guard let problem = problem(with: link.url, in: guide, headingIDs: ids(of:)) else { continue }
                let location = SourceLocation(path: guide, line: link.line, column: link.column)
                broken.append(Diagnostic(.error, location, "\(link.kind.rawValue) '\(link.url)': \(problem.message)",
                                         code: problem.code))
            }
        }
        return broken
    }

    /// What is wrong with `url` written in `guide`, or nil when it resolves.
    private func problem(with url: String, in guide: String,
                         headingIDs: (String) -> Set<String>) -> (message: String, code: String)? {
        if Self.hasScheme(url) { return nil }          // https:, mailto: ... are not ours to check
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let pathPart = parts[0].removingPercentEncoding ?? parts[0]
        let anchor = parts.count > 1 ? parts[1].removingPercentEncoding ?? parts[1] : nil

        let target: String
        if pathPart.isEmpty {
            target = guide
        } else {
            let folder = (guide as NSString).deletingLastPathComponent
            guard let resolved = Self.resolve(pathPart.hasPrefix("/") ? String(pathPart.dropFirst()) : pathPart,
                                              from: pathPart.hasPrefix("/") ? "" : folder) else {
                return ("it points outside the repository", "broken-link")
            }
            target = resolved
        }
        guard target.isEmpty || FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) else {
            return ("there is no \(target)", "broken-link")
        }
        // GitHub's line anchors (`#L12`) and anchors into other kinds of file are not headings.
        if let anchor, !anchor.isEmpty, target.hasSuffix(".md"), !headingIDs(target).contains(anchor) {
            return ("\(target) has no heading with id '\(anchor)'", "broken-anchor")
        }
        return nil
    }

    /// `path` taken from `folder`, with `.` and `..` worked out; nil when it leaves the root.
    private static func resolve(_ path: String, from folder: String) -> String? {
        var components = folder.split(separator: "/").map(String.init)
        for component in path.split(separator: "/").map(String.init) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// True for `https://...`, `mailto:...`: a scheme before any `/`, `?` or `#`.
    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return !url[..<colon].contains { $0 == "/" || $0 == "?" || $0 == "#" }
    }

    private func read(_ path: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

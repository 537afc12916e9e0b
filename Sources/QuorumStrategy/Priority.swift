/// A priority of the workforce strategy, e.g. "Recruitment & Retention":
/// one markdown file in `priorities/`, listed in `order`.
package struct Priority: Sendable {
    package let id: String
    package let title: String
    package let order: Int
    package let lead: String
    /// What the priority covers and why, as markdown.
    package let source: MarkdownSource

    package static let folder = "priorities"
    static let keys: Set<String> = ["id", "title", "order", "lead"]

    /// Reads every priority, in `order`; duplicate ids are errors, and so is an `order`
    /// another priority already has (the strategy would list the two in an order no one chose).
    package static func loadAll(from content: ContentFolder, log: inout DiagnosticLog) -> [Priority] {
        var priorities: [Priority] = []
        for file in content.files(in: folder, extensions: ["md", "markdown"]) {
            guard let source = MarkdownSource.read(file, keys: keys, log: &log) else { continue }
            let meta = source.frontMatter
            let title = meta.string("title", required: true, log: &log)
            let order = meta.int("order", required: true, log: &log)
            let lead = meta.string("lead", required: true, log: &log)
            let id = meta.string("id", log: &log) ?? Slug.make(file.stem)
            guard let title, let order, let lead else { continue }
            if id.isEmpty {
                log.error(file.location(),
                          "the file name '\(file.stem)' has no letters or digits to make the priority's id from; add an 'id:' key",
                          code: "priority-id")
                continue
            }
            if Slug.make(id) != id {
                log.error(meta.location(of: "id"), "priority id '\(id)' must be lower-case letters, digits and hyphens",
                          code: "priority-id")
                continue
            }
            if let first = priorities.first(where: { $0.id == id }) {
                log.error(meta.location(of: "id"), "priority id '\(id)' is already used by \(first.source.file.path)",
                          code: "priority-duplicate")
                continue
            }
            if let first = priorities.first(where: { $0.order == order }) {
                log.error(meta.location(of: "order"), "order \(order) is already used by \(first.source.file.path)",
                          code: "priority-duplicate-order")
            }
            priorities.append(Priority(id: id, title: title, order: order, lead: lead, source: source))
        }
        return priorities.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// True when `name` (a heading in the action plan) names this priority, by title or id.
    func isNamed(_ name: String) -> Bool {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return wanted == title.lowercased() || wanted == id || Slug.make(wanted) == Slug.make(title)
    }
}

import Foundation
import QuorumContent
import QuorumSupport

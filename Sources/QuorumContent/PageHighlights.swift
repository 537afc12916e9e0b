import QuorumSupport

/// What a page's front matter adds around its markdown: key facts (`facts`), calls to act
/// (`actions`) and a place in the footer links (`footer`). The home page uses all three.
///
/// ```yaml
/// facts:
///   - figure: "16"
///     label: children per social worker on average
/// actions:
///   - label: See our vacancies
///     url: vacancies.html
/// footer: 1
/// ```
package struct PageHighlights: Sendable {
    package struct Fact: Sendable {
        package let figure: String
        package let label: String
    }

    package struct Action: Sendable {
        package let label: String
        /// A path inside the site (`vacancies.html`) or an https:// or mailto: address.
        package let url: String
    }

    package let facts: [Fact]
    package let actions: [Action]
    /// Position in the footer links; pages without one are not there.
    package let footerOrder: Int?

    static let keys: Set<String> = ["facts", "actions", "footer"]

    static func read(_ meta: FrontMatter, log: inout DiagnosticLog) -> PageHighlights {
        var facts: [Fact] = []
        for item in meta.mappingList("facts", log: &log) ?? [] {
            item.warnAboutUnknownKeys(allowed: ["figure", "label"], log: &log)
            if let figure = item.string("figure", required: true, log: &log),
               let label = item.string("label", required: true, log: &log) {
                facts.append(Fact(figure: figure, label: label))
            }
        }
        var actions: [Action] = []
        for item in meta.mappingList("actions", log: &log) ?? [] {
            item.warnAboutUnknownKeys(allowed: ["label", "url"], log: &log)
            guard let label = item.string("label", required: true, log: &log),
                  let url = item.string("url", required: true, log: &log) else { continue }
            let lower = url.lowercased()
            let external = lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
            guard external || (!url.contains(":") && !url.hasPrefix("/") && !url.contains(where: \.isWhitespace)) else {
                log.error(item.location(of: "url"),
                          "'url' must be a path inside the site (such as vacancies.html) or an https:// or mailto: address, not '\(url)'",
                          code: "page-action-url")
                continue
            }
            actions.append(Action(label: label, url: url))
        }
        return PageHighlights(facts: facts, actions: actions, footerOrder: meta.int("footer", log: &log))
    }

    /// A page with no facts or actions.
    package static let none = PageHighlights(facts: [], actions: [], footerOrder: nil)

    /// True when the page has no facts or actions: its values are then the same as any other such page's.
    package var isEmpty: Bool { facts.isEmpty && actions.isEmpty }
}

import QuorumContent

extension PageHighlights {
    /// Template values for the page at `root` (its relative path back to the site root).
    func values(root: String) -> [String: Any] {
        let links = actions.map { action in
            ["label": action.label, "href": action.url.contains(":") ? action.url : root + action.url]
        }
        return ["facts": facts.map { ["figure": $0.figure, "label": $0.label] }, "hasFacts": !facts.isEmpty,
                "actions": links, "hasActions": !actions.isEmpty]
    }
}

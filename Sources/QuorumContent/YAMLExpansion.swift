import Yams

/// Bounds what aliases can make of a small YAML text: nine nested aliases of nine items
/// each turn 119 KB into a billion values (the "billion laughs"). Yams shares an alias's
/// node instead of copying it, so composing stays cheap; this walks the composed tree as
/// a reader of it would, stopping at the first value past the bound.
enum YAMLExpansion {
    /// Far more values and text than any front matter, site.yaml or workforce config holds.
    static let maxValues = 100_000
    static let maxTextBytes = 4_000_000

    static let message = "YAML aliases expand this file to more than \(maxValues) values or \(maxTextBytes / 1_000_000) MB of text; "
        + "write the values out or use fewer aliases (an alias of an alias multiplies the size)"

    /// Where the bound was passed, or nil when the tree stays within it. Only a text with
    /// an alias (`*`) can grow past its own size, so only such a text is walked.
    static func overflow(of node: Node, in yaml: String) -> Mark?? {
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var values = 0
        var bytes = 0
        var stack = [node]
        while let next = stack.popLast() {
            values += 1
            switch next {
            case .scalar(let scalar): bytes += scalar.string.utf8.count
            case .mapping(let mapping):
                for pair in mapping {
                    stack.append(pair.key)
                    stack.append(pair.value)
                }
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .alias: break
            }
            if values > maxValues || bytes > maxTextBytes { return .some(next.mark) }
        }
        return nil
    }
}

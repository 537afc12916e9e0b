import Yams

/// Reads a YAML mapping's keys once into a dictionary that finds what `Node.Mapping`'s
/// `subscript(String)` finds.
///
/// That subscript compares every key with `Node(text)`: the same text, and the same tag once
/// both are resolved (so `"1"` is not the key `1`, and `yes` is a bool, not `"yes"`), and
/// resolving a tag runs regular expressions. Asked once per key here, each later lookup is a
/// plain string lookup.
enum FrontMatterKeys {
    static func values(_ mapping: Node.Mapping) -> [String: Node] {
        var values: [String: Node] = [:]
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let text = key.scalar?.string, key == Node(text, mapping.tag.copy(with: .implicit)) else { continue }
            // Two keys found by one text would be equal Nodes, which Yams reports as duplicates.
            values[text] = value
        }
        return values
    }
}

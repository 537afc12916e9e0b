import Foundation
import Yams

/// Reads a YAML mapping's keys once into a dictionary that finds what `Node.Mapping`'s
/// `subscript(String)` finds.
///
/// That subscript compares every key with `Node(text)`: the same text, and the same tag once
/// both are resolved (so `"1"` is not the key `1`, and `yes` is a bool, not `"yes"`), and
/// resolving a tag runs regular expressions. Here each key is compared once, and the tag a
/// key's text resolves to is worked out once per process: pages repeat the same few keys.
///
/// For mappings parsed with `YAMLResolver.resolver`, as every front matter is.
enum FrontMatterKeys {
    static func values(_ mapping: Node.Mapping) -> [String: Node] {
        var values: [String: Node] = [:]
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let text = key.scalar?.string, key.tag == Tag(textTags.name(of: text), YAMLResolver.resolver, YAMLResolver.constructor) else { continue }
            // Two keys found by one text would be equal Nodes, which Yams reports as duplicates.
            values[text] = value
        }
        return values
    }

    private static let textTags = TextTags()

    /// The tag `YAMLResolver.resolver` gives each text, remembered; shared by every thread.
    private final class TextTags: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String: Tag.Name] = [:]

        func name(of text: String) -> Tag.Name {
            if let known = lock.withLock({ names[text] }) { return known }
            let name = YAMLResolver.resolver.resolveTag(of: Node(text, Tag(.implicit, YAMLResolver.resolver, YAMLResolver.constructor)))
            lock.withLock { names[text] = name }
            return name
        }
    }
}

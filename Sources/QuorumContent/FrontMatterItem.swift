import Yams
import QuorumSupport

/// An item of a front matter list, read as it is written: a text, or a mapping whose text
/// values are kept by key, each with the place it was written. For lists whose items may be
/// either (a paper's background documents: a title, or `title:` with `link:`), so that the
/// readers outside QuorumContent never handle YAML nodes.
package struct FrontMatterItem {
    /// The item, when it is a text.
    package let text: String?
    /// The item's text values by key, when it is a mapping (values that are not texts are left out).
    package let fields: [String: String]?
    /// Where the item is written.
    package let location: SourceLocation
    /// Where each of `fields` is written.
    package let fieldLocations: [String: SourceLocation]
    let node: Node
}

extension FrontMatter {
    /// The items of the list at `key`; nil when there is no list there.
    package func items(_ key: String) -> [FrontMatterItem]? {
        guard let sequence = node(key)?.sequence else { return nil }
        return sequence.map { item in
            var fields: [String: String]?
            var locations: [String: SourceLocation] = [:]
            if let mapping = item.mapping {
                var texts: [String: String] = [:]
                for (name, value) in mapping {
                    guard let name = name.string, let scalar = value.scalar, texts[name] == nil else { continue }
                    texts[name] = scalar.string
                    locations[name] = location(of: value)
                }
                fields = texts
            }
            return FrontMatterItem(text: item.scalar?.string, fields: fields, location: location(of: item),
                                   fieldLocations: locations, node: item)
        }
    }

    /// `text(of:at:key:log:)` for a list item.
    package func text(of value: String, at item: FrontMatterItem, key: String, log: inout DiagnosticLog) -> String {
        text(of: value, at: item.node, key: key, log: &log)
    }
}

/// The relationships of word/document.xml, numbered in the order they are first needed,
/// so ids are the same for the same document. A URL linked twice shares one relationship.
struct WordRelationships {
    struct Relationship: Equatable {
        let id: String
        let type: String
        let target: String
        let external: Bool
    }

    private(set) var all: [Relationship] = []
    private var hyperlinkIDs: [String: String] = [:]

    mutating func add(type: String, target: String, external: Bool = false) -> String {
        let id = "rId\(all.count + 1)"
        all.append(Relationship(id: id, type: type, target: target, external: external))
        return id
    }

    mutating func hyperlink(_ url: String) -> String {
        if let id = hyperlinkIDs[url] { return id }
        let id = add(type: WordRelationshipType.hyperlink, target: url, external: true)
        hyperlinkIDs[url] = id
        return id
    }

    var xml: String {
        var writer = OfficeXMLWriter()
        writer.element("Relationships", [("xmlns", WordNamespace.packageRelationships)]) { x in
            for relationship in all {
                var attributes = [("Id", relationship.id), ("Type", relationship.type), ("Target", relationship.target)]
                if relationship.external { attributes.append(("TargetMode", "External")) }
                x.empty("Relationship", attributes)
            }
        }
        return writer.xml
    }
}

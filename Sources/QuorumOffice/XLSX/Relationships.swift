import Foundation

/// A part's relationships (`_rels/*.rels`): which parts it points to, by id and by type.
struct Relationships {
    struct Relationship {
        let id: String
        let type: String
        /// The resolved part name, or nil for an external target.
        let part: String?
    }

    let all: [Relationship]

    /// The relationships of `source`, read from its `.rels` part; nil if that part is missing.
    static func read(for source: String, in package: PackageReader) throws -> Relationships? {
        let relsPart = PartPath.relationships(of: source)
        guard let data = try package.data(ofPart: relsPart) else { return nil }
        let model = try XMLPart.decode(RelationshipsXML.self, from: data, part: relsPart)
        return Relationships(all: (model.relationship ?? []).map { entry in
            let external = entry.targetMode?.caseInsensitiveCompare("External") == .orderedSame
            return Relationship(id: entry.id, type: entry.type,
                                part: external ? nil : PartPath.resolve(entry.target, from: source))
        })
    }

    subscript(id: String) -> Relationship? { all.first { $0.id == id } }

    /// The first relationship whose type ends with `/kind` (`officeDocument`, `styles`), which
    /// matches both the transitional and the strict OOXML namespaces.
    func first(ofKind kind: String) -> Relationship? {
        all.first { $0.kind == kind }
    }
}

extension Relationships.Relationship {
    /// The last segment of the type: `worksheet`, `sharedStrings`, `styles`...
    var kind: String { type.split(separator: "/").last.map(String.init) ?? type }
}

private struct RelationshipsXML: Decodable {
    let relationship: [Entry]?

    struct Entry: Decodable {
        let id: String
        let type: String
        let target: String
        let targetMode: String?

        enum CodingKeys: String, CodingKey {
            case id = "Id", type = "Type", target = "Target", targetMode = "TargetMode"
        }
    }

    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
}

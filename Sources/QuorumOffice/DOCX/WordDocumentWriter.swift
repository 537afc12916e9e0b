import Foundation
import ZIPFoundation

/// Writes a `WordDocument` as a .docx package. The same document gives the same bytes:
/// parts in a fixed order, every zip entry dated 1980-01-01 00:00 (the earliest zip date),
/// relationship and drawing ids numbered in document order, no clock reads.
package struct WordDocumentWriter: Sendable {
    package var reference: WordReferenceDocument?

    package init(reference: WordReferenceDocument? = nil) {
        self.reference = reference
    }

    package func write(_ document: WordDocument, to url: URL) throws {
        try data(for: document).write(to: url, options: .atomic)
    }

    package func data(for document: WordDocument) throws -> Data {
        var relationships = WordRelationships()
        _ = relationships.add(type: WordRelationshipType.styles, target: "styles.xml")
        _ = relationships.add(type: WordRelationshipType.numbering, target: "numbering.xml")
        _ = relationships.add(type: WordRelationshipType.settings, target: "settings.xml")
        let footerID = relationships.add(type: WordRelationshipType.footer, target: "footer1.xml")
        let theme = reference?.theme
        if theme != nil { _ = relationships.add(type: WordRelationshipType.theme, target: "theme/theme1.xml") }

        let referenceNumbering = reference?.numbering
        let numbering = WordNumbering(firstAbstractID: (referenceNumbering?.ids.abstractNumIDs.max() ?? 0) + 1,
                                      firstNumID: (referenceNumbering?.ids.numIDs.max() ?? 0) + 1)
        var body = WordBodyWriter(relationships: relationships, numbering: numbering)
        let documentXML = try body.documentXML(document.blocks, footerID: footerID)
        let numberingXML = referenceNumbering?.merged(with: body.numbering) ?? body.numbering.xml

        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(WordPackageParts.contentTypes(
                hasImages: !body.media.isEmpty, hasSVG: body.media.contains { $0.path.hasSuffix(".svg") }, hasTheme: theme != nil).utf8)),
            ("_rels/.rels", Data(WordPackageParts.packageRelationships.utf8)),
            ("docProps/core.xml", Data(WordPackageParts.core(document.properties).utf8)),
            ("docProps/app.xml", Data(WordPackageParts.app(document.properties).utf8)),
            ("word/document.xml", Data(documentXML.utf8)),
            ("word/_rels/document.xml.rels", Data(body.relationships.xml.utf8)),
            ("word/styles.xml", reference?.styles ?? Data(WordStyles.xml.utf8)),
            ("word/numbering.xml", Data(numberingXML.utf8)),
            ("word/settings.xml", Data(WordPackageParts.settings.utf8)),
            ("word/footer1.xml", Data(WordPackageParts.footer.utf8)),
        ]
        if let theme { parts.append(("word/theme/theme1.xml", theme)) }
        parts += body.media.map { ("word/" + $0.path, $0.data) }
        return try Self.zip(parts)
    }

    /// The earliest date a zip entry can hold; ZIPFoundation converts it in UTC.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        do { return try zipParts(parts) } catch let error as WordDocumentError { throw error } catch {
            throw WordDocumentError.packageNotWritten(reason: "\(error)")
        }
    }

    private static func zipParts(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            // PNG is compressed already; storing it saves time and changes nothing in size.
            let method: CompressionMethod = path.hasSuffix(".png") ? .none : .deflate
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, permissions: 0o644,
                                 compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw WordDocumentError.packageNotWritten(reason: "the zip archive holds no data") }
        return data
    }
}

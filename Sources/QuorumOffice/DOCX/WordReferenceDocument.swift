import Foundation
import XMLCoder
import ZIPFoundation

/// A .docx whose styles a document takes instead of the built-in ones, as pandoc's
/// `--reference-doc` does: its word/styles.xml, and its numbering and theme when present.
/// The council keeps its house style in that file; nothing else of it is used.
package struct WordReferenceDocument: Sendable {
    package let path: String
    let styles: Data
    let numbering: ReferenceNumbering?
    let theme: Data?
    /// The paragraph and character style ids the reference defines.
    package let styleIDs: Set<String>

    package init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw WordDocumentError.referenceUnreadable(path: url.path, reason: "the file cannot be read")
        }
        try self.init(data: data, path: url.path)
    }

    package init(data: Data, path: String) throws {
        self.path = path
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw WordDocumentError.referenceUnreadable(path: path, reason: "it is not a zip package")
        }
        func part(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            var bytes = Data()
            do { _ = try archive.extract(entry) { bytes.append($0) } } catch {
                throw WordDocumentError.referenceUnreadable(path: path, reason: "its part \(name) is damaged")
            }
            return bytes
        }
        guard let styles = try part("word/styles.xml") else { throw WordDocumentError.referenceWithoutStyles(path: path) }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = false
        let declared: ReferenceStyles
        do { declared = try decoder.decode(ReferenceStyles.self, from: styles) } catch {
            throw WordDocumentError.referenceUnreadable(path: path, reason: "its word/styles.xml is not well-formed XML")
        }
        self.styles = styles
        self.styleIDs = Set(declared.styles.compactMap(\.id))
        self.theme = try part("word/theme/theme1.xml")
        if let numbering = try part("word/numbering.xml"),
           let ids = try? decoder.decode(ReferenceNumberingIDs.self, from: numbering),
           let text = String(data: numbering, encoding: .utf8) {
            self.numbering = ReferenceNumbering(xml: text, ids: ids)
        } else {
            self.numbering = nil
        }
    }

    /// The styles a document uses that this reference does not define: Word shows those
    /// paragraphs in its Normal style. The caller reports them.
    package func missingStyles(for document: WordDocument) -> [WordParagraphStyle] {
        let used = Set(WordParagraphStyle.allCases.filter { document.uses($0) })
        return WordParagraphStyle.allCases.filter { used.contains($0) && !styleIDs.contains($0.styleID) }
    }
}

/// The reference document's numbering part with room made for the writer's lists: its own
/// definitions stay (its styles may refer to them) and the writer's follow with higher ids.
struct ReferenceNumbering: Sendable {
    let xml: String
    let ids: ReferenceNumberingIDs

    /// The merged part, or nil when its layout is not the one Word writes (then the writer
    /// uses its own numbering part alone).
    func merged(with numbering: WordNumbering) -> String? {
        // Instances go after the last num: before Word's optional numIdMacAtCleanup, which ends the part.
        guard let end = xml.range(of: "<w:numIdMacAtCleanup") ?? xml.range(of: "</w:numbering>", options: .backwards)
        else { return nil }
        var definitions = OfficeXMLWriter(), instances = OfficeXMLWriter()
        numbering.writeDefinitions(&definitions)
        numbering.writeInstances(&instances)
        let header = OfficeXMLWriter().xml
        let definitionText = String(definitions.xml.dropFirst(header.count))
        let instanceText = String(instances.xml.dropFirst(header.count))
        // All abstractNum elements come before the first num (CT_Numbering).
        let firstNum = xml.range(of: #"<w:num[ >/]"#, options: .regularExpression)?.lowerBound ?? end.lowerBound
        return xml[..<firstNum] + definitionText + xml[firstNum..<end.lowerBound] + instanceText + xml[end.lowerBound...]
    }
}

struct ReferenceStyles: Decodable {
    struct Style: Decodable {
        let id: String?
        enum CodingKeys: String, CodingKey { case id = "w:styleId" }
    }
    let styles: [Style]
    enum CodingKeys: String, CodingKey { case styles = "w:style" }
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        styles = try container.decodeIfPresent([Style].self, forKey: .styles) ?? []
    }
}

struct ReferenceNumberingIDs: Decodable, Sendable {
    let abstractNumIDs: [Int]
    let numIDs: [Int]
    private struct Abstract: Decodable {
        let id: Int
        enum CodingKeys: String, CodingKey { case id = "w:abstractNumId" }
    }
    private struct Instance: Decodable {
        let id: Int
        enum CodingKeys: String, CodingKey { case id = "w:numId" }
    }
    private enum CodingKeys: String, CodingKey {
        case abstracts = "w:abstractNum", instances = "w:num"
    }
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        abstractNumIDs = try (container.decodeIfPresent([Abstract].self, forKey: .abstracts) ?? []).map(\.id)
        numIDs = try (container.decodeIfPresent([Instance].self, forKey: .instances) ?? []).map(\.id)
    }
}

extension WordDocument {
    /// Whether any block is written in the style.
    func uses(_ style: WordParagraphStyle) -> Bool {
        blocks.contains { block in
            switch block {
            case .paragraph(let paragraph): paragraph.style == style
            case .list(let list): style == (list.kind == .bullet ? .listBullet : .listNumber) && !list.items.isEmpty
            case .table(let table): style == .tableText || (style == .caption && table.caption != nil)
            case .image(let image): style == .normal || (style == .caption && image.caption != nil)
            case .pageBreak: false
            }
        }
    }
}

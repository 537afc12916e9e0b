import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared string table (sharedStrings.xml): the text of every `t="s"` cell, by index.
///
/// An item is plain (`<si><t>text</t></si>`) or rich text whose runs are joined
/// (`<si><r><rPr/><t>Source:</t></r><r><t> HR</t></r></si>`); phonetic guides (`<rPh>`) are
/// left out, as Excel does when it shows the cell.
enum SharedStrings {
    static func read(_ data: Data, part: String) throws -> [String] {
        let reader = StringItemReader(part: part)
        try XMLPart.parse(data, with: reader)
        return reader.items
    }
}

/// Collects the text of `<si>` items (and of a cell's `<is>`): `<t>` inside, not in `<rPh>`.
final class StringItemReader: PartReader {
    private(set) var items: [String] = []
    private var current: String?
    private var textDepth = 0
    private var phoneticDepth = 0

    override func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "si": current = ""
        case "t": textDepth += 1
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si":
            items.append(OOXMLText.unescape(current ?? ""))
            current = nil
        case "t": textDepth -= 1
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textDepth > 0, phoneticDepth == 0 { current?.append(string) }
    }

    override func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if textDepth > 0, phoneticDepth == 0 { current?.append(String(decoding: block, as: UTF8.self)) }
    }
}

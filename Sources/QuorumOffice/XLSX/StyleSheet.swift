import Foundation

/// The number format of each cell style (styles.xml `cellXfs`), which a cell names by its
/// `s=` index.
struct StyleSheet {
    let cellFormats: [NumberFormat]

    static let empty = StyleSheet(cellFormats: [])

    static func read(_ data: Data, part: String) throws -> StyleSheet {
        let model = try XMLPart.decode(StyleSheetXML.self, from: data, part: part)
        var custom: [Int: String] = [:]
        for format in model.numFmts?.numFmt ?? [] { custom[format.numFmtId] = format.formatCode }
        // An id neither built in nor defined (currency and accounting ids that Excel leaves
        // to the locale) is `other`: never mistaken for a percent or a date.
        let formats = (model.cellXfs?.xf ?? []).map { xf in
            let id = xf.numFmtId ?? 0
            return custom[id].map { NumberFormat(id: id, code: $0) } ?? NumberFormat.builtIn(id)
                ?? NumberFormat(id: id, code: "")
        }
        return StyleSheet(cellFormats: formats)
    }

    /// The format of style `index`; nil when the index is outside `cellXfs`.
    func format(ofStyle index: Int) -> NumberFormat? {
        if cellFormats.isEmpty && index == 0 { return .general }
        return cellFormats.indices.contains(index) ? cellFormats[index] : nil
    }
}

private struct StyleSheetXML: Decodable {
    let numFmts: NumberFormats?
    let cellXfs: CellFormats?

    struct NumberFormats: Decodable { let numFmt: [Format]? }
    struct Format: Decodable {
        let numFmtId: Int
        let formatCode: String
    }
    struct CellFormats: Decodable { let xf: [CellFormat]? }
    struct CellFormat: Decodable { let numFmtId: Int? }
}

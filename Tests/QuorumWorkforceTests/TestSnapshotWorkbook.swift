import Foundation
import ZIPFoundation

/// A one-sheet snapshot workbook ("Sheet1") built cell by cell in a test, as Excel stores it:
/// labels as inline strings, figures as numbers, rates as fractions under a percent style
/// (`0.00%`, built in, or the custom `0.0%`), and a blank cell as no cell at all.
struct TestSnapshotWorkbook {
    enum Value {
        case text(String)
        case number(Double)
        /// A fraction shown as a percentage: 0.257 under `0.0%` shows 25.7%.
        case percent(Double, decimals: Int)
        case blank
    }

    var rows: [[Value]]

    /// The workbook's bytes written to a new temporary file; the caller removes it.
    func write() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-snapshot-\(UUID().uuidString).xlsx")
        try data().write(to: url)
        return url
    }

    func data() throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [String: String] = [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """,
            "xl/workbook.xml": """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>\
                <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/></Relationships>
                """,
            // Style 1 is the built-in 0.00% (id 10), style 2 a custom 0.0%.
            "xl/styles.xml": """
                <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>\
                <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>
                """,
            "xl/worksheets/sheet1.xml": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(main)"><sheetData>\(sheetData)</sheetData></worksheet>
                """,
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    private var sheetData: String {
        rows.enumerated().map { index, values in
            let row = index + 1
            let cells = values.enumerated().map { column, value in
                let reference = Self.columnName(column + 1) + "\(row)"
                switch value {
                case let .text(text): return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(Self.escaped(text))</t></is></c>"
                case let .number(number): return "<c r=\"\(reference)\"><v>\(number)</v></c>"
                case let .percent(fraction, decimals): return "<c r=\"\(reference)\" s=\"\(decimals == 2 ? 1 : 2)\"><v>\(fraction)</v></c>"
                case .blank: return ""
                }
            }
            return "<row r=\"\(row)\">\(cells.joined())</row>"
        }.joined()
    }

    private static func columnName(_ number: Int) -> String {
        var number = number, name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}

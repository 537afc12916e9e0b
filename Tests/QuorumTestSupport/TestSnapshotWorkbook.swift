import Foundation
import ZIPFoundation

/// Writes a snapshot workbook (`.xlsx`) from the rows of a tidy snapshot CSV, as Excel saves
/// one: text as inline strings, numbers as numbers, and rate columns (a header ending in `%`)
/// as percent-formatted fractions (`0.00%` style; 25.6% is stored as 0.256), so tests can
/// make workbooks of any figures without committing them.
package enum TestSnapshotWorkbook {
    package static func data(rows: [[String]]) throws -> Data {
        let rateColumns = Set(rows.first?.indices.filter { rows[0][$0].hasSuffix("%") } ?? [])
        var sheetData = ""
        for (r, row) in rows.enumerated() {
            sheetData += "<row r=\"\(r + 1)\">"
            for (c, text) in row.enumerated() {
                let reference = column(c) + "\(r + 1)"
                let number = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
                if r > 0, let number {
                    let style = rateColumns.contains(c) && text.hasSuffix("%") ? " s=\"1\"" : ""
                    sheetData += "<c r=\"\(reference)\"\(style)><v>\(number)</v></c>"
                } else if !text.isEmpty {
                    let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    sheetData += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped)</t></is></c>"
                }
            }
            sheetData += "</row>"
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rels)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml": "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rels)\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rels)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId3\" Type=\"\(rels)/styles\" Target=\"styles.xml\"/></Relationships>",
            "xl/styles.xml": "<styleSheet xmlns=\"\(main)\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>",
            "xl/worksheets/sheet1.xml": "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheetData)</sheetData></worksheet>",
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// `A`, `B`, ... `AA` for a 0-based column.
    static func column(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }
}

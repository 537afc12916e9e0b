import Foundation
import Testing
import ZIPFoundation
@testable import QuorumOffice

/// Fixture workbooks: the committed ones made by openpyxl, and small packages built here
/// part by part, so each error path has a workbook with exactly one defect.
enum TestWorkbook {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) throws -> Workbook {
        try Workbook(contentsOf: fixtures.appendingPathComponent(name))
    }

    static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The parts of a one-sheet workbook named "Sheet1" whose sheetData is `sheetData`.
    static func parts(sheetData: String, sharedStrings: [String]? = nil, styles: String? = nil,
                      sheetExtras: String = "", sheetsXML: String? = nil) -> [String: String] {
        var relationships = """
            <Relationship Id="rId1" Type="\(relationshipsNS)/worksheet" Target="worksheets/sheet1.xml"/>
            """
        var parts: [String: String] = [
            "[Content_Types].xml": "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            "_rels/.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(relationshipsNS)/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """,
            "xl/workbook.xml": """
                <workbook xmlns="\(spreadsheetML)" xmlns:r="\(relationshipsNS)">\
                \(sheetsXML ?? "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>")</workbook>
                """,
            "xl/worksheets/sheet1.xml": """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(spreadsheetML)"><sheetData>\(sheetData)</sheetData>\(sheetExtras)</worksheet>
                """,
        ]
        if let sharedStrings {
            relationships += "<Relationship Id=\"rId2\" Type=\"\(relationshipsNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts["xl/sharedStrings.xml"] = "<sst xmlns=\"\(spreadsheetML)\">" + sharedStrings.joined() + "</sst>"
        }
        if let styles {
            relationships += "<Relationship Id=\"rId3\" Type=\"\(relationshipsNS)/styles\" Target=\"styles.xml\"/>"
            parts["xl/styles.xml"] = "<styleSheet xmlns=\"\(spreadsheetML)\">\(styles)</styleSheet>"
        }
        parts["xl/_rels/workbook.xml.rels"] = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
            """
        return parts
    }

    /// A zip of the parts (deflated, as Excel writes them).
    static func zip(_ parts: [String: String]) throws -> Data {
        try zip(parts.mapValues { Data($0.utf8) })
    }

    static func zip(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// The first sheet of a workbook built from `parts`.
    static func sheet(_ parts: [String: String], limits: WorkbookLimits = .standard) throws -> Worksheet {
        try Workbook(data: zip(parts), limits: limits).worksheet()
    }

    /// Rewrites the uncompressed size that the zip's headers declare for every entry, as a
    /// zip bomb does to slip past a size check.
    static func declaringUncompressedSize(_ size: UInt32, in zip: Data) -> Data {
        var bytes = [UInt8](zip)
        func patch(signature: [UInt8], offset: Int) {
            var index = 0
            while index + offset + 4 <= bytes.count {
                if Array(bytes[index..<index + 4]) == signature {
                    for byte in 0..<4 { bytes[index + offset + byte] = UInt8((size >> (8 * UInt32(byte))) & 0xFF) }
                }
                index += 1
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)   // local file header
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)   // central directory header
        return Data(bytes)
    }
}

extension DateComponents {
    /// `2017-06-30 14:30:00`, for comparing dates in tests.
    var text: String {
        String(format: "%04d-%02d-%02d %02d:%02d:%02d", year ?? 0, month ?? 0, day ?? 0,
               hour ?? 0, minute ?? 0, second ?? 0)
    }
}

/// A cell reference a test spells out, such as `ref("E9")`.
func ref(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CellReference {
    try #require(CellReference(text), sourceLocation: sourceLocation)
}

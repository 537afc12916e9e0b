import Foundation
import Testing
import XMLCoder
import ZIPFoundation
@testable import QuorumOffice

/// A reference document (like pandoc's --reference-doc) brings the council's own styles.
@Suite("Word reference document")
struct WordReferenceDocumentTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A council's styles: Heading 1 in Georgia, no Caption, Table Text or List styles.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles \(w)><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana" w:hAnsi="Verdana"/></w:rPr></w:rPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="CouncilNote"><w:name w:val="Council Note"/></w:style></w:styles>
        """

    /// Numbering the council's styles may use: ids 0 and 3 are taken.
    static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering \(w)><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
        <w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>\
        <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """

    static func reference(_ parts: [(String, String)]) throws -> WordReferenceDocument {
        let data = try WordDocumentWriter.zip(parts.map { ($0.0, Data($0.1.utf8)) })
        return try WordReferenceDocument(data: data, path: "Templates/paper.docx")
    }

    @Test func itsStylesNumberingAndThemeReplaceTheBuiltInOnes() throws {
        let theme = "<?xml version=\"1.0\"?><a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Council\"/>"
        let reference = try Self.reference([("word/styles.xml", Self.styles), ("word/numbering.xml", Self.numbering),
                                            ("word/theme/theme1.xml", theme)])
        #expect(reference.styleIDs == ["Normal", "Heading1", "CouncilNote"])
        #expect(reference.missingStyles(for: SampleCommitteePaper.document)
                == [.heading2, .listBullet, .listNumber, .caption, .tableText])

        let data = try WordDocumentWriter(reference: reference).data(for: SampleCommitteePaper.document)
        let archive = try Archive(data: data, accessMode: .read)
        #expect(try WordPackageTests.part("word/styles.xml", of: archive) == Self.styles)
        #expect(try WordPackageTests.part("word/theme/theme1.xml", of: archive) == theme)
        #expect(try WordPackageTests.part("[Content_Types].xml", of: archive)
            .contains(#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#))
        // The reference's numbering stays; the writer's follows it with higher ids, its
        // definitions before the first instance as the schema requires.
        let merged = try WordPackageTests.part("word/numbering.xml", of: archive)
        #expect(merged.contains(#"<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>"#))
        #expect(merged.contains(#"<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>"#))
        #expect(merged.contains(#"<w:num w:numId="5"><w:abstractNumId w:val="2"/>"#))
        #expect(merged.contains(#"<w:num w:numId="6"><w:abstractNumId w:val="2"/>"#))
        let lastDefinition = try #require(merged.range(of: "<w:abstractNum ", options: .backwards))
        let firstInstance = try #require(merged.range(of: "<w:num "))
        #expect(lastDefinition.lowerBound < firstInstance.lowerBound)
        let document = try WordPackageTests.part("word/document.xml", of: archive)
        #expect(document.contains(#"<w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/>"#))
    }

    @Test func mergedNumberingKeepsTheSchemaOrderAroundWordsCleanupElement() throws {
        let xml = "<w:numbering \(Self.w)><w:abstractNum w:abstractNumId=\"7\"/><w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/></w:num>"
            + "<w:numIdMacAtCleanup w:val=\"1\"/></w:numbering>"
        let ids = try XMLDecoder().decode(ReferenceNumberingIDs.self, from: Data(xml.utf8))
        #expect(ids.abstractNumIDs == [7] && ids.numIDs == [2])
        var numbering = WordNumbering(firstAbstractID: 8, firstNumID: 3)
        _ = numbering.nextNumberedList()
        let merged = try #require(ReferenceNumbering(xml: xml, ids: ids).merged(with: numbering))
        let order = ["w:abstractNumId=\"7\"", "w:abstractNumId=\"8\"", "w:abstractNumId=\"9\"", "<w:num w:numId=\"2\">",
                     "<w:num w:numId=\"3\">", "<w:num w:numId=\"4\">", "<w:numIdMacAtCleanup", "</w:numbering>"]
        let positions = try order.map { try #require(merged.range(of: $0), "\($0) missing in \(merged)").lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test(.enabled(if: DocxTestSupport.pythonDocxAvailable, "needs .venv/bin/python with python-docx: run scripts/setup"))
    func aDocumentWithReferenceStylesOpensInPythonDocx() throws {
        let folder = DocxTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try Self.reference([("word/styles.xml", Self.styles), ("word/numbering.xml", Self.numbering)])
        let read = try DocxTestSupport.writeAndRead(SampleCommitteePaper.document,
                                                    writer: WordDocumentWriter(reference: reference), in: folder)
        #expect(read.styles["CouncilNote"] == "Council Note")
        #expect(read.paragraphs.filter { $0.style == "Heading 1" }.map(\.text)
                == ["1. Summary", "2. Policy Context", "3. Background documents"])
        // Styles the reference lacks fall back to Normal, as Word shows them.
        #expect(read.paragraphs.first { $0.text == "2.2 Workforce" }?.style == "Normal")
    }

    @Test func aReferenceWithoutStylesOrNotAZipIsRefusedWithItsPath() throws {
        #expect(throws: WordDocumentError.referenceWithoutStyles(path: "Templates/paper.docx")) {
            try Self.reference([("word/document.xml", "<w:document/>")])
        }
        #expect(throws: WordDocumentError.referenceUnreadable(path: "Templates/paper.docx", reason: "it is not a zip package")) {
            try WordReferenceDocument(data: Data("plain text".utf8), path: "Templates/paper.docx")
        }
        #expect(throws: WordDocumentError.referenceUnreadable(path: "Templates/paper.docx",
                                                              reason: "its word/styles.xml is not well-formed XML")) {
            try Self.reference([("word/styles.xml", "<w:styles><w:style></w:styles>")])
        }
        let missing = URL(fileURLWithPath: "/nonexistent/paper.docx")
        #expect(throws: WordDocumentError.referenceUnreadable(path: missing.path, reason: "the file cannot be read")) {
            try WordReferenceDocument(contentsOf: missing)
        }
    }
}

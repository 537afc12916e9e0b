import Foundation
import Testing
import ZIPFoundation
@testable import QuorumOffice

/// The package itself: its parts, their order, and byte-for-byte determinism.
@Suite("Word package")
struct WordPackageTests {
    @Test func sameDocumentGivesTheSameBytes() throws {
        let first = try WordDocumentWriter().data(for: SampleCommitteePaper.document)
        let second = try WordDocumentWriter().data(for: SampleCommitteePaper.document)
        #expect(first == second)
        var changed = SampleCommitteePaper.document
        changed.properties.title += "."
        #expect(try WordDocumentWriter().data(for: changed) != first)
    }

    @Test func partsComeInAFixedOrderWithAFixedDate() throws {
        let data = try WordDocumentWriter().data(for: SampleCommitteePaper.document)
        let archive = try Archive(data: data, accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
            "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
            "word/settings.xml", "word/footer1.xml", "word/media/image1.png", "word/media/image1.svg",
        ])
        #expect(entries.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == WordDocumentWriter.entryDate })
        let contentTypes = try Self.part("[Content_Types].xml", of: archive)
        #expect(contentTypes.contains(#"<Default Extension="png" ContentType="image/png"/>"#))
        #expect(contentTypes.contains(#"<Default Extension="svg" ContentType="image/svg+xml"/>"#))
        #expect(contentTypes.contains(#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#))
        let relationships = try Self.part("word/_rels/document.xml.rels", of: archive)
        #expect(relationships.contains(#"Target="https://www.example.gov.uk/workforce" TargetMode="External""#))
        #expect(relationships.contains(#"Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png""#))
        #expect(relationships.contains(#"Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.svg""#))
        // The SVG, with the PNG as the fallback older readers show.
        let document = try Self.part("word/document.xml", of: archive)
        #expect(document.contains(#"<a:blip r:embed="rId6"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rId7"/></a:ext></a:extLst></a:blip>"#))
    }

    @Test func aPictureThatIsNotAPNGIsRefused() {
        let document = WordDocument(
            properties: WordDocumentProperties(title: "t", creator: "c", created: SampleCommitteePaper.date),
            blocks: [.image(WordImage(png: Data("<svg/>".utf8), altText: "a chart"))])
        #expect(throws: WordDocumentError.notAPNG(altText: "a chart")) {
            try WordDocumentWriter().data(for: document)
        }
        #expect(WordDocumentError.notAPNG(altText: "a chart").description
                == "the picture 'a chart' is not a PNG file (Word documents here take PNG only)")
    }

    @Test func anSVGVersionThatIsNotSVGIsRefused() {
        let document = WordDocument(
            properties: WordDocumentProperties(title: "t", creator: "c", created: SampleCommitteePaper.date),
            blocks: [.image(WordImage(png: DocxTestSupport.chartPNG, svg: DocxTestSupport.chartPNG, altText: "a chart"))])
        #expect(throws: WordDocumentError.notAnSVG(altText: "a chart")) {
            try WordDocumentWriter().data(for: document)
        }
    }

    @Test func aTableWithoutColumnsOrRowsIsRefused() {
        let document = WordDocument(
            properties: WordDocumentProperties(title: "t", creator: "c", created: SampleCommitteePaper.date),
            blocks: [.table(WordTable(caption: "Table 2", columns: [], rows: [[WordTableCell("1")]]))])
        #expect(throws: WordDocumentError.emptyTable(caption: "Table 2")) {
            try WordDocumentWriter().data(for: document)
        }
        let withoutRows = WordDocument(properties: document.properties,
                                       blocks: [.table(WordTable(columns: [WordTableColumn()], rows: []))])
        #expect(throws: WordDocumentError.emptyTable(caption: nil)) {
            try WordDocumentWriter().data(for: withoutRows)
        }
        #expect(WordDocumentError.emptyTable(caption: nil).description == "the table without a caption has no columns or no rows")
    }

    @Test func columnWidthsFollowTheWeightsAndAddUpToTheTextWidth() {
        #expect(WordBodyWriter.columnWidths([1, 2, 1], total: 9026) == [2256, 4513, 2257])
        #expect(WordBodyWriter.columnWidths([0, -1, .nan], total: 300) == [100, 100, 100])
    }

    @Test func escapingCoversMarkupAndDropsWhatXMLForbids() {
        #expect(OfficeXMLWriter.escape("a<b>&\"c\"\u{0}\u{7}\u{FFFF}\td", inAttribute: false) == "a&lt;b&gt;&amp;\"c\"\td")
        #expect(OfficeXMLWriter.escape("a\"b\tc\nd\re", inAttribute: true) == "a&quot;b&#9;c&#10;d&#13;e")
        // Text with nothing to escape is kept whole; beside U+FFFE, other letters led by EF stay.
        #expect(OfficeXMLWriter.escape("£57,200 — 12.5% \u{FFFD}\u{FEFF}", inAttribute: true) == "£57,200 — 12.5% \u{FFFD}\u{FEFF}")
        #expect(OfficeXMLWriter.escape("a\u{FFFE}b\u{FFFD}", inAttribute: false) == "ab\u{FFFD}")
    }

    @Test func coreDatesAreUTCToTheSecond() {
        #expect(WordPackageParts.w3cdtf(Date(timeIntervalSince1970: 1_510_704_000 + 3_661.9)) == "2017-11-15T01:01:01Z")
    }

    @Test func pngSizeIsReadFromItsHeader() {
        #expect(PNGHeader.pixelSize(of: DocxTestSupport.chartPNG).map { [$0.width, $0.height] } == [240, 120])
        #expect(PNGHeader.pixelSize(of: Data("not a png at all, but long enough".utf8)) == nil)
    }

    static func part(_ path: String, of archive: Archive) throws -> String {
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}

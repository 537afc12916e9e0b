import Foundation
import Testing
@testable import QuorumOffice

/// Documents written by `WordDocumentWriter`, opened with a real reader (python-docx).
@Suite("Word documents read back with python-docx",
       .enabled(if: DocxTestSupport.pythonDocxAvailable,
                "needs .venv/bin/python with python-docx: run scripts/setup"))
struct WordDocumentReadBackTests {
    @Test func committeePaperReadsBackWithStylesNumbersAndTables() throws {
        let folder = DocxTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try DocxTestSupport.writeAndRead(SampleCommitteePaper.document, in: folder)

        // The header table first, its title row spanning both columns.
        let header = try #require(read.blocks.first)
        #expect(header.kind == "table")
        let headerRows = try #require(header.rows)
        #expect(headerRows.count == 8)
        #expect(headerRows[0].header && headerRows[0].cells.map(\.text) == Array(repeating: "Children and Young People Select Committee", count: 2))
        #expect(headerRows.dropFirst().map { $0.cells.map(\.text) } == [
            ["Report Title", "Children's Social Care Workforce Strategy"], ["Key Decision", "No"],
            ["Item No.", "5"], ["Ward", "All"], ["Contributors", "Helen Achebe, Director of Children's Social Care"],
            ["Class", "Open"], ["Date", "15 November 2017"],
        ])

        // Headings in Word's heading styles; numbered paragraphs as "1.1<tab>text" in a hanging indent.
        let paragraphs = read.paragraphs
        #expect(paragraphs.filter { $0.style == "Heading 1" }.map(\.text) == ["1. Summary", "2. Policy Context", "3. Background documents"])
        #expect(paragraphs.filter { $0.style == "Heading 2" }.map(\.text) == ["2.2 Workforce"])
        let first = try #require(paragraphs.first { $0.text?.hasPrefix("1.1") == true })
        #expect(first.style == "Normal")
        #expect(first.text == "1.1\tThis report tells Members about the Workforce Strategy, which is published on the council's website.")
        #expect(first.hanging == WordPage.numberIndent)
        #expect(first.bold == ["Workforce Strategy"])
        #expect(first.italic == ["published"])
        #expect(first.hyperlinks == [ReadDocument.Hyperlink(text: "council's website", url: "https://www.example.gov.uk/workforce")])
        #expect(paragraphs.contains { $0.text == "1.2\tIts aim is a qualified, experienced and permanent workforce." })

        // Lists: bullets share one numbering instance; each numbered list has its own.
        let bullets = paragraphs.filter { $0.style == "List Bullet" }
        #expect(bullets.map(\.text) == ["the Assessed and Supported Year in Employment;", "the Knowledge and Skills Statements."])
        #expect(Set(bullets.map(\.numID)).count == 1 && bullets.allSatisfy { $0.level == 0 })
        let numbered = paragraphs.filter { $0.style == "List Number" }
        #expect(numbered.map(\.text) == ["Workforce Strategy 2017 to 2020", "Ofsted inspection report, 2016",
                                         "A second numbered list starts at 1 again"])
        #expect(numbered[0].numID == numbered[1].numID && numbered[1].numID != numbered[2].numID)
        #expect(!numbered.contains { $0.numID == bullets[0].numID })

        // The workforce table: caption, repeating header row, rows that do not split, numbers right-aligned.
        let table = try #require(read.tables.last)
        #expect(table.caption == "Table 1: Workforce by service area, as at 30 September 2017")
        let captionIndex = try #require(read.blocks.firstIndex { $0.text == table.caption })
        #expect(read.blocks[captionIndex].style == "Caption")
        #expect(read.blocks[captionIndex + 1].kind == "table")
        let rows = try #require(table.rows)
        #expect(rows.map(\.header) == [true, false, false, false])
        #expect(rows.allSatisfy { $0.cantSplit })
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["Service area", "Staff group", "Budgeted FTE", "Vacancy rate", "Agency rate"],
            ["Referral & Assessment", "Social workers", "30.0", "25.0%", "23.7%"],
            ["Children in Need", "Social workers", "34.0", "26.5%", "24.2%"],
            ["Total", "", "64.0", "25.8%", "24.0%"],
        ])
        #expect(rows[1].cells.map(\.alignment) == [nil, nil, "right", "right", "right"])
        let widths = try #require(table.columnWidths)
        #expect(widths.reduce(0, +) == WordPage.textWidth)
        #expect(widths[0] > widths[1] && widths[1] > widths[2])

        // The chart: its size, and the text a screen reader reads.
        #expect(read.images.count == 1)
        #expect(read.images.first?.descr == "Vacancy rate by service area: 25.0%, 26.5% and 18.0%")
        #expect(read.images.first?.width == 360 * 12700 && read.images.first?.height == 180 * 12700)
        #expect(paragraphs.contains { $0.style == "Caption" && $0.text == "Figure 1: Vacancy rate by service area" })
        #expect(paragraphs.contains { $0.pageBreak == true })

        // Document properties, page and footer.
        #expect(read.core.title == "Children's Social Care Workforce Strategy")
        #expect(read.core.author == "Helen Achebe, Director of Children's Social Care")
        #expect(read.core.created == "2017-11-15T00:00:00Z")
        #expect(read.core.modified == "2017-11-15T00:00:00Z")
        #expect(read.page.width == 11906 && read.page.height == 16838)
        #expect(read.footer == ["Page 1"])
    }

    @Test func builtInStylesAreNamedAsWordNamesThemAndHeadingsHaveOutlineLevels() throws {
        let folder = DocxTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = WordDocument(
            properties: WordDocumentProperties(title: "Styles", creator: "Tests", created: SampleCommitteePaper.date),
            blocks: WordParagraphStyle.allCases.map { .paragraph(WordParagraph($0, text: $0.styleName)) })
        let read = try DocxTestSupport.writeAndRead(document, in: folder)
        #expect(read.paragraphs.map(\.style) == ["Normal", "Title", "Heading 1", "Heading 2", "Heading 3",
                                                 "List Bullet", "List Number", "Caption", "Table Text"])
        #expect(read.headingOutlineLevels == ["Heading 1": 0, "Heading 2": 1, "Heading 3": 2])
        #expect(read.styles["Hyperlink"] == "Hyperlink")
    }

    @Test func markupCharactersAreEscapedAndForbiddenControlCharactersDropped() throws {
        let folder = DocxTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let awkward = "Pay & grading <review> \"2017\" 'A' \u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}ends ✓ 😀"
        let expected = "Pay & grading <review> \"2017\" 'A' ends ✓ 😀"
        let document = WordDocument(
            properties: WordDocumentProperties(title: awkward, creator: "R&D <team>", created: SampleCommitteePaper.date),
            blocks: [
                .paragraph(WordParagraph(text: awkward)),
                .paragraph(WordParagraph([WordRun("link", link: "https://example.org/a?b=1&c=\"2\"")])),
                .paragraph(WordParagraph(text: "line one\nline two\tafter a tab")),
                .table(WordTable(caption: awkward, columns: [WordTableColumn()], rows: [[WordTableCell(awkward)]])),
                .image(WordImage(png: DocxTestSupport.chartPNG, altText: awkward)),
            ])
        let read = try DocxTestSupport.writeAndRead(document, in: folder)
        #expect(read.paragraphs.first?.text == expected)
        #expect(read.paragraphs[1].hyperlinks == [ReadDocument.Hyperlink(text: "link", url: "https://example.org/a?b=1&c=\"2\"")])
        #expect(read.paragraphs[2].text == "line one\nline two\tafter a tab")
        #expect(read.tables.first?.caption == expected)
        #expect(read.tables.first?.rows?.first?.cells.first?.text == expected)
        #expect(read.images.first?.descr == expected)
        #expect(read.core.title == expected)
        #expect(read.core.author == "R&D <team>")
        // 240 x 120 pixels at 96 dpi: 180 x 90 points.
        #expect(read.images.first?.width == 180 * 12700 && read.images.first?.height == 90 * 12700)
    }

    @Test func wideImagesAreScaledToTheTextWidthAndRowsArePaddedToTheGrid() throws {
        let folder = DocxTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = WordDocument(
            properties: WordDocumentProperties(title: "Wide", creator: "Tests", created: SampleCommitteePaper.date),
            blocks: [
                .image(WordImage(png: DocxTestSupport.chartPNG, size: (width: 902.6, height: 451.3), altText: "wide")),
                .table(WordTable(columns: [WordTableColumn(), WordTableColumn(), WordTableColumn()],
                                 rows: [[WordTableCell("only one")]])),
            ])
        let read = try DocxTestSupport.writeAndRead(document, in: folder)
        let textWidthEMU = WordPage.textWidth * 12700 / 20
        #expect(read.images.first?.width == textWidthEMU)
        #expect(read.images.first?.height == textWidthEMU / 2)
        #expect(read.tables.first?.rows?.first?.cells.map(\.text) == ["only one", "", ""])
        // A table that ends the body is followed by an empty paragraph, as Word requires.
        #expect(read.blocks.last?.kind == "paragraph" && read.blocks.last?.text == "")
    }
}

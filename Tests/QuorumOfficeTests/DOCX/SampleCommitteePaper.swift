import Foundation
@testable import QuorumOffice

/// A document shaped like a committee paper: the header table, numbered sections with
/// numbered paragraphs, a list, a workforce table, a chart and background documents.
/// Its values are made up for the tests.
enum SampleCommitteePaper {
    /// 15 November 2017, 00:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_510_704_000)

    static var document: WordDocument {
        let properties = WordDocumentProperties(
            title: "Children's Social Care Workforce Strategy",
            creator: "Helen Achebe, Director of Children's Social Care",
            created: date, company: "Harbourside Council")
        let header = WordTable(
            columns: [WordTableColumn(weight: 1), WordTableColumn(weight: 2)],
            headerRows: [[WordTableCell("Children and Young People Select Committee", span: 2)]],
            rows: [("Report Title", "Children's Social Care Workforce Strategy"), ("Key Decision", "No"),
                   ("Item No.", "5"), ("Ward", "All"),
                   ("Contributors", "Helen Achebe, Director of Children's Social Care"),
                   ("Class", "Open"), ("Date", "15 November 2017")]
                .map { [WordTableCell($0.0, bold: true), WordTableCell($0.1)] })
        let numbers = WordTableColumn(weight: 1.4, alignment: .end)
        let workforce = WordTable(
            caption: "Table 1: Workforce by service area, as at 30 September 2017",
            columns: [WordTableColumn(weight: 2.5), WordTableColumn(weight: 2), numbers, numbers, numbers],
            headerRows: [["Service area", "Staff group", "Budgeted FTE", "Vacancy rate", "Agency rate"].map { WordTableCell($0) }],
            rows: [["Referral & Assessment", "Social workers", "30.0", "25.0%", "23.7%"],
                   ["Children in Need", "Social workers", "34.0", "26.5%", "24.2%"]].map { $0.map { WordTableCell($0) } }
                + [[WordTableCell("Total", bold: true), WordTableCell(""), WordTableCell("64.0", bold: true),
                    WordTableCell("25.8%", bold: true), WordTableCell("24.0%", bold: true)]])
        return WordDocument(properties: properties, blocks: [
            .table(header),
            .paragraph(WordParagraph(.heading1, text: "1. Summary")),
            .paragraph(WordParagraph(number: "1.1", [
                WordRun("This report tells Members about the "),
                WordRun("Workforce Strategy", bold: true),
                WordRun(", which is "),
                WordRun("published", italic: true),
                WordRun(" on the "),
                WordRun("council's website", link: "https://www.example.gov.uk/workforce"),
                WordRun("."),
            ])),
            .paragraph(WordParagraph(number: "1.2", text: "Its aim is a qualified, experienced and permanent workforce.")),
            .paragraph(WordParagraph(.heading1, text: "2. Policy Context")),
            .paragraph(WordParagraph(number: "2.1", text: "National reform has changed how social workers are trained:")),
            .list(WordList(.bullet, texts: ["the Assessed and Supported Year in Employment;",
                                            "the Knowledge and Skills Statements."])),
            .paragraph(WordParagraph(.heading2, text: "2.2 Workforce")),
            .table(workforce),
            .image(WordImage(png: DocxTestSupport.chartPNG, svg: DocxTestSupport.chartSVG, size: (width: 360, height: 180),
                             altText: "Vacancy rate by service area: 25.0%, 26.5% and 18.0%",
                             caption: "Figure 1: Vacancy rate by service area")),
            .pageBreak,
            .paragraph(WordParagraph(.heading1, text: "3. Background documents")),
            .list(WordList(.number, texts: ["Workforce Strategy 2017 to 2020", "Ofsted inspection report, 2016"])),
            .list(WordList(.number, texts: ["A second numbered list starts at 1 again"])),
        ])
    }
}

import Foundation
import Testing
@testable import QuorumOffice

/// LibreOffice opens a written document and prints it to PDF; pdftotext reads the PDF back.
/// A document LibreOffice needs to repair converts with missing content or not at all.
@Suite("Word documents converted by LibreOffice",
       .enabled(if: DocxTestSupport.executable("libreoffice", "soffice") != nil
                    && DocxTestSupport.executable("pdftotext") != nil,
                "needs libreoffice (Debian: libreoffice-writer-nogui) and pdftotext (poppler-utils)"))
struct WordLibreOfficeTests {
    @Test(.timeLimit(.minutes(3)))
    func committeePaperConvertsToPDFWithItsText() throws {
        let folder = DocxTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("paper.docx")
        try WordDocumentWriter().write(SampleCommitteePaper.document, to: docx)
        let office = try #require(DocxTestSupport.executable("libreoffice", "soffice"))
        // Its own profile folder, so a running LibreOffice or another test cannot interfere.
        let profile = folder.appendingPathComponent("profile").absoluteString
        let convert = try DocxTestSupport.run(office, ["-env:UserInstallation=\(profile)", "--headless",
                                                       "--convert-to", "pdf", "--outdir", folder.path, docx.path])
        let pdf = folder.appendingPathComponent("paper.pdf")
        try #require(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice wrote no PDF: \(convert.stderr)")
        let text = try DocxTestSupport.run(try #require(DocxTestSupport.executable("pdftotext")),
                                           ["-layout", pdf.path, "-"]).stdout
        for expected in ["Report Title", "Children's Social Care Workforce Strategy", "Key Decision", "Item No.",
                         "1. Summary", "1.1", "This report tells Members about the Workforce Strategy",
                         "Table 1: Workforce by service area", "Referral & Assessment", "25.0%", "64.0",
                         "Figure 1: Vacancy rate by service area", "3. Background documents",
                         "Ofsted inspection report, 2016", "Page 1", "Page 2"] {
            #expect(text.contains(expected), "'\(expected)' is missing from the PDF text:\n\(text)")
        }
        // The page break puts the background documents on page 2.
        let pages = text.split(separator: "\u{C}", omittingEmptySubsequences: false)
        #expect(pages.count >= 2)
        #expect(pages.first.map { !$0.contains("3. Background documents") } == true)
    }
}

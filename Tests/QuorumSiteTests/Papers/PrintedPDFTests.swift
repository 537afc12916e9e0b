import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumSupport
import QuorumTestSupport

/// The parts of `--pdf` that need no browser: finding Chromium, the error without it,
/// making a printed PDF deterministic, the sizes shown, the item in the page margin.
@Suite("Printing papers to PDF")
struct PrintedPDFTests {
    /// A PDF as Chromium writes one: the dates it stamps and a link into the print folder.
    static func chromiumLike(uri: String) -> Data {
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = [
            "<</Creator (Mozilla/5.0 \\(X11\\))\n/CreationDate (D:20261129235345+00'00')\n/ModDate (D:20261129235345+00'00')>>",
            "<</Type /Annot\n/Subtype /Link\n/A <</S /URI\n/URI (\(uri))>>>>",
            "<</Type /Catalog>>",
        ]
        for (number, body) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(number + 1) 0 obj\n\(body)\nendobj\n"
        }
        let table = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<</Size \(objects.count + 1)\n/Root 3 0 R\n/Info 1 0 R>>\nstartxref\n\(table)\n%%EOF\n"
        return Data(text.utf8)
    }

    /// Every in-use entry of the cross-reference table points at its object, and
    /// `startxref` at the table.
    static func expectCrossReferencesHold(_ pdf: Data, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = [UInt8](pdf)
        let text = String(decoding: bytes, as: UTF8.self)
        let start = try #require(text.firstMatch(of: /startxref\n(\d+)\n%%EOF\n?$/)?.output.1, sourceLocation: sourceLocation)
        let table = try #require(Int(start))
        func at(_ offset: Int, _ prefix: String) -> Bool {
            offset + prefix.utf8.count <= bytes.count && bytes[offset..<(offset + prefix.utf8.count)].elementsEqual(prefix.utf8)
        }
        #expect(at(table, "xref"), "startxref does not point at the table", sourceLocation: sourceLocation)
        let lines = String(decoding: bytes[table...], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[1].split(separator: " ").compactMap { Int($0) }
        var number = header[0]
        for line in lines[2..<(2 + header[1])] {
            defer { number += 1 }
            guard line.hasSuffix("n ") || line.hasSuffix("n") else { continue }
            let offset = Int(line.prefix(10))!
            #expect(at(offset, "\(number) 0 obj"), "object \(number) is not where the table says", sourceLocation: sourceLocation)
        }
    }

    @Test func datesBecomeTheAsAtDateAndLinksLeaveThePrintFolder() throws {
        let folder = URL(fileURLWithPath: "/tmp/quorum-print-1234/site")
        let pdf = Self.chromiumLike(uri: "file:///tmp/quorum-print-1234/site/strategy.html#priority-1")
        try Self.expectCrossReferencesHold(pdf)
        for (address, expected) in [("https://council.example", "https://council.example/strategy.html#priority-1"),
                                    (nil, "../strategy.html#priority-1")] {
            let normalized = try PrintedPDF.normalize(pdf, date: CalendarDate("2019-11-20")!) {
                PaperPrinter.link($0, printedFrom: folder, page: "papers/x.html") { path in address.map { "\($0)/\(path)" } }
            }
            let text = String(decoding: normalized, as: UTF8.self)
            #expect(text.contains("/CreationDate (D:20191120000000+00'00')\n/ModDate (D:20191120000000+00'00')"))
            #expect(text.contains("/URI (\(expected))"))
            #expect(!text.contains("quorum-print"))
            #expect(text.contains("/Creator (Mozilla/5.0 \\(X11\\))"), "a string with escaped parentheses is kept whole")
            try Self.expectCrossReferencesHold(normalized)
        }
    }

    @Test func structureNamesFromDOMNodesAreNumberedByRank() {
        var first = Array("<</ID (node00000054)>> /Names [(node00000054) 36 0 R (node00000754) 40 0 R] (node7)".utf8)
        var second = Array("<</ID (node00000055)>> /Names [(node00000055) 36 0 R (node00000754) 40 0 R] (node7)".utf8)
        PrintedPDF.renumberStructureIDs(&first)
        PrintedPDF.renumberStructureIDs(&second)
        #expect(String(decoding: first, as: UTF8.self) == "<</ID (node00000001)>> /Names [(node00000001) 36 0 R (node00000002) 40 0 R] (node0)")
        #expect(first == second)
    }

    @Test func linksOutsideThePrintFolderAreKept() throws {
        let pdf = Self.chromiumLike(uri: "https://www.gov.uk/a\\(b\\)")
        let normalized = try PrintedPDF.normalize(pdf, date: CalendarDate("2019-11-20")!) {
            PaperPrinter.link($0, printedFrom: URL(fileURLWithPath: "/tmp/x"), page: "papers/x.html") { _ in nil }
        }
        #expect(String(decoding: normalized, as: UTF8.self).contains("/URI (https://www.gov.uk/a\\(b\\))"))
        try Self.expectCrossReferencesHold(normalized)
    }

    @Test func aPDFWithoutACrossReferenceTableIsRefused() {
        let pdf = Data("%PDF-1.5\n1 0 obj\n<</CreationDate (D:2026)>>\nendobj\nstartxref\n9\n%%EOF\n".utf8)
        #expect(throws: PrintedPDF.Malformed.self) { try PrintedPDF.normalize(pdf, date: CalendarDate("2019-11-20")!) { _ in nil } }
    }

    @Test func relativeLinksAreRelativeToThePaper() {
        let folder = URL(fileURLWithPath: "/tmp/p/site")
        func link(_ target: String) -> String? {
            PaperPrinter.link("file:///tmp/p/site/\(target)", printedFrom: folder, page: "papers/a.html") { _ in nil }
        }
        #expect(link("papers/b.html#x") == "b.html#x")
        #expect(link("index.html") == "../index.html")
        #expect(link("media/report.pdf") == "../media/report.pdf")
    }

    @Test func sizesAreRoundedUpToKilobytes() {
        #expect(PaperDownloads.size(0) == "1 KB")
        #expect(PaperDownloads.size(1024) == "1 KB")
        #expect(PaperDownloads.size(1025) == "2 KB")
        #expect(PaperDownloads.size(48 * 1024 - 100) == "48 KB")
        #expect(PaperDownloads.size(1023 * 1024) == "1023 KB")
        #expect(PaperDownloads.size(1024 * 1024 - 1) == "1.0 MB")
        #expect(PaperDownloads.size(1024 * 1024 + 200 * 1024) == "1.2 MB")
    }

    @Test func theItemInThePageMarginCannotLeaveItsString() {
        #expect(CSSString.quoted("Item 5") == "\"Item 5\"")
        let hostile = CSSString.quoted("5\"; } </style><script>alert(1)</script> \\ & '\n")
        #expect(hostile == #""5\22 ; } \3c /style\3e \3c script\3e alert(1)\3c /script\3e  \5c  \26  \27 \a ""#)
        #expect(!hostile.dropFirst().dropLast().contains("\""))
    }

    @Test func chromiumIsFoundByOptionVariableOrPath() throws {
        let folder = TestPaths.temporaryFolder()
        defer { TestPaths.remove(folder) }
        let browser = folder.appendingPathComponent("bin/chromium")
        writeTree(["bin/chromium": "#!/bin/sh\n"], in: folder)
        chmod(browser.path, 0o755)
        #expect(try Chromium.locate(PDFOptions(environment: ["PATH": "/nonexistent:\(folder.path)/bin"])).get().executable == browser)
        #expect(try Chromium.locate(PDFOptions(environment: ["QUORUM_CHROMIUM": browser.path, "PATH": ""])).get().executable == browser)
        #expect(try Chromium.locate(PDFOptions(chromium: browser.path, environment: [:])).get().executable == browser)
        guard case .failure(let none) = Chromium.locate(PDFOptions(environment: ["PATH": "/nonexistent"])) else {
            Issue.record("found a Chromium on an empty PATH")
            return
        }
        #expect(none.named == "chromium" && none.message.contains("sudo apt-get install chromium"))
        guard case .failure(let wrong) = Chromium.locate(PDFOptions(chromium: "/nonexistent/chromium", environment: [:])) else {
            Issue.record("accepted a Chromium that does not exist")
            return
        }
        #expect(wrong.message.contains("--chromium names '/nonexistent/chromium'"))
    }

    @Test func withoutChromiumPDFFailsAtOnceAndABuildWithoutItNeedsNone() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let arguments = ["build", "--content", TestPaths.fixtures.appendingPathComponent("sites/valid/Content").path,
                         "--templates", TestPaths.templates.path, "--as-of", "2018-11-20", "--output", output.path]
        let noBrowser = ["PATH": "/nonexistent", "QUORUM_CHROMIUM": ""]
        let refused = try await ChildProcess.run(QuorumCommand.binary, arguments + ["--pdf"], environment: noBrowser)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("chromium:1:1: error: --pdf prints the papers with headless Chromium, which is not installed"))
        #expect(refused.stderr.contains("install it with `sudo apt-get install chromium`") && refused.stderr.contains("[pdf-no-chromium]"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let built = try await ChildProcess.run(QuorumCommand.binary, arguments, environment: noBrowser)
        #expect(built.status == 0, "\(built.stderr)")
    }

    @Test func aFailedPrintLeavesThePreviousOutput() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let output = root.appendingPathComponent("public")
        let arguments = ["build", "--content", TestPaths.sampleContent.path, "--templates", TestPaths.templates.path,
                         "--as-of", "2019-11-20", "--output", output.path, "--quiet"]
        let first = try await ChildProcess.run(QuorumCommand.binary, arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let before = readTree(output)
        // A "browser" that starts and prints nothing.
        let failed = try await ChildProcess.run(QuorumCommand.binary, arguments + ["--pdf", "--chromium", "/bin/false"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("error: this paper could not be printed to PDF: /bin/false exited with status 1 without printing a PDF [pdf-not-printed]"),
                "\(failed.stderr)")
        #expect(readTree(output) == before)
    }
}

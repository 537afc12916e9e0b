import Foundation
import Testing
@testable import QuorumSite
import QuorumTestSupport

/// `quorum build --pdf` and `quorum annual --pdf` on the sample, run as a user runs them,
/// the PDFs read back with poppler's `pdftotext`. The sample is printed once for the suite
/// (two builds, to compare, and one annual update), and every test reads the result.
@Suite("Committee papers as PDF")
struct PaperPDFOutputTests {
    static let pdftotext = URL(fileURLWithPath: "/usr/bin/pdftotext")
    static let canPrint = FileManager.default.isExecutableFile(atPath: pdftotext.path)
        && (try? Chromium.locate(PDFOptions(environment: ProcessInfo.processInfo.environment)).get()) != nil

    struct Printed: Sendable {
        let first: [String: Data], second: [String: Data], exempt: [String: Data], annual: [String: Data]
        /// What pdftotext reads from each PDF of `first` and `exempt`, by path.
        let texts: [String: String]
        let statuses: [Int32]
        let stderr: String

        func text(_ path: String) throws -> String { try #require(texts[path], "no text of \(path)") }
    }

    static let printed = Task { () throws -> Printed in
        let root = TestPaths.temporaryFolder("paper-pdf-output")
        defer { TestPaths.remove(root) }
        func build(_ name: String, exempt: Bool) async throws -> CommandLineTests.Run {
            try await ChildProcess.run(QuorumCommand.binary, [
                "build", "--pdf", "--quiet", "--content", TestPaths.sampleContent.path, "--templates", TestPaths.templates.path,
                "--as-of", "2019-11-20", "--output", root.appendingPathComponent("\(name)/public").path,
                "--summary", root.appendingPathComponent("\(name)/summary.json").path,
            ] + (exempt ? ["--include-exempt", root.appendingPathComponent("\(name)/exempt").path] : []))
        }
        let first = try await build("first", exempt: true)
        async let second = build("second", exempt: false)
        async let annual = ChildProcess.run(QuorumCommand.binary, [
            "annual", "--year", "2018", "--pdf", "--content", TestPaths.sampleContent.path, "--templates", TestPaths.templates.path,
            "--as-of", "2019-11-20", "--output", root.appendingPathComponent("annual").path,
        ])
        let runs = [first, try await second, try await annual]
        // All the PDFs read in one child process: each child that ends signals this process.
        let pdfs = ["public", "exempt"].flatMap { tree in
            readTree(root.appendingPathComponent("first/\(tree)")).keys.filter { $0.hasSuffix(".pdf") }
                .map { root.appendingPathComponent("first/\(tree)/\($0)").path }
        }
        let read = try await ChildProcess.run(URL(fileURLWithPath: "/bin/sh"),
                                              ["-c", "for f; do \(pdftotext.path) -layout \"$f\" \"$f.txt\" || exit 1; done", "sh"] + pdfs)
        try #require(read.status == 0, "pdftotext could not read the PDFs: \(read.stderr)")
        var texts: [String: String] = [:]
        for pdf in pdfs {
            let path = String(pdf.dropFirst(root.appendingPathComponent("first").path.count + 1))
            texts[path] = try String(contentsOf: URL(fileURLWithPath: pdf + ".txt"), encoding: .utf8)
        }
        return Printed(first: readTree(root.appendingPathComponent("first/public")).filter { !$0.key.hasSuffix(".txt") },
                       second: readTree(root.appendingPathComponent("second/public")),
                       exempt: readTree(root.appendingPathComponent("first/exempt")).filter { !$0.key.hasSuffix(".txt") },
                       annual: readTree(root.appendingPathComponent("annual")),
                       texts: texts, statuses: runs.map(\.status), stderr: runs.map(\.stderr).joined(separator: "\n"))
    }

    /// Words and figures as a reader sees them: tags out, entities decoded, spaces collapsed.
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return collapsed(text)
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `22.2%`, `15.8`, `3,000`: the figures a paper states.
    static func figures(_ text: String) -> Set<String> {
        let pattern = /\d[\d,]*\.\d+%?|\d+%/
        return Set(text.matches(of: pattern).map { String($0.output) })
    }

    @Test(.enabled(if: canPrint, "needs chromium and pdftotext (run scripts/setup)")) func everyPaperIsPrintedBesideItsHTML() async throws {
        let printed = try await Self.printed.value
        #expect(printed.statuses == [0, 0, 0], "\(printed.stderr)")
        let papers = printed.first.keys.filter { $0.hasPrefix("papers/") && $0.hasSuffix(".html") && $0 != "papers/index.html" }
        #expect(papers.count == 3)
        for page in papers {
            let pdf = try #require(printed.first[String(page.dropLast(4)) + "pdf"], "no PDF of \(page)")
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
        }
        #expect(printed.exempt["papers/2017-11-15-retention-payments.pdf"] != nil)
        #expect(printed.annual["papers/annual-update-2018.pdf"] != nil)
    }

    @Test(.enabled(if: canPrint, "needs chromium and pdftotext (run scripts/setup)")) func exemptPDFsNeverReachThePublicFolder() async throws {
        let printed = try await Self.printed.value
        for tree in [printed.first, printed.second] {
            #expect(tree.keys.allSatisfy { !$0.contains("retention-payments") })
        }
        // Nor does any public PDF carry the exempt paper's words, which its own PDF has.
        for (path, text) in printed.texts where path.hasPrefix("public/") {
            #expect(!text.contains("NOT FOR PUBLICATION") && !text.contains("Retention payments"), "\(path)")
        }
        #expect(try printed.text("exempt/papers/2017-11-15-retention-payments.pdf").contains("NOT FOR PUBLICATION"))
    }

    @Test(.enabled(if: canPrint, "needs chromium and pdftotext (run scripts/setup)")) func thePDFReadsAsTheHTMLShowsIt() async throws {
        let printed = try await Self.printed.value
        for paper in ["papers/2017-11-15-workforce-strategy", "papers/annual-update-2018"] {
            let html = String(decoding: try #require(printed.first[paper + ".html"]), as: UTF8.self)
            let text = try printed.text("public/\(paper).pdf")
            let reading = Self.collapsed(text)
            let pages = text.components(separatedBy: "\u{0C}").filter { !$0.allSatisfy(\.isWhitespace) }
            #expect(pages.count > 1)
            for (index, page) in pages.enumerated() {
                #expect(page.contains("Page \(index + 1) of \(pages.count)"), "\(paper): page \(index + 1) has no page number")
            }
            let item = try #require(html.firstMatch(of: /<th scope="row">Item No.<\/th><td>([^<]+)</)?.output.1)
            #expect(text.components(separatedBy: "Item \(item)").count - 1 >= pages.count, "\(paper): 'Item \(item)' is not on every page")
            // The site around the paper is not printed.
            for chrome in ["Skip to main content", "Social Work in Harbourside", "All committee papers", "Download:", "Built as at"] {
                #expect(!reading.contains(chrome), "\(paper): the PDF shows '\(chrome)'")
            }
            let headings = html.matches(of: /<h2 id="[^"]+"><span class="section-number">(\d+)\.<\/span> ([^<]+)<\/h2>/)
                .map { "\($0.output.1). \(Self.plain(String($0.output.2)))" }
            #expect(headings.count >= 10)
            for heading in headings { #expect(reading.contains(heading), "\(paper): no heading '\(heading)'") }
            let article = String(html[try #require(html.range(of: "<article")).lowerBound...])
            let stated = Self.figures(Self.plain(article))
            #expect(stated.count > 10)
            let missing = stated.subtracting(Self.figures(reading))
            #expect(missing.isEmpty, "\(paper): the PDF lacks the HTML's figures \(missing.sorted())")
        }
    }

    @Test(.enabled(if: canPrint, "needs chromium and pdftotext (run scripts/setup)")) func twoBuildsPrintTheSameBytesDatedAsAtTheBuild() async throws {
        let printed = try await Self.printed.value
        let pdfs = printed.first.keys.filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs.count == 3)
        for path in pdfs {
            let pdf = try #require(printed.first[path])
            #expect(pdf == printed.second[path], "\(path) differs between two builds")
            let raw = String(decoding: pdf, as: UTF8.self)
            #expect(raw.contains("/CreationDate (D:20191120000000+00'00')") && raw.contains("/ModDate (D:20191120000000+00'00')"))
            #expect(!raw.contains("file://"), "\(path) links into the folder it was printed from")
            try PrintedPDFTests.expectCrossReferencesHold(pdf)
        }
    }

    @Test(.enabled(if: canPrint, "needs chromium and pdftotext (run scripts/setup)")) func thePagesAndTheIndexOfferThePDFWithItsSize() async throws {
        let printed = try await Self.printed.value
        let index = String(decoding: try #require(printed.first["papers/index.html"]), as: UTF8.self)
        for (tree, paper) in [(printed.first, "annual-update-2018"), (printed.first, "2017-11-15-workforce-strategy"),
                              (printed.exempt, "2017-11-15-retention-payments"), (printed.annual, "annual-update-2018")] {
            let html = String(decoding: try #require(tree["papers/\(paper).html"]), as: UTF8.self)
            let pdf = PaperDownloads.size(try #require(tree["papers/\(paper).pdf"]).count)
            let word = PaperDownloads.size(try #require(tree["papers/\(paper).docx"]).count)
            #expect(html.contains(#"<a href="\#(paper).docx" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document" download>Word (.docx, \#(word))</a>, <a href="\#(paper).pdf" type="application/pdf" download>PDF (.pdf, \#(pdf))</a>"#))
            if tree == printed.first {
                #expect(index.contains(#"<a href="\#(paper).pdf" type="application/pdf">PDF"#) && index.contains("(.pdf, \(pdf))"))
            }
        }
    }
}

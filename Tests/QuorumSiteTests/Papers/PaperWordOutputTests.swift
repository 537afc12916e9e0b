import Foundation
@testable import QuorumOffice
import QuorumPapers
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumSupport
import QuorumTestSupport

/// The Word version of each paper, read back with python-docx (Tests/QuorumOfficeTests/
/// Fixtures/read_docx.py, in the .venv that scripts/setup makes).
@Suite("Committee papers as Word documents")
struct PaperWordOutputTests {
    static let python = TestPaths.repository.appendingPathComponent(".venv/bin/python")
    static let reader = TestPaths.repository.appendingPathComponent("Tests/QuorumOfficeTests/Fixtures/read_docx.py")
    static let pythonDocx: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        return (try? run(["-c", "import docx"]).status) == 0
    }()

    /// The sample built twice, each with exempt papers in their own folder.
    static let builds: [(public: [String: Data], exempt: [String: Data], report: BuildReport)] = (0..<2).map { _ in
        let root = TestPaths.temporaryFolder("paper-word-output")
        defer { TestPaths.remove(root) }
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public"))
        options.exemptOutput = root.appendingPathComponent("exempt")
        let report = SiteBuild.build(options)
        return (readTree(root.appendingPathComponent("public")), readTree(root.appendingPathComponent("exempt")), report)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    struct Read: Decodable {
        struct Block: Decodable {
            let kind: String
            let style: String?
            let text: String?
            let hyperlinks: [Link]?
            let rows: [Row]?
        }
        struct Link: Decodable { let text: String; let url: String? }
        struct Row: Decodable { let header: Bool; let cells: [Cell] }
        struct Cell: Decodable { let text: String; let alignment: String? }
        struct Core: Decodable { let title: String?; let author: String?; let created: String? }
        let blocks: [Block]
        let core: Core
    }

    /// What python-docx reads from `data`.
    static func read(_ data: Data) throws -> Read {
        let folder = TestPaths.temporaryFolder("paper-word-read")
        defer { TestPaths.remove(folder) }
        let url = folder.appendingPathComponent("paper.docx")
        try data.write(to: url)
        let output = try run([reader.path, url.path])
        try #require(output.status == 0, "python-docx could not open the paper")
        return try JSONDecoder().decode(Read.self, from: output.stdout)
    }

    @Test func everyPaperHasAWordVersionBesideItsHTMLAndMarkdown() throws {
        let build = Self.builds[0]
        #expect(build.report.errorCount == 0, "\(build.report.diagnostics.map(\.formatted))")
        for tree in [build.public, build.exempt] {
            let html = tree.keys.filter { $0.hasPrefix("papers/") && $0.hasSuffix(".html") && $0 != "papers/index.html" }
            #expect(!html.isEmpty)
            for path in html {
                #expect(tree[String(path.dropLast(4)) + "docx"] != nil, "no Word version of \(path)")
            }
        }
        #expect(build.public["papers/2017-11-15-workforce-strategy.docx"] != nil)
        #expect(build.exempt["papers/2017-11-15-retention-payments.docx"] != nil)
        // Charts are tables in Word, and the build says so once.
        #expect(build.report.diagnostics.filter { $0.code == PaperRenderer.chartNoteCode }.count == 1)
    }

    @Test func theSameContentGivesTheSameBytes() throws {
        let docx = Self.builds[0].public.keys.filter { $0.hasSuffix(".docx") }
        #expect(docx.count >= 3)
        for path in docx {
            #expect(Self.builds[0].public[path] == Self.builds[1].public[path], "\(path) differs between two builds")
        }
        #expect(Self.builds[0].exempt["papers/2017-11-15-retention-payments.docx"]
            == Self.builds[1].exempt["papers/2017-11-15-retention-payments.docx"])
    }

    @Test func exemptPapersWordVersionsNeverReachThePublicFolder() {
        #expect(Self.builds[0].public.keys.allSatisfy { !$0.contains("retention-payments") })
    }

    @Test(.enabled(if: pythonDocx, "needs .venv/bin/python with python-docx (run scripts/setup)"))
    func theWordPaperReadsAsTheHTMLShowsIt() throws {
        let build = Self.builds[0]
        let html = String(decoding: try #require(build.public["papers/2017-11-15-workforce-strategy.html"]), as: UTF8.self)
        let paper = try Self.read(try #require(build.public["papers/2017-11-15-workforce-strategy.docx"]))

        #expect(paper.core.title == "Children's Social Care Workforce Strategy")
        #expect(paper.core.author == "Helen Achebe, Director of Children's Social Care")
        #expect(paper.core.created == "2017-11-15T00:00:00Z")

        let header = try #require(paper.blocks.first { $0.kind == "table" })
        let cells = (header.rows ?? []).map { $0.cells.map(\.text) }
        #expect(cells == [
            ["Report Title", "Children's Social Care Workforce Strategy"], ["Key Decision", "No"], ["Item No.", "5"],
            ["Ward", "All"], ["Contributors", "Helen Achebe, Director of Children's Social Care"], ["Class", "Open"],
            ["Date", "15 November 2017"],
        ])

        let headings = paper.blocks.filter { $0.style == "Heading 1" }.compactMap(\.text)
        #expect(headings.prefix(4) == ["1. Summary", "2. Recommendations", "3. Policy Context", "4. Details"])
        // The same numbers and titles as the HTML's section headings, in the same order.
        let htmlHeadings = html.components(separatedBy: "<span class=\"section-number\">").dropFirst().map { part in
            part.components(separatedBy: "</h2>")[0].replacingOccurrences(of: "</span>", with: "")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(headings == htmlHeadings)

        let texts = paper.blocks.compactMap(\.text)
        #expect(texts.contains { $0.hasPrefix("1.1\tThis report tells Members about the Children's Social Care Workforce Strategy") })
        #expect(texts.contains { $0.hasPrefix("1.2\tThe Strategy responds") })
        #expect(texts.contains { $0.hasPrefix("2.1\tNote and comment") })
        // 3.1 opens with text and keeps its list; the list items follow unnumbered.
        #expect(texts.contains { $0.hasPrefix("3.1\tNational reform") })
        #expect(texts.contains { $0.hasPrefix("the Assessed and Supported Year in Employment") })

        // The workforce table: header row repeated, figures right-aligned, the HTML's figure.
        let workforce = try #require(paper.blocks.first { block in
            block.kind == "table" && block.rows?.first?.cells.first?.text == "Service area"
        })
        let rows = try #require(workforce.rows)
        #expect(rows[0].header && !rows[1].header)
        let socialWorkers = try #require(rows.first { $0.cells.prefix(2).map(\.text) == ["Referral & Assessment", "Social workers"] })
        #expect(socialWorkers.cells[5].text == "25.0%")
        #expect(socialWorkers.cells[5].alignment == "right")
        #expect(socialWorkers.cells[0].alignment != "right")
        #expect(html.contains("25.0%"))
    }

    @Test(.enabled(if: pythonDocx, "needs .venv/bin/python with python-docx (run scripts/setup)"))
    func everyWordPaperOpensWithItsHeaderTableAndHeadings() throws {
        let build = Self.builds[0]
        let all = build.public.filter { $0.key.hasSuffix(".docx") }.map { ($0.key, $0.value, false) }
            + build.exempt.filter { $0.key.hasSuffix(".docx") }.map { ($0.key, $0.value, true) }
        for (path, data, exempt) in all {
            let paper = try Self.read(data)
            let header = try #require(paper.blocks.first { $0.kind == "table" }, "\(path) has no header table")
            #expect(header.rows?.map { $0.cells.first?.text ?? "" }
                == ["Report Title", "Key Decision", "Item No.", "Ward", "Contributors", "Class", "Date"], "\(path)")
            #expect(paper.blocks.filter { $0.style == "Heading 1" }.first?.text == "1. Summary", "\(path)")
            #expect(paper.core.title == header.rows?.first?.cells.last?.text, "\(path)")
            if exempt {
                #expect(paper.blocks.contains { $0.text?.hasPrefix("NOT FOR PUBLICATION") ?? false }, "\(path)")
            }
            // Links are absolute or not links at all.
            for link in paper.blocks.flatMap({ $0.hyperlinks ?? [] }) {
                #expect(link.url?.hasPrefix("https://") ?? false || link.url?.hasPrefix("mailto:") ?? false, "\(path): \(link)")
            }
        }
    }

    /// Builds the sample with a copy of the templates holding `reference` as paper.docx.
    static func buildWithReference(_ reference: Data) throws -> (output: [String: Data], report: BuildReport) {
        let root = TestPaths.temporaryFolder("paper-word-reference")
        defer { TestPaths.remove(root) }
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        try reference.write(to: templates.appendingPathComponent("paper.docx"))
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("public"))
        options.templates = templates
        let report = SiteBuild.build(options)
        return (readTree(root.appendingPathComponent("public")), report)
    }

    @Test func aReferenceDocumentGivesItsStylesAndIsNotPublished() throws {
        let built = try #require(Self.builds[0].public["papers/2017-11-15-workforce-strategy.docx"])
        let (output, report) = try Self.buildWithReference(built)
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        #expect(output["paper.docx"] == nil && output["papers/2017-11-15-workforce-strategy.docx"] != nil)
    }

    @Test func stylesTheReferenceLacksAreReportedForEachPaper() throws {
        let styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>
            """
        let (output, report) = try Self.buildWithReference(try WordDocumentWriter.zip([("word/styles.xml", Data(styles.utf8))]))
        let warnings = report.diagnostics.filter { $0.code == "docx-reference-style-missing" }
        let strategy = try #require(warnings.first { $0.location.path.hasSuffix("2017-11-15-workforce-strategy.md") })
        #expect(strategy.severity == .warning)
        #expect(strategy.message.contains("'List Bullet'") && strategy.message.contains("'Table Text'"))
        #expect(!strategy.message.contains("'heading 1'"))
        #expect(output["papers/2017-11-15-workforce-strategy.docx"] != nil)
    }

    @Test func anUnreadableReferenceDocumentIsAnErrorAtItsPath() throws {
        let (_, report) = try Self.buildWithReference(Data("not a zip".utf8))
        let errors = report.diagnostics.filter { $0.code == "docx-reference-unreadable" }
        #expect(errors.count == 1)
        #expect(errors.first?.severity == .error)
        let error = try #require(errors.first)
        #expect(error.location.path.hasSuffix("/Templates/paper.docx"))
        #expect(error.message.hasPrefix("'\(error.location.path)' cannot be read as a Word document: it is not a zip package"),
                "\(error.formatted)")
    }

    @Test func tableColumnsGetRoomForTheirLongestWordAndMoreForLongTexts() {
        // "September" is 9 letters, and a cell's padding takes about 3: 12 units.
        #expect(PaperWordDocument.columnWeight(["30 September 2019", "19.5%"]) == 12)
        // A figure column stays narrow ("Change" is its longest word: 6 + 3); a sentence
        // column gets a quarter of its length (up to 60).
        #expect(PaperWordDocument.columnWeight(["Change", "-1.3 pp"]) == 9)
        let target = "Green at most 15.0%; amber at most 25.0%; otherwise red"
        #expect(PaperWordDocument.columnWeight(["Target", target]) == Double(target.count / 4))
        #expect(PaperWordDocument.columnWeight([String(repeating: "word ", count: 40)]) == 15)
    }

    /// Column widths and figure columns are worked out on bytes for ASCII texts; they must be
    /// what the character-wise definitions give, for every ASCII character and beyond.
    @Test func columnMeasuresAndFiguresAreTheCharacterWiseOnes() {
        let pieces = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
            + ["£", "−", "–", "†", "é", "e\u{301}", "\u{A0}", "\u{85}", "\u{2003}", "\r\n", "🙂", "1\u{301}", "12", "Sept", " pp"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let measured = PaperWordDocument.measure(text)
            #expect(measured.length == text.count, "\(Array(text.unicodeScalars))")
            #expect(measured.longestWord == text.split(whereSeparator: \.isWhitespace).map(\.count).max(), "\(Array(text.unicodeScalars))")
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let allowed = Set("0123456789.,%£$+-−–*†‡ pkmbn")
            let figure = ["", "–", "-", "—", "not available", "n/a"].contains(trimmed)
                || (trimmed.contains(where: \.isNumber) && trimmed.allSatisfy { allowed.contains($0) })
            #expect(PaperWordDocument.isFigure(text) == figure, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func linksInWordAreAbsoluteOrPlainText() {
        let site = PaperWordDocument(baseURL: "https://example.gov.uk")
        #expect(site.absolute("../media/strategy.pdf") == "https://example.gov.uk/media/strategy.pdf")
        #expect(site.absolute("annual-update-2018.html") == "https://example.gov.uk/papers/annual-update-2018.html")
        #expect(site.absolute("https://www.gov.uk/x") == "https://www.gov.uk/x")
        #expect(site.absolute("mailto:a@example.gov.uk") == "mailto:a@example.gov.uk")
        #expect(site.absolute("#section-2") == nil)
        #expect(site.absolute("javascript:alert(1)") == nil)
        #expect(PaperWordDocument(baseURL: "").absolute("../media/strategy.pdf") == nil)
    }

    @Test(.enabled(if: pythonDocx, "needs .venv/bin/python with python-docx (run scripts/setup)"))
    func quorumAnnualWritesTheWordVersionWithTheFiguresOfTheMarkdown() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        var options = options(content: TestPaths.sampleContent, output: root.appendingPathComponent("out"))
        options.asOf = sampleDate
        let period = ReportingPeriod(from: CalendarDate("2018-03-31")!, to: CalendarDate("2018-09-30")!)
        let report = AnnualBuild.build(options, AnnualBuild.Request(year: 2018, period: period))
        #expect(report.wrote && report.errorCount == 0)
        let papers = root.appendingPathComponent("out/papers")
        let markdown = try String(contentsOf: papers.appendingPathComponent("annual-update-2018.md"), encoding: .utf8)
        let paper = try Self.read(try Data(contentsOf: papers.appendingPathComponent("annual-update-2018.docx")))
        let sentence = "The vacancy rate fell from 24.9% on 31 March 2018 to 20.0% on 30 September 2018"
        #expect(markdown.contains(sentence))
        #expect(paper.blocks.contains { $0.text?.contains(sentence) ?? false })
        #expect(paper.blocks.first { $0.style == "Heading 1" }?.text == "1. Summary")
        #expect(paper.core.created == "2018-11-14T00:00:00Z")
    }
}

/// Charts as pictures in the Word versions, drawn by `rsvg-convert` when it is installed.
@Suite("Charts as pictures in Word papers")
struct ChartPictureTests {
    static let rasteriser = ChartPictures.findRasteriser(in: ProcessInfo.processInfo.environment)

    @Test func theChartRulesAreTakenFromTheStylesheet() {
        let rules = ChartPictures.chartRules(in: """
            body { color: red; }
            svg.chart { width: 100%; }
            svg.chart .bar { fill: #1d4f91; }
            @media print { svg.chart .bar { fill: black; } }
            svg.chart text.label { stroke: none; }
            """)
        #expect(rules == "svg.chart .bar { fill: #1d4f91; }\nsvg.chart text.label { stroke: none; }")
    }

    @Test(.enabled(if: rasteriser != nil && PaperWordOutputTests.pythonDocx, "needs rsvg-convert and python-docx (run scripts/setup)"))
    func everyChartIsAPictureWithItsSVGAndItsTable() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        // The command finds rsvg-convert on PATH, as a user's build does.
        let built = try await ChildProcess.run(QuorumCommand.binary, [
            "build", "--content", TestPaths.sampleContent.path, "--templates", TestPaths.templates.path, "--as-of", "2019-11-20",
            "--output", root.appendingPathComponent("public").path, "--summary", root.appendingPathComponent("summary.json").path,
        ])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!built.stderr.contains(PaperRenderer.chartNoteCode) && !built.stderr.contains("docx-chart-not-drawn"))
        let page = try String(contentsOf: root.appendingPathComponent("public/papers/annual-update-2018.html"), encoding: .utf8)
        let charts = page.components(separatedBy: "<figure class=\"chart-figure\">").count - 1
        #expect(charts >= 2)
        let data = try Data(contentsOf: root.appendingPathComponent("public/papers/annual-update-2018.docx"))
        let url = root.appendingPathComponent("paper.docx")
        try data.write(to: url)
        let script = """
            import docx, json, sys
            d = docx.Document(sys.argv[1])
            parts = sorted(p.content_type for p in d.part.package.parts if p.content_type.startswith("image/"))
            shapes = [(s.width, s.height) for s in d.inline_shapes]
            descriptions = [e.get("descr") for e in d.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
            print(json.dumps({"parts": parts, "shapes": len(shapes), "alt": descriptions}))
            """
        let output = try PaperWordOutputTests.run(["-c", script, url.path])
        try #require(output.status == 0, "python-docx could not read the chart pictures")
        struct Read: Decodable { let parts: [String]; let shapes: Int; let alt: [String?] }
        let read = try JSONDecoder().decode(Read.self, from: output.stdout)
        #expect(read.shapes == charts)
        #expect(read.parts.filter { $0 == "image/png" }.count == charts && read.parts.filter { $0 == "image/svg+xml" }.count == charts)
        #expect(read.alt.allSatisfy { $0?.hasSuffix("The chart's figures are in the table below it.") == true })
        // The figures stay in Word as a table too.
        let reader = try PaperWordOutputTests.read(data)
        #expect(reader.blocks.contains { $0.kind == "table" && ($0.rows ?? []).contains { $0.cells.contains { $0.text == "24.7%" } } })
    }
}

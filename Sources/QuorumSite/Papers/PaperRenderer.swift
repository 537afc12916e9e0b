import QuorumContent
import QuorumMarkdown
import QuorumOffice
import QuorumPapers
import QuorumSupport

/// Renders committee papers: an HTML page (with a print stylesheet) and a GFM markdown file
/// for each, and the index of papers by committee and date.
struct PaperRenderer {
    let context: RenderContext
    let data: PaperData
    /// Draws charts as pictures in the Word version; nil shows each as its data table.
    var charts: ChartPictures? = nil

    /// `papers/2018-11-14-workforce-strategy.html` and `.md`.
    static func path(_ paper: CommitteePaper, _ ext: String) -> String { "papers/\(paper.slug).\(ext)" }
    static func pdfPath(_ slug: String) -> String { "papers/\(slug).pdf" }

    /// One paper made ready to be written: its layout and template values, its markdown
    /// and Word files. The HTML page is rendered from it by `page`, once its PDF (if any) is printed.
    struct Prepared: Sendable {
        let slug: String
        let htmlPath: String
        let title: String
        let description: String
        nonisolated(unsafe) let values: [String: Any]
        let location: SourceLocation
        let links: [SourceLink]
        /// The markdown and Word files.
        let companions: [OutputFile]
        let wordSize: Int?
    }

    /// `generated` is the text Quorum writes into some papers (annual updates).
    func render(_ paper: CommitteePaper, generated: [StandardSection: String] = [:], log: inout DiagnosticLog) -> [OutputFile] {
        let prepared = prepare(paper, generated: generated, log: &log)
        return (page(prepared, pdfSize: nil, log: &log).map { [$0] } ?? []) + prepared.companions
    }

    /// Everything but the HTML page: the layout, the markdown and the Word document.
    func prepare(_ paper: CommitteePaper, generated: [StandardSection: String] = [:], log: inout DiagnosticLog) -> Prepared {
        let layout = PaperLayout.make(paper: paper, data: data, templates: context.templates, generated: generated, log: &log)
        let values = view(paper, layout)
        let location = paper.source.file.location()
        var files: [OutputFile] = []
        if let markdown = context.templates.render("paper.md", values), let path = OutputPath(Self.path(paper, "md")) {
            files.append(OutputFile(path: path, contents: .text(markdown)))
        } else {
            context.templates.reportMissing(["paper.md"], at: location, log: &log)
        }
        var wordDocument = PaperWordDocument(baseURL: context.config.baseURL)
        let chartBlocks = layout.sections.flatMap { $0.paragraphs.flatMap { $0.blocks.filter(\.isChart) } }
        if let charts {
            // Each distinct chart drawn at once (as its first block titles it), then taken in order.
            var seen = Set<String>()
            let distinct = chartBlocks.filter { block in block.chartSVG.map { seen.insert($0).inserted } ?? false }
            let drawn = ParallelMap.map(distinct) { block in
                Result { try charts.picture(svg: block.chartSVG!, title: block.chartTitle ?? "Chart") }
            }
            let pictures = Dictionary(uniqueKeysWithValues: zip(distinct.map { $0.chartSVG! }, drawn))
            for block in chartBlocks {
                guard let svg = block.chartSVG, wordDocument.pictures[svg] == nil, let picture = pictures[svg] else { continue }
                switch picture {
                case let .success(image):
                    wordDocument.pictures[svg] = image
                case let .failure(error):
                    log.warning(location, "the chart '\(block.chartTitle ?? "")' could not be drawn for the Word version, which shows "
                                + "its data table instead: \(error)", code: "docx-chart-not-drawn")
                }
            }
        }
        let word = wordDocument.document(paper, layout)
        if let reference = context.templates.wordReference, case let missing = reference.missingStyles(for: word), !missing.isEmpty {
            log.warning(location, "the Word reference document \(context.templates.displayRoot)/\(TemplateLibrary.wordReferenceName) "
                        + "has no style \(missing.map { "'\($0.styleName)'" }.joined(separator: ", ")) for this paper's Word version, "
                        + "which shows those paragraphs as Normal", code: "docx-reference-style-missing")
        }
        var wordSize: Int?
        do {
            let bytes = try WordDocumentWriter(reference: context.templates.wordReference).data(for: word)
            if let path = OutputPath(Self.path(paper, "docx")) {
                files.append(OutputFile(path: path, contents: .data(bytes)))
                wordSize = bytes.count
            }
        } catch {
            log.error(location, "the Word version of this paper could not be written: \(error)", code: "docx-not-written")
        }
        if charts == nil, !chartBlocks.isEmpty {
            log.note(location, Self.chartNote, code: Self.chartNoteCode)
        }
        return Prepared(slug: paper.slug, htmlPath: Self.path(paper, "html"), title: paper.title,
                        description: "\(paper.committee), \(paper.meetingDate.longForm), item \(paper.item)",
                        values: values, location: location, links: layout.links, companions: files, wordSize: wordSize)
    }

    /// The paper's HTML page, offering its Word version and, when one was printed, its PDF.
    func page(_ prepared: Prepared, pdfSize: Int?, log: inout DiagnosticLog) -> OutputFile? {
        var values = prepared.values
        values["downloads"] = PaperDownloads(slug: prepared.slug, wordSize: prepared.wordSize, pdfSize: pdfSize).values
        return context.page("paper", at: prepared.htmlPath, title: prepared.title, description: prepared.description,
                            values: values, source: prepared.location, links: prepared.links, log: &log)
    }

    static let chartNoteCode = "docx-chart-as-table"
    static let chartNote = "the Word versions of the papers show each chart as its data table: install rsvg-convert "
        + "(sudo apt-get install librsvg2-bin) to draw charts as pictures in them"

    /// The index of open papers, by committee, newest meeting first, with the formats each
    /// comes in (`downloads` by slug).
    func renderIndex(_ papers: [CommitteePaper], downloads: [String: PaperDownloads] = [:], log: inout DiagnosticLog) -> OutputFile? {
        let committees = Dictionary(grouping: papers, by: \.committee).keys.sorted()
        let groups = committees.map { committee in
            [
                "committee": committee,
                "papers": papers.filter { $0.committee == committee }
                    .sorted { ($0.meetingDate, $0.slug) > ($1.meetingDate, $1.slug) }
                    .map { paper in
                        ["title": paper.title, "date": paper.meetingDate.longForm, "item": paper.item,
                         "html": "\(paper.slug).html", "markdown": "\(paper.slug).md",
                         "downloads": downloads[paper.slug]?.values ?? [:]] as [String: Any]
                    },
            ] as [String: Any]
        }
        return context.page("papers", at: "papers/index.html", title: "Committee papers",
                            description: "Reports to committee, by committee and meeting date.",
                            values: ["committees": groups, "hasPapers": !groups.isEmpty],
                            source: SourceLocation(path: CommitteePaper.folder), log: &log)
    }

    func view(_ paper: CommitteePaper, _ layout: PaperLayout) -> [String: Any] {
        // Optional values are left out, not set to nil: a missing key is what Mustache tests for.
        let sections = layout.sections.map { section in
            var values: [String: Any] = [
                "number": section.number, "title": section.title, "anchor": section.anchor,
                "paragraphs": section.paragraphs.map { paragraph in
                    var values: [String: Any] = [
                        "number": paragraph.number, "html": paragraph.blocks.map(\.html).joined(),
                        "markdown": numberedMarkdown(paragraph),
                    ]
                    values["subheading"] = paragraph.subheading
                    return values
                },
            ]
            values["lead"] = section.lead
            return values
        }
        var header: [String: Any] = [
                "committee": paper.committee, "title": paper.title, "item": paper.item,
                "date": paper.meetingDate.longForm, "keyDecision": paper.keyDecision ? "Yes" : "No",
                "wards": paper.wards.joined(separator: ", "),
                "contributors": paper.contributors.map { ["name": $0.name, "role": $0.role] },
                "contributorsText": paper.contributors.map { "\($0.name), \($0.role)" }.joined(separator: "; "),
                "class": paper.classification.label, "isExempt": paper.classification.isExempt,
        ]
        header["pageMarginItem"] = CSSString.quoted("Item \(paper.item)")
        header["exemptNotice"] = paper.classification.notice
        header["exemptHeader"] = paper.classification.pageHeader
        return ["paper": header, "sections": sections]
    }

    /// `4.1 The text…`, or the number on its own line when the paragraph opens with a list or table.
    func numberedMarkdown(_ paragraph: PaperLayout.Paragraph) -> String {
        let body = paragraph.blocks.map { $0.markdown.trimmingTrailingNewlines() }.joined(separator: "\n\n")
        let opensWithText = paragraph.blocks.first?.isText ?? false
        let heading = paragraph.subheading.map { "### \(MarkdownEscaping.escape($0))\n\n" } ?? ""
        return heading + paragraph.number + (opensWithText ? " " : "\n\n") + body
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

import Foundation
import QuorumMarkdown
import QuorumOffice
import QuorumPapers
import QuorumSupport

/// A laid-out paper as a Word document: the header table, each section as Heading 1
/// ("1. Summary"), each paragraph with the number the HTML shows, and the markdown of every
/// block (directives included, whose markdown carries a chart's figures as a table) turned
/// into Word paragraphs, lists and tables.
struct PaperWordDocument {
    /// The site's `base_url`, without a trailing slash; empty when not set, and then
    /// relative links are written as plain text (they mean nothing inside a .docx).
    let baseURL: String
    /// Charts drawn as pictures, by their SVG; a chart without one shows as its data table alone.
    var pictures: [String: WordImage] = [:]

    func document(_ paper: CommitteePaper, _ layout: PaperLayout) -> WordDocument {
        let creator = paper.contributors.map { "\($0.name), \($0.role)" }.joined(separator: "; ")
        var blocks: [WordBlock] = [.paragraph(WordParagraph(.title, text: paper.committee)), .table(headerTable(paper))]
        if let notice = paper.classification.notice {
            blocks.append(.paragraph(WordParagraph(.normal, [WordRun(notice, bold: true)])))
        }
        for section in layout.sections {
            blocks.append(.paragraph(WordParagraph(.heading1, text: "\(section.number). \(section.title)")))
            if let lead = section.lead { blocks += convert(markdown: lead, number: nil) }
            for paragraph in section.paragraphs {
                if let subheading = paragraph.subheading {
                    blocks.append(.paragraph(WordParagraph(.heading2, text: subheading)))
                }
                var number: String? = paragraph.number
                for block in paragraph.blocks {
                    if !block.isText, let pending = number {
                        // A paragraph that opens with a list or table: its number on its own.
                        blocks.append(.paragraph(WordParagraph(.normal, number: pending, [])))
                        number = nil
                    }
                    if let svg = block.chartSVG, let picture = pictures[svg] { blocks.append(.image(picture)) }
                    blocks += convert(markdown: block.markdown, number: number)
                    number = nil
                }
            }
        }
        return WordDocument(
            properties: WordDocumentProperties(title: paper.title, creator: creator, created: Self.date(paper.meetingDate),
                                               subject: paper.committee),
            blocks: blocks)
    }

    /// The meeting date at midnight UTC: the document's date never comes from the clock.
    static func date(_ day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
    }

    func headerTable(_ paper: CommitteePaper) -> WordTable {
        let rows: [(String, String)] = [
            ("Report Title", paper.title),
            ("Key Decision", paper.keyDecision ? "Yes" : "No"),
            ("Item No.", paper.item),
            ("Ward", paper.wards.joined(separator: ", ")),
            ("Contributors", paper.contributors.map { "\($0.name), \($0.role)" }.joined(separator: "; ")),
            ("Class", paper.classification.label),
            ("Date", paper.meetingDate.longForm),
        ]
        return WordTable(columns: [WordTableColumn(weight: 1), WordTableColumn(weight: 3)],
                         rows: rows.map { [WordTableCell($0.0, bold: true), WordTableCell($0.1)] })
    }

    /// The blocks of one rendered block's markdown; `number` goes on its first paragraph.
    func convert(markdown: String, number: String?) -> [WordBlock] {
        let document = MarkdownDocument(markdown)
        var number = number
        var blocks: [WordBlock] = []
        for node in document.document.children {
            blocks += convert(node, number: &number, in: document)
        }
        return blocks
    }

    private func convert(_ node: MarkdownNode, number: inout String?, in document: MarkdownDocument) -> [WordBlock] {
        switch node.kind {
        case "paragraph":
            defer { number = nil }
            return [.paragraph(WordParagraph(.normal, number: number, runs(of: node)))]
        case "heading":
            return [.paragraph(WordParagraph(.heading3, runs(of: node)))]
        case "list":
            let ordered = document.commonMark(of: node).drop { $0.isWhitespace }.first?.isNumber ?? false
            return [.list(WordList(ordered ? .number : .bullet, items(of: node, level: 0, in: document)))]
        case "table":
            return table(node).map { [.table($0)] } ?? []
        case "block_quote":
            return node.children.flatMap { convert($0, number: &number, in: document) }
        case "code_block":
            return [.paragraph(WordParagraph(.normal, text: (node.literal ?? "").trimmingTrailingNewlines()))]
        default:
            // Raw HTML and thematic breaks have no place in a Word paper.
            return []
        }
    }

    private func items(of list: MarkdownNode, level: Int, in document: MarkdownDocument) -> [WordListItem] {
        var items: [WordListItem] = []
        for item in list.children {
            var text: [WordRun] = []
            var nested: [WordListItem] = []
            for child in item.children {
                if child.kind == "list" {
                    nested += self.items(of: child, level: level + 1, in: document)
                } else {
                    if !text.isEmpty { text.append(WordRun(" ")) }
                    text += runs(of: child)
                }
            }
            if item.isTaskItem { text.insert(WordRun(item.isTaskChecked ? "☑ " : "☐ "), at: 0) }
            items.append(WordListItem(text, level: min(level, 8)))
            items += nested
        }
        return items
    }

    /// A GFM table: its first row is the header, repeated on each page; a column whose body
    /// cells are all figures is right-aligned.
    private func table(_ node: MarkdownNode) -> WordTable? {
        let rows = node.children.filter { $0.kind == "table_row" || $0.kind == "table_header" }
            .map { $0.children.map { runs(of: $0) } }
        // Word refuses a table without a column; GFM always gives a header row, so this is never hit.
        guard let header = rows.first, !header.isEmpty else { return nil }
        let body = Array(rows.dropFirst())
        let width = rows.map(\.count).max() ?? 0
        let columns = (0..<width).map { index in
            let cells = body.compactMap { index < $0.count ? $0[index].map(\.text).joined() : nil }
            let numeric = !cells.isEmpty && cells.allSatisfy(Self.isFigure)
            let title = index < header.count ? header[index].map(\.text).joined() : ""
            return WordTableColumn(weight: Self.columnWeight([title] + cells), alignment: numeric ? .end : .start)
        }
        func cells(_ row: [[WordRun]], bold: Bool) -> [WordTableCell] {
            (0..<width).map { index in
                let runs = index < row.count ? row[index] : []
                return WordTableCell(bold ? runs.map { WordRun($0.text, bold: true, italic: $0.italic, link: $0.link) } : runs)
            }
        }
        return WordTable(columns: columns, headerRows: [cells(header, bold: true)], rows: body.map { cells($0, bold: false) })
    }

    /// A column's share of the table's width: room for its longest word, and more for long
    /// texts, so that Word neither breaks a word ("Septe|mber") nor stacks a sentence one word
    /// a line in a column as narrow as a figure's.
    static func columnWeight(_ texts: [String]) -> Double {
        let measures = texts.map(measure)
        let longestWord = measures.compactMap(\.longestWord).max() ?? 1
        let longestText = measures.map(\.length).max() ?? 1
        // + 3: a cell's padding takes about three characters of its width.
        return Double(max(longestWord + 3, min(longestText, 60) / 4))
    }

    /// A text's length and its longest word (nil without one), in characters. ASCII without a
    /// carriage return (which joins a following line feed into one character) is measured on
    /// its bytes, a character each; anything else character by character.
    static func measure(_ text: String) -> (longestWord: Int?, length: Int) {
        // Character.isWhitespace among ASCII: tab, line feed, vertical tab, form feed, CR, space.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var longest: Int?, run = 0
            for byte in text.utf8 {
                if isSpace(byte) {
                    run = 0
                } else {
                    run += 1
                    longest = max(longest ?? 0, run)
                }
            }
            return (longest, text.utf8.count)
        }
        return (text.split(whereSeparator: \.isWhitespace).map(\.count).max(), text.count)
    }

    /// `1,234`, `12.5%`, `£3.2m`, `-4`, `+2.0 pp`; a dash or "not available" for no figure; markers such as `*` allowed.
    static func isFigure(_ text: String) -> Bool {
        let trimmed = text.trimming(.spaces)
        if ["", "–", "-", "—", "not available", "n/a"].contains(trimmed) { return true }
        // Scalar by scalar: each allowed character is one scalar that no other scalar can join
        // (none has a decomposition or joins a cluster), so this is the character-wise test.
        guard trimmed.unicodeScalars.allSatisfy({ figureScalars.contains($0) }) else { return false }
        return trimmed.contains(where: \.isNumber)
    }

    private static let figureScalars = Set("0123456789.,%£$+-−–*†‡ pkmbn".unicodeScalars)

    /// The inline content of a node as runs: bold, italic and links kept.
    func runs(of node: MarkdownNode) -> [WordRun] {
        var result: [WordRun] = []
        func walk(_ node: MarkdownNode, bold: Bool, italic: Bool, link: String?) {
            switch node.kind {
            case "text", "code":
                result.append(WordRun(node.literal ?? "", bold: bold, italic: italic, link: link))
            case "softbreak":
                result.append(WordRun(" ", bold: bold, italic: italic, link: link))
            case "linebreak":
                result.append(WordRun("\n", bold: bold, italic: italic, link: link))
            case "html_inline":
                break
            case "strong":
                for child in node.children { walk(child, bold: true, italic: italic, link: link) }
            case "emph":
                for child in node.children { walk(child, bold: bold, italic: true, link: link) }
            case "link":
                let target = node.url.flatMap(absolute)
                for child in node.children { walk(child, bold: bold, italic: italic, link: target ?? link) }
            default:
                for child in node.children { walk(child, bold: bold, italic: italic, link: link) }
            }
        }
        for child in node.children { walk(child, bold: false, italic: false, link: nil) }
        return result
    }

    /// An address a Word reader can follow: https:, http: and mailto: as they are; a
    /// relative one against the paper's address under `base_url`; else none (plain text).
    func absolute(_ url: String) -> String? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") { return url }
        if url.contains(":") || url.hasPrefix("#") || url.hasPrefix("//") || baseURL.isEmpty { return nil }
        guard let base = URL(string: baseURL + "/papers/"), let resolved = URL(string: url, relativeTo: base) else { return nil }
        return resolved.absoluteString
    }
}

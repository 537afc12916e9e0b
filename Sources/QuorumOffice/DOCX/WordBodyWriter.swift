import Foundation

/// Writes word/document.xml from the blocks, collecting what the body refers to: hyperlink
/// and image relationships, media files and numbering instances.
struct WordBodyWriter {
    var relationships: WordRelationships
    var numbering: WordNumbering
    /// Media parts in the order the body uses them: ("media/image1.png", bytes).
    private(set) var media: [(path: String, data: Data)] = []
    private var drawingCount = 0

    init(relationships: WordRelationships, numbering: WordNumbering) {
        self.relationships = relationships
        self.numbering = numbering
    }

    mutating func documentXML(_ blocks: [WordBlock], footerID: String) throws -> String {
        var x = OfficeXMLWriter()
        let namespaces = [("xmlns:w", WordNamespace.main), ("xmlns:r", WordNamespace.relationships),
                          ("xmlns:wp", WordNamespace.drawing), ("xmlns:a", WordNamespace.drawingMain),
                          ("xmlns:pic", WordNamespace.picture)]
        var failure: Error?
        x.element("w:document", namespaces) { x in
            x.element("w:body") { x in
                do {
                    for block in blocks { try write(block, &x) }
                } catch { failure = error }
                // Word wants a paragraph after a table that ends the body.
                if case .table = blocks.last { x.empty("w:p") }
                writeSection(&x, footerID: footerID)
            }
        }
        if let failure { throw failure }
        return x.xml
    }

    private mutating func write(_ block: WordBlock, _ x: inout OfficeXMLWriter) throws {
        switch block {
        case .paragraph(let paragraph):
            writeParagraph(paragraph, &x)
        case .list(let list):
            let numID = list.kind == .bullet ? numbering.bulletNumID : numbering.nextNumberedList()
            let style: WordParagraphStyle = list.kind == .bullet ? .listBullet : .listNumber
            for item in list.items {
                let level = min(max(item.level, 0), WordNumbering.levels - 1)
                writeParagraph(WordParagraph(style, item.runs), list: (numID, level), &x)
            }
        case .table(let table):
            try writeTable(table, &x)
        case .image(let image):
            try writeImage(image, &x)
        case .pageBreak:
            x.element("w:p") { x in
                x.element("w:r") { x in x.empty("w:br", [("w:type", "page")]) }
            }
        }
    }

    // MARK: Paragraphs and runs

    private mutating func writeParagraph(_ paragraph: WordParagraph, list: (numID: Int, level: Int)? = nil,
                                         keepNext: Bool = false, alignment: WordAlignment? = nil,
                                         _ x: inout OfficeXMLWriter) {
        let alignment = alignment ?? paragraph.alignment
        x.element("w:p") { x in
            // Child order is fixed by the schema (CT_PPrBase).
            x.element("w:pPr") { x in
                x.empty("w:pStyle", [("w:val", paragraph.style.styleID)])
                if keepNext { x.empty("w:keepNext") }
                if let list {
                    x.element("w:numPr") { x in
                        x.empty("w:ilvl", [("w:val", "\(list.level)")])
                        x.empty("w:numId", [("w:val", "\(list.numID)")])
                    }
                }
                if paragraph.number != nil {
                    x.element("w:tabs") { x in
                        x.empty("w:tab", [("w:val", "left"), ("w:pos", "\(WordPage.numberIndent)")])
                    }
                    x.empty("w:ind", [("w:left", "\(WordPage.numberIndent)"), ("w:hanging", "\(WordPage.numberIndent)")])
                }
                if alignment != .start { x.empty("w:jc", [("w:val", alignment == .end ? "right" : "center")]) }
            }
            if let number = paragraph.number {
                writeRun(WordRun(number + "\t"), characterStyle: nil, &x)
            }
            writeRuns(paragraph.runs, &x)
        }
    }

    /// Runs, with consecutive runs that share a link inside one w:hyperlink.
    private mutating func writeRuns(_ runs: [WordRun], _ x: inout OfficeXMLWriter) {
        var index = 0
        while index < runs.count {
            guard let link = runs[index].link else {
                writeRun(runs[index], characterStyle: nil, &x)
                index += 1
                continue
            }
            var end = index
            while end < runs.count, runs[end].link == link { end += 1 }
            let id = relationships.hyperlink(link)
            let linked = runs[index..<end]
            x.element("w:hyperlink", [("r:id", id), ("w:history", "1")]) { x in
                for run in linked { writeRun(run, characterStyle: "Hyperlink", &x) }
            }
            index = end
        }
    }

    /// One w:r; tabs and line feeds in the text become w:tab and w:br.
    private func writeRun(_ run: WordRun, characterStyle: String?, _ x: inout OfficeXMLWriter) {
        x.element("w:r") { x in
            if characterStyle != nil || run.bold || run.italic {
                x.element("w:rPr") { x in
                    if let characterStyle { x.empty("w:rStyle", [("w:val", characterStyle)]) }
                    if run.bold { x.empty("w:b"); x.empty("w:bCs") }
                    if run.italic { x.empty("w:i"); x.empty("w:iCs") }
                }
            }
            var pending = ""
            func flush(_ x: inout OfficeXMLWriter) {
                if !pending.isEmpty { x.text("w:t", [("xml:space", "preserve")], pending) }
                pending = ""
            }
            for character in run.text {
                switch character {
                case "\t": flush(&x); x.empty("w:tab")
                case "\n", "\r\n", "\r": flush(&x); x.empty("w:br")
                default: pending.append(character)
                }
            }
            flush(&x)
        }
    }

    // MARK: Tables

    private mutating func writeTable(_ table: WordTable, _ x: inout OfficeXMLWriter) throws {
        // Word refuses a table without a row or a grid column.
        guard !table.columns.isEmpty, !(table.headerRows.isEmpty && table.rows.isEmpty) else {
            throw WordDocumentError.emptyTable(caption: table.caption)
        }
        if let caption = table.caption {
            // Above the table and kept with it, as council papers number their tables.
            writeParagraph(WordParagraph(.caption, text: caption), keepNext: true, &x)
        }
        let widths = Self.columnWidths(table.columns.map(\.weight), total: WordPage.textWidth)
        x.element("w:tbl") { x in
            x.element("w:tblPr") { x in
                x.empty("w:tblW", [("w:w", "\(WordPage.textWidth)"), ("w:type", "dxa")])
                if table.borders {
                    x.element("w:tblBorders") { x in
                        for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                            x.empty(side, [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "auto")])
                        }
                    }
                }
                x.empty("w:tblLayout", [("w:type", "fixed")])
                x.element("w:tblCellMar") { x in
                    x.empty("w:left", [("w:w", "85"), ("w:type", "dxa")])
                    x.empty("w:right", [("w:w", "85"), ("w:type", "dxa")])
                }
                x.empty("w:tblLook", [("w:val", "04A0"), ("w:firstRow", table.headerRows.isEmpty ? "0" : "1"),
                                      ("w:lastRow", "0"), ("w:firstColumn", "0"), ("w:lastColumn", "0"),
                                      ("w:noHBand", "1"), ("w:noVBand", "1")])
                if let caption = table.caption { x.empty("w:tblCaption", [("w:val", caption)]) }
            }
            x.element("w:tblGrid") { x in
                for width in widths { x.empty("w:gridCol", [("w:w", "\(width)")]) }
            }
            for row in table.headerRows { writeRow(row, header: true, table: table, widths: widths, &x) }
            for row in table.rows { writeRow(row, header: false, table: table, widths: widths, &x) }
        }
    }

    private mutating func writeRow(_ cells: [WordTableCell], header: Bool, table: WordTable, widths: [Int],
                                   _ x: inout OfficeXMLWriter) {
        x.element("w:tr") { x in
            x.element("w:trPr") { x in
                x.empty("w:cantSplit")
                if header { x.empty("w:tblHeader") }
            }
            var column = 0
            for cell in cells where column < widths.count {
                let span = min(max(cell.span, 1), widths.count - column)
                let width = widths[column..<column + span].reduce(0, +)
                let alignment = cell.alignment ?? table.columns[column].alignment
                x.element("w:tc") { x in
                    x.element("w:tcPr") { x in
                        x.empty("w:tcW", [("w:w", "\(width)"), ("w:type", "dxa")])
                        if span > 1 { x.empty("w:gridSpan", [("w:val", "\(span)")]) }
                        if header { x.empty("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", "E7E6E6")]) }
                    }
                    let runs = header ? cell.runs.map { var run = $0; run.bold = true; return run } : cell.runs
                    writeParagraph(WordParagraph(.tableText, runs), alignment: alignment, &x)
                }
                column += span
            }
            // A short row is padded, so every row covers the grid (Word repairs it otherwise).
            while column < widths.count {
                let width = widths[column]
                x.element("w:tc") { x in
                    x.element("w:tcPr") { x in x.empty("w:tcW", [("w:w", "\(width)"), ("w:type", "dxa")]) }
                    x.element("w:p") { x in
                        x.element("w:pPr") { x in x.empty("w:pStyle", [("w:val", WordParagraphStyle.tableText.styleID)]) }
                    }
                }
                column += 1
            }
        }
    }

    /// Whole twips in proportion to the weights, adding up exactly to `total`.
    static func columnWidths(_ weights: [Double], total: Int) -> [Int] {
        let clean = weights.map { $0.isFinite && $0 > 0 ? $0 : 1 }
        let sum = clean.reduce(0, +)
        var widths = clean.map { Int(($0 / sum * Double(total)).rounded(.down)) }
        if !widths.isEmpty { widths[widths.count - 1] += total - widths.reduce(0, +) }
        return widths
    }

    // MARK: Pictures

    private mutating func writeImage(_ image: WordImage, _ x: inout OfficeXMLWriter) throws {
        guard let pixels = PNGHeader.pixelSize(of: image.png) else { throw WordDocumentError.notAPNG(altText: image.altText) }
        if let svg = image.svg, !SVGHeader.isSVG(svg) { throw WordDocumentError.notAnSVG(altText: image.altText) }
        drawingCount += 1
        let number = drawingCount
        let path = "media/image\(number).png"
        media.append((path, image.png))
        let id = relationships.add(type: WordRelationshipType.image, target: path)
        var svgID: String?
        if let svg = image.svg {
            let svgPath = "media/image\(number).svg"
            media.append((svgPath, svg))
            svgID = relationships.add(type: WordRelationshipType.image, target: svgPath)
        }
        // Points, from the caller or at 96 dpi, scaled down to the text width.
        var width = image.size?.width ?? Double(pixels.width) * 0.75
        var height = image.size?.height ?? Double(pixels.height) * 0.75
        let maximum = Double(WordPage.textWidth) / 20
        if width > maximum { height *= maximum / width; width = maximum }
        let cx = "\(Int((width * Double(WordPage.emuPerPoint)).rounded()))"
        let cy = "\(Int((height * Double(WordPage.emuPerPoint)).rounded()))"
        x.element("w:p") { x in
            x.element("w:pPr") { x in
                x.empty("w:pStyle", [("w:val", WordParagraphStyle.normal.styleID)])
                if image.caption != nil { x.empty("w:keepNext") }
                x.empty("w:jc", [("w:val", "center")])
            }
            x.element("w:r") { x in
                x.element("w:drawing") { x in
                    x.element("wp:inline", [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")]) { x in
                        x.empty("wp:extent", [("cx", cx), ("cy", cy)])
                        x.empty("wp:effectExtent", [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")])
                        x.empty("wp:docPr", [("id", "\(number)"), ("name", "Picture \(number)"), ("descr", image.altText)])
                        x.element("wp:cNvGraphicFramePr") { x in
                            x.empty("a:graphicFrameLocks", [("noChangeAspect", "1")])
                        }
                        x.element("a:graphic") { x in
                            x.element("a:graphicData", [("uri", WordNamespace.picture)]) { x in
                                x.element("pic:pic") { x in
                                    x.element("pic:nvPicPr") { x in
                                        x.empty("pic:cNvPr", [("id", "\(number)"), ("name", "image\(number).png"), ("descr", image.altText)])
                                        x.empty("pic:cNvPicPr")
                                    }
                                    x.element("pic:blipFill") { x in
                                        if let svgID {
                                            // Office 2016's extension: the SVG, with the PNG as its fallback.
                                            x.element("a:blip", [("r:embed", id)]) { x in
                                                x.element("a:extLst") { x in
                                                    x.element("a:ext", [("uri", WordNamespace.svgBlipExtension)]) { x in
                                                        x.empty("asvg:svgBlip", [("xmlns:asvg", WordNamespace.svg), ("r:embed", svgID)])
                                                    }
                                                }
                                            }
                                        } else {
                                            x.empty("a:blip", [("r:embed", id)])
                                        }
                                        x.element("a:stretch") { x in x.empty("a:fillRect") }
                                    }
                                    x.element("pic:spPr") { x in
                                        x.element("a:xfrm") { x in
                                            x.empty("a:off", [("x", "0"), ("y", "0")])
                                            x.empty("a:ext", [("cx", cx), ("cy", cy)])
                                        }
                                        x.element("a:prstGeom", [("prst", "rect")]) { x in x.empty("a:avLst") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let caption = image.caption {
            writeParagraph(WordParagraph(.caption, alignment: .center, text: caption), &x)
        }
    }

    // MARK: Section

    private func writeSection(_ x: inout OfficeXMLWriter, footerID: String) {
        x.element("w:sectPr") { x in
            x.empty("w:footerReference", [("w:type", "default"), ("r:id", footerID)])
            x.empty("w:pgSz", [("w:w", "\(WordPage.width)"), ("w:h", "\(WordPage.height)")])
            let margin = "\(WordPage.margin)"
            x.empty("w:pgMar", [("w:top", margin), ("w:right", margin), ("w:bottom", margin), ("w:left", margin),
                                ("w:header", "708"), ("w:footer", "708"), ("w:gutter", "0")])
            x.empty("w:cols", [("w:space", "708")])
            x.empty("w:docGrid", [("w:linePitch", "360")])
        }
    }
}

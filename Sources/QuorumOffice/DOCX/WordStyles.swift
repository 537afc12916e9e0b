/// The built-in word/styles.xml: Arial throughout, as council papers use, with headings that
/// carry an outline level (Word's navigation pane and table of contents) and keep with the
/// next paragraph. A reference document's styles.xml replaces it (`WordReferenceDocument`).
enum WordStyles {
    /// Sizes in half-points, spacing in twips.
    private struct ParagraphStyle {
        let style: WordParagraphStyle
        var size = 24
        var bold = false
        var italic = false
        var before = 0
        var after = 120
        var outlineLevel: Int?
        var keepNext = false
    }

    private static let paragraphStyles: [ParagraphStyle] = [
        ParagraphStyle(style: .title, size: 36, bold: true, after: 240, keepNext: true),
        ParagraphStyle(style: .heading1, size: 28, bold: true, before: 240, after: 120, outlineLevel: 0, keepNext: true),
        ParagraphStyle(style: .heading2, size: 26, bold: true, before: 200, after: 120, outlineLevel: 1, keepNext: true),
        ParagraphStyle(style: .heading3, size: 24, bold: true, italic: true, before: 160, after: 120, outlineLevel: 2, keepNext: true),
        ParagraphStyle(style: .listBullet, after: 60),
        ParagraphStyle(style: .listNumber, after: 60),
        ParagraphStyle(style: .caption, size: 22, bold: true, before: 120, after: 60, keepNext: true),
        ParagraphStyle(style: .tableText, size: 20, after: 0),
    ]

    static var xml: String {
        var x = OfficeXMLWriter()
        x.element("w:styles", [("xmlns:w", WordNamespace.main)]) { x in
            x.element("w:docDefaults") { x in
                x.element("w:rPrDefault") { x in
                    x.element("w:rPr") { x in
                        x.empty("w:rFonts", [("w:ascii", "Arial"), ("w:eastAsia", "Arial"), ("w:hAnsi", "Arial"), ("w:cs", "Arial")])
                        x.empty("w:sz", [("w:val", "24")])
                        x.empty("w:szCs", [("w:val", "24")])
                        x.empty("w:lang", [("w:val", "en-GB"), ("w:eastAsia", "en-GB"), ("w:bidi", "ar-SA")])
                    }
                }
                x.element("w:pPrDefault") { x in
                    x.element("w:pPr") { x in
                        x.empty("w:spacing", [("w:after", "120"), ("w:line", "264"), ("w:lineRule", "auto")])
                    }
                }
            }
            x.element("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")]) { x in
                x.empty("w:name", [("w:val", "Normal")])
                x.empty("w:qFormat")
            }
            for style in paragraphStyles { write(style, &x) }
            x.element("w:style", [("w:type", "character"), ("w:default", "1"), ("w:styleId", "DefaultParagraphFont")]) { x in
                x.empty("w:name", [("w:val", "Default Paragraph Font")])
                x.empty("w:uiPriority", [("w:val", "1")])
                x.empty("w:semiHidden")
                x.empty("w:unhideWhenUsed")
            }
            x.element("w:style", [("w:type", "character"), ("w:styleId", "Hyperlink")]) { x in
                x.empty("w:name", [("w:val", "Hyperlink")])
                x.empty("w:basedOn", [("w:val", "DefaultParagraphFont")])
                x.empty("w:uiPriority", [("w:val", "99")])
                x.empty("w:unhideWhenUsed")
                x.element("w:rPr") { x in
                    x.empty("w:color", [("w:val", "0563C1")])
                    x.empty("w:u", [("w:val", "single")])
                }
            }
            x.element("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")]) { x in
                x.empty("w:name", [("w:val", "Normal Table")])
                x.empty("w:uiPriority", [("w:val", "99")])
                x.empty("w:semiHidden")
                x.empty("w:unhideWhenUsed")
                x.element("w:tblPr") { x in
                    x.empty("w:tblInd", [("w:w", "0"), ("w:type", "dxa")])
                    x.element("w:tblCellMar") { x in
                        x.empty("w:top", [("w:w", "0"), ("w:type", "dxa")])
                        x.empty("w:left", [("w:w", "108"), ("w:type", "dxa")])
                        x.empty("w:bottom", [("w:w", "0"), ("w:type", "dxa")])
                        x.empty("w:right", [("w:w", "108"), ("w:type", "dxa")])
                    }
                }
            }
            x.element("w:style", [("w:type", "numbering"), ("w:default", "1"), ("w:styleId", "NoList")]) { x in
                x.empty("w:name", [("w:val", "No List")])
                x.empty("w:uiPriority", [("w:val", "99")])
                x.empty("w:semiHidden")
                x.empty("w:unhideWhenUsed")
            }
        }
        return x.xml
    }

    private static func write(_ definition: ParagraphStyle, _ x: inout OfficeXMLWriter) {
        x.element("w:style", [("w:type", "paragraph"), ("w:styleId", definition.style.styleID)]) { x in
            // Child order is fixed by the schema (CT_Style).
            x.empty("w:name", [("w:val", definition.style.styleName)])
            x.empty("w:basedOn", [("w:val", "Normal")])
            x.empty("w:next", [("w:val", definition.style == .listBullet || definition.style == .listNumber
                                ? definition.style.styleID : "Normal")])
            x.empty("w:qFormat")
            x.element("w:pPr") { x in
                if definition.keepNext { x.empty("w:keepNext"); x.empty("w:keepLines") }
                x.empty("w:spacing", [("w:before", "\(definition.before)"), ("w:after", "\(definition.after)")])
                if let level = definition.outlineLevel { x.empty("w:outlineLvl", [("w:val", "\(level)")]) }
            }
            x.element("w:rPr") { x in
                if definition.bold { x.empty("w:b"); x.empty("w:bCs") }
                if definition.italic { x.empty("w:i"); x.empty("w:iCs") }
                x.empty("w:sz", [("w:val", "\(definition.size)")])
                x.empty("w:szCs", [("w:val", "\(definition.size)")])
            }
        }
    }
}

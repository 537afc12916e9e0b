/// word/numbering.xml: one bullet definition shared by all bulleted lists, and one
/// decimal definition with a numbering instance per numbered list, each restarting at 1.
///
/// Ids start after `firstAbstractID` / `firstNumID` so that the definitions can be added to
/// a reference document's own numbering without clashing.
struct WordNumbering {
    let firstAbstractID: Int
    let firstNumID: Int
    private(set) var numberedListCount = 0

    init(firstAbstractID: Int = 1, firstNumID: Int = 1) {
        self.firstAbstractID = firstAbstractID
        self.firstNumID = firstNumID
    }

    var bulletAbstractID: Int { firstAbstractID }
    var numberAbstractID: Int { firstAbstractID + 1 }
    var bulletNumID: Int { firstNumID }

    /// A new numbering instance for the next numbered list.
    mutating func nextNumberedList() -> Int {
        numberedListCount += 1
        return firstNumID + numberedListCount
    }

    static let levels = 9
    private static let bullets = ["\u{2022}", "\u{2013}", "\u{25E6}"]

    /// Indent of a list level: lists sit under the text of numbered paragraphs.
    static func indent(level: Int) -> (left: Int, hanging: Int) {
        (WordPage.numberIndent + 425 + 425 * level, 425)
    }

    /// The abstractNum elements.
    func writeDefinitions(_ x: inout OfficeXMLWriter) {
        x.element("w:abstractNum", [("w:abstractNumId", "\(bulletAbstractID)")]) { x in
            x.empty("w:multiLevelType", [("w:val", "hybridMultilevel")])
            for level in 0..<Self.levels {
                writeLevel(&x, level: level, format: "bullet", text: Self.bullets[level % Self.bullets.count])
            }
        }
        x.element("w:abstractNum", [("w:abstractNumId", "\(numberAbstractID)")]) { x in
            x.empty("w:multiLevelType", [("w:val", "hybridMultilevel")])
            for level in 0..<Self.levels {
                let format = ["decimal", "lowerLetter", "lowerRoman"][level % 3]
                writeLevel(&x, level: level, format: format, text: "%\(level + 1).")
            }
        }
    }

    /// The num elements: the shared bullet instance, then one per numbered list.
    func writeInstances(_ x: inout OfficeXMLWriter) {
        x.element("w:num", [("w:numId", "\(bulletNumID)")]) { x in
            x.empty("w:abstractNumId", [("w:val", "\(bulletAbstractID)")])
        }
        for list in 0..<numberedListCount {
            x.element("w:num", [("w:numId", "\(firstNumID + 1 + list)")]) { x in
                x.empty("w:abstractNumId", [("w:val", "\(numberAbstractID)")])
                for level in 0..<Self.levels {
                    x.element("w:lvlOverride", [("w:ilvl", "\(level)")]) { x in
                        x.empty("w:startOverride", [("w:val", "1")])
                    }
                }
            }
        }
    }

    /// A whole numbering part, when the reference document brings none.
    var xml: String {
        var x = OfficeXMLWriter()
        x.element("w:numbering", [("xmlns:w", WordNamespace.main)]) { x in
            writeDefinitions(&x)
            writeInstances(&x)
        }
        return x.xml
    }

    private func writeLevel(_ x: inout OfficeXMLWriter, level: Int, format: String, text: String) {
        let indent = Self.indent(level: level)
        x.element("w:lvl", [("w:ilvl", "\(level)")]) { x in
            x.empty("w:start", [("w:val", "1")])
            x.empty("w:numFmt", [("w:val", format)])
            x.empty("w:lvlText", [("w:val", text)])
            x.empty("w:lvlJc", [("w:val", "left")])
            x.element("w:pPr") { x in
                x.empty("w:ind", [("w:left", "\(indent.left)"), ("w:hanging", "\(indent.hanging)")])
            }
            if format == "bullet" {
                x.element("w:rPr") { x in
                    x.empty("w:rFonts", [("w:ascii", "Arial"), ("w:hAnsi", "Arial"), ("w:cs", "Arial")])
                }
            }
        }
    }
}

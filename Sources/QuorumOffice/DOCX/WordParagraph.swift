/// A paragraph: a style, an optional number shown in a hanging indent, and runs of text.
package struct WordParagraph: Sendable, Equatable {
    package var style: WordParagraphStyle
    /// A paragraph number such as "1.1", written as text before a tab in a hanging indent,
    /// so the document shows exactly the number the HTML shows (not Word's own numbering,
    /// which would renumber when a clerk edits).
    package var number: String?
    package var runs: [WordRun]
    package var alignment: WordAlignment

    package init(_ style: WordParagraphStyle = .normal, number: String? = nil,
                 alignment: WordAlignment = .start, _ runs: [WordRun]) {
        self.style = style
        self.number = number
        self.runs = runs
        self.alignment = alignment
    }

    package init(_ runs: [WordRun]) {
        self.init(.normal, runs)
    }

    package init(_ style: WordParagraphStyle = .normal, number: String? = nil,
                 alignment: WordAlignment = .start, text: String) {
        self.init(style, number: number, alignment: alignment, [WordRun(text)])
    }

    /// The paragraph's text without formatting, number included (for tests and messages).
    package var plainText: String {
        (number.map { $0 + "\t" } ?? "") + runs.map(\.text).joined()
    }
}

/// The paragraph styles the writer knows. Each has a fixed style id, which a reference
/// document must use for its own version of the style to apply (Word's built-in ids).
package enum WordParagraphStyle: Sendable, Equatable, Hashable, CaseIterable {
    case normal, title, heading1, heading2, heading3, listBullet, listNumber, caption, tableText

    package var styleID: String {
        switch self {
        case .normal: "Normal"
        case .title: "Title"
        case .heading1: "Heading1"
        case .heading2: "Heading2"
        case .heading3: "Heading3"
        case .listBullet: "ListBullet"
        case .listNumber: "ListNumber"
        case .caption: "Caption"
        case .tableText: "TableText"
        }
    }

    /// The name in styles.xml; Word recognises its built-in styles by these names.
    package var styleName: String {
        switch self {
        case .normal: "Normal"
        case .title: "Title"
        case .heading1: "heading 1"
        case .heading2: "heading 2"
        case .heading3: "heading 3"
        case .listBullet: "List Bullet"
        case .listNumber: "List Number"
        case .caption: "caption"
        case .tableText: "Table Text"
        }
    }

    /// A heading's level in the outline (navigation pane, table of contents), from 1.
    package var headingLevel: Int? {
        switch self {
        case .heading1: 1
        case .heading2: 2
        case .heading3: 3
        default: nil
        }
    }

    package static func heading(_ level: Int) -> WordParagraphStyle {
        switch level {
        case ...1: .heading1
        case 2: .heading2
        default: .heading3
        }
    }
}

package enum WordAlignment: Sendable, Equatable {
    case start, center, end
}

/// A run of text with one formatting. Consecutive runs with the same link form one
/// hyperlink. A tab in the text becomes a Word tab, a line feed a line break.
package struct WordRun: Sendable, Equatable {
    package var text: String
    package var bold: Bool
    package var italic: Bool
    /// An absolute URL (https:, mailto:); a relative one means nothing inside a .docx.
    package var link: String?

    package init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

import Foundation

/// A Word document as plain values: its properties and its blocks in reading order.
/// `WordDocumentWriter` turns it into a .docx package (WordprocessingML).
package struct WordDocument: Sendable, Equatable {
    package var properties: WordDocumentProperties
    package var blocks: [WordBlock]

    package init(properties: WordDocumentProperties, blocks: [WordBlock] = []) {
        self.properties = properties
        self.blocks = blocks
    }
}

/// One block of the body, in reading order.
package enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    case list(WordList)
    case table(WordTable)
    case image(WordImage)
    case pageBreak
}

/// The document properties Word shows under File > Info (docProps/core.xml and app.xml).
/// Dates come from the caller, never from the clock, so the same input gives the same bytes.
package struct WordDocumentProperties: Sendable, Equatable {
    package var title: String
    /// The author; Word shows it as "Author".
    package var creator: String
    package var subject: String?
    package var description: String?
    package var keywords: [String]
    package var created: Date
    /// Defaults to `created`.
    package var modified: Date?
    /// The program named in docProps/app.xml.
    package var application: String
    package var company: String?

    package init(title: String, creator: String, created: Date, modified: Date? = nil,
                 subject: String? = nil, description: String? = nil, keywords: [String] = [],
                 application: String = "Quorum", company: String? = nil) {
        self.title = title
        self.creator = creator
        self.subject = subject
        self.description = description
        self.keywords = keywords
        self.created = created
        self.modified = modified
        self.application = application
        self.company = company
    }
}

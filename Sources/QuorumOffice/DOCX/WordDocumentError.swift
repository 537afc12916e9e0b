/// Why a document could not be written, in words a person can act on.
package enum WordDocumentError: Error, Equatable, CustomStringConvertible {
    case notAPNG(altText: String)
    case notAnSVG(altText: String)
    case emptyTable(caption: String?)
    case referenceUnreadable(path: String, reason: String)
    case packageNotWritten(reason: String)
    case referenceWithoutStyles(path: String)

    package var description: String {
        switch self {
        case .notAPNG(let altText):
            "the picture '\(altText)' is not a PNG file (Word documents here take PNG only)"
        case .notAnSVG(let altText):
            "the SVG version of the picture '\(altText)' is not an SVG document"
        case .emptyTable(let caption):
            "the table \(caption.map { "'\($0)'" } ?? "without a caption") has no columns or no rows"
        case .referenceUnreadable(let path, let reason):
            "'\(path)' cannot be read as a Word document: \(reason)"
        case .packageNotWritten(let reason):
            "the Word document could not be packaged: \(reason)"
        case .referenceWithoutStyles(let path):
            "'\(path)' has no word/styles.xml, so it cannot serve as a reference document for styles"
        }
    }
}

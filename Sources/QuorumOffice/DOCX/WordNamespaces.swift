/// Namespaces, relationship types and content types of the parts the writer produces
/// (ECMA-376, transitional).
enum WordNamespace {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let drawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let svg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
    static let svgBlipExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
}

enum WordRelationshipType {
    private static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let officeDocument = base + "officeDocument"
    static let extendedProperties = base + "extended-properties"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let styles = base + "styles"
    static let numbering = base + "numbering"
    static let settings = base + "settings"
    static let theme = base + "theme"
    static let footer = base + "footer"
    static let hyperlink = base + "hyperlink"
    static let image = base + "image"
}

enum WordContentType {
    private static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
    static let document = wordprocessing + "document.main+xml"
    static let styles = wordprocessing + "styles+xml"
    static let numbering = wordprocessing + "numbering+xml"
    static let settings = wordprocessing + "settings+xml"
    static let footer = wordprocessing + "footer+xml"
    static let theme = "application/vnd.openxmlformats-officedocument.theme+xml"
    static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
    static let extendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
}

/// Page geometry in twentieths of a point (twips): A4 with 2.54 cm margins.
enum WordPage {
    static let width = 11906
    static let height = 16838
    static let margin = 1440
    static let textWidth = width - 2 * margin
    /// The hanging indent that holds a paragraph number ("10.12" fits).
    static let numberIndent = 851
    /// English Metric Units per point, for drawings.
    static let emuPerPoint = 12700
}

import Foundation

/// A PNG picture on its own line, with the text a screen reader reads for it and an
/// optional caption below it. An SVG version may come with it: Word 2016 and later show the
/// SVG (sharp at any zoom), older readers the PNG, as Word itself writes pictures.
package struct WordImage: Sendable, Equatable {
    package var png: Data
    package var svg: Data?
    /// The size on the page in points; nil: the picture's pixels at 96 dpi. Either way a
    /// picture wider than the text is scaled down to fit, keeping its proportions.
    package var size: (width: Double, height: Double)?
    package var altText: String
    package var caption: String?

    package init(png: Data, svg: Data? = nil, size: (width: Double, height: Double)? = nil,
                 altText: String, caption: String? = nil) {
        self.png = png
        self.svg = svg
        self.size = size
        self.altText = altText
        self.caption = caption
    }

    package static func == (lhs: WordImage, rhs: WordImage) -> Bool {
        lhs.png == rhs.png && lhs.svg == rhs.svg && lhs.size?.width == rhs.size?.width && lhs.size?.height == rhs.size?.height
            && lhs.altText == rhs.altText && lhs.caption == rhs.caption
    }
}

/// The pixel size of a PNG, read from its IHDR chunk; nil when the data is not a PNG.
package enum PNGHeader {
    package static func pixelSize(of data: Data) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == signature,
              Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func bigEndian(_ offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let width = bigEndian(16), height = bigEndian(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}

enum SVGHeader {
    /// Whether the data looks like an SVG document: an `<svg` element near the start.
    static func isSVG(_ data: Data) -> Bool {
        guard let text = String(data: data.prefix(1024), encoding: .utf8) else { return false }
        return text.contains("<svg")
    }
}

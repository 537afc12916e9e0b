/// The other formats a paper's page and the papers index offer: the Word version, and the
/// PDF when the build printed one (`--pdf`), each with its size, so an officer knows what
/// they are about to download.
struct PaperDownloads: Sendable, Equatable {
    let slug: String
    let wordSize: Int?
    let pdfSize: Int?

    /// What the templates receive: `word` and `pdf` (each `href` and `size`) when present.
    var values: [String: Any] {
        var values: [String: Any] = [:]
        if let wordSize { values["word"] = ["href": "\(slug).docx", "size": Self.size(wordSize)] }
        if let pdfSize { values["pdf"] = ["href": "\(slug).pdf", "size": Self.size(pdfSize)] }
        values["any"] = wordSize != nil || pdfSize != nil
        return values
    }

    /// "48 KB", "1.2 MB": kilobytes of 1,024 bytes rounded up (a file is never smaller than
    /// it says), megabytes to one decimal place. Computed from the bytes alone, so the same
    /// file always reads the same.
    static func size(_ bytes: Int) -> String {
        let kilobytes = (bytes + 1023) / 1024
        if kilobytes < 1024 { return "\(max(kilobytes, 1)) KB" }
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

import Foundation

/// Everything read from a content folder: the input of the later stages.
public struct Site: Sendable {
    public let config: SiteConfig
    public let pages: [Page]
    public let media: [(path: String, url: URL)]
    public let microsite: Microsite

    /// The load stage: reads and checks every content file, reporting to `log`.
    public static func load(_ content: ContentFolder, log: inout DiagnosticLog) -> Site {
        let config = SiteConfig.load(from: content, log: &log)
        let pages = Page.loadAll(from: content, log: &log)
        let media = content.binaryFiles.filter { $0.hasPrefix("media/") }
            .map { (path: $0, url: content.root.appendingPathComponent($0)) }
        reportDuplicateOutputs(pages, log: &log)
        return Site(config: config, pages: pages, media: media, microsite: Microsite.load(content, log: &log))
    }

    /// Two pages that would be written to one file: the second is an error.
    static func reportDuplicateOutputs(_ pages: [Page], log: inout DiagnosticLog) {
        var owners: [String: String] = [:]
        for page in pages {
            if let first = owners[page.outputPath] {
                log.error(page.source.file.location(),
                          "this page would be written to \(page.outputPath), which \(first) already uses",
                          code: "duplicate-output")
            } else {
                owners[page.outputPath] = page.source.file.path
            }
        }
    }
}

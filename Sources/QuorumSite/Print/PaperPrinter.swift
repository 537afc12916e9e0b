import Foundation
import QuorumSupport

/// Prints papers' HTML pages to PDF (`--pdf`), two at a time.
///
/// The pages and the files they use (stylesheet, media) are laid out in a temporary folder,
/// Chromium prints each from there, and the folder is removed. The PDFs come back in memory
/// and are written with the rest of the build, through the staging folder, so a failed
/// print leaves the output folder as it was.
struct PaperPrinter: Sendable {
    let chromium: Chromium
    /// The build's as-at date: every PDF's creation and modification date.
    let date: CalendarDate

    /// Two Chromiums at once: each uses a core and a few hundred megabytes.
    static let concurrentPrints = 2

    /// The PDF of each page, by the page's path; `address` gives a site path's public
    /// address (nil when the folder has none: its links stay relative, beside the PDF).
    func print(_ pages: [OutputFile], support: [OutputFile], address: @Sendable (String) -> String?,
               failure: (OutputFile, String) -> Void) -> [OutputPath: Data] {
        guard !pages.isEmpty else { return [:] }
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let folder = workspace.appendingPathComponent("site")
        do {
            try lay(pages + support, in: folder)
        } catch {
            for page in pages { failure(page, "cannot prepare the page for printing: \(error)") }
            return [:]
        }
        // Each lane prints its pages one after another; the lanes run side by side.
        let lanes = min(Self.concurrentPrints, pages.count)
        let results = ParallelMap.map(Array(0..<lanes)) { lane in
            stride(from: lane, to: pages.count, by: lanes).map { index -> (Int, Result<Data, Error>) in
                let page = pages[index]
                let pdf = workspace.appendingPathComponent("pdf-\(index).pdf")
                let result = Result {
                    try chromium.printToPDF(folder.appendingPathComponent(page.path.value), to: pdf,
                                            workspace: workspace.appendingPathComponent("chromium-\(lane)"))
                    return try PrintedPDF.normalize(Data(contentsOf: pdf), date: date) {
                        Self.link($0, printedFrom: folder, page: page.path.value, address: address)
                    }
                }
                return (index, result)
            }
        }.flatMap { $0 }.sorted { $0.0 < $1.0 }
        var printed: [OutputPath: Data] = [:]
        for (index, result) in results {
            switch result {
            case .success(let data): printed[pages[index].path] = data
            case .failure(let error): failure(pages[index], "\(error)")
            }
        }
        return printed
    }

    /// The files a page needs, where the page expects them: text written, copies linked.
    private func lay(_ files: [OutputFile], in folder: URL) throws {
        let fm = FileManager.default
        for file in files {
            let url = folder.appendingPathComponent(file.path.value)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file.contents {
            case .text(let text): try Data(text.utf8).write(to: url)
            case .data(let data): try data.write(to: url)
            case .copy(let source): try fm.createSymbolicLink(at: url, withDestinationURL: source)
            }
        }
    }

    /// A link Chromium wrote into the folder it printed from, as the PDF should have it: the
    /// site path's public address, or the path relative to the page (the PDF sits beside it).
    static func link(_ uri: String, printedFrom folder: URL, page: String, address: (String) -> String?) -> String? {
        let prefix = folder.absoluteString.hasSuffix("/") ? folder.absoluteString : folder.absoluteString + "/"
        guard uri.hasPrefix(prefix) else { return nil }
        let target = String(uri.dropFirst(prefix.count))
        if let published = address(target) { return published }
        let pageFolders = Array(page.split(separator: "/").dropLast())
        let targetParts = target.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < pageFolders.count, common < targetParts.count - 1, targetParts[common] == pageFolders[common] { common += 1 }
        return String(repeating: "../", count: pageFolders.count - common) + targetParts[common...].joined(separator: "/")
    }
}

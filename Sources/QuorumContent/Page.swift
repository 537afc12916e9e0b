import QuorumSupport

/// A markdown page of the site: `pages/about.md` becomes `about.html`.
package struct Page: Sendable {
    package let source: MarkdownSource
    package let title: String
    package let description: String
    /// Position in the navigation; pages without one are not in it.
    package let menuOrder: Int?
    /// The page's name in the navigation: `menu_title`, or the title.
    package let menuTitle: String
    /// Where the page is written, inside the output folder.
    package let outputPath: String

    package static let folder = "pages"
    static let keys = Set(["title", "description", "menu", "menu_title", "slug", "template"]).union(PageHighlights.keys)
    package let template: String
    /// Key facts, calls to act and a footer position.
    package let highlights: PageHighlights

    /// Reads every page; a page with a broken front matter is reported and left out.
    /// `byFile`, when given, also keeps what each page said (see `DiagnosticsByFile`).
    package static func loadAll(from content: ContentFolder, byFile: DiagnosticsByFile? = nil,
                                log: inout DiagnosticLog) -> [Page] {
        // Front matter is parsed on every core; diagnostics are kept in file order.
        let loads = ParallelMap.map(sourceFiles(in: content)) { file in
            var fileLog = DiagnosticLog()
            let page = load(file, log: &fileLog)
            byFile?.record(fileLog.entries, for: file.relativePath)
            return (page, fileLog)
        }
        for (_, fileLog) in loads { log.append(contentsOf: fileLog) }
        return loads.compactMap(\.0)
    }

    static let extensions: Set<String> = ["md", "markdown"]

    /// The page files of the folder, in path order.
    static func sourceFiles(in content: ContentFolder) -> [SourceFile] {
        content.files(in: folder, extensions: extensions)
    }

    /// The pages after the files at `changed` (paths inside the folder) changed, `content`
    /// being the folder as it now is: those are loaded again (their diagnostics replaced in
    /// `byFile`), every other page is the one in `previous`. The same as `loadAll` gives.
    package static func reload(from content: ContentFolder, previous: [Page], changed: Set<String>,
                               byFile: DiagnosticsByFile) -> [Page] {
        let files = sourceFiles(in: content)
        // Each earlier page's place, by path: ten thousand pages are copied once, into the result.
        var place: [String: Int] = [:]
        place.reserveCapacity(previous.count)
        for (index, page) in previous.enumerated() { place[page.source.file.relativePath] = index }
        byFile.forget(changed)
        var pages: [Page] = []
        pages.reserveCapacity(files.count)
        var present: Set<String> = []
        for file in files {
            guard changed.contains(file.relativePath) else {
                if let index = place[file.relativePath] { pages.append(previous[index]) }
                continue
            }
            present.insert(file.relativePath)
            var fileLog = DiagnosticLog()
            if let page = load(file, log: &fileLog) { pages.append(page) }
            byFile.replace(fileLog.entries, for: file.relativePath)
        }
        // A folder removed takes what its pages said with it.
        if changed.subtracting(present).contains(where: { !extensions.contains(ContentFolder.fileExtension($0)) }) {
            byFile.keep(only: Set(files.map(\.relativePath)))
        }
        return pages
    }

    /// One page from its file; nil (reported) when its front matter is broken.
    package static func load(_ file: SourceFile, log: inout DiagnosticLog) -> Page? {
        guard let source = MarkdownSource.read(file, keys: keys, log: &log) else { return nil }
        let meta = source.frontMatter
        guard let title = meta.string("title", required: true, log: &log) else { return nil }
        // pages/careers/asye.md -> careers/asye.html; a slug replaces only the file name.
        let inside = String(file.relativePath.dropFirst(folder.count + 1))
        var folders: [String] = []
        for name in inside.split(separator: "/").dropLast() {
            let slug = Slug.make(String(name))
            guard !slug.isEmpty else {
                log.error(file.location(),
                          "the folder '\(name)' has no letters or digits to make the page's address from; rename it",
                          code: "page-folder-slug")
                return nil
            }
            folders.append(slug)
        }
        guard let name = ContentSlug.read(source, kind: "page", log: &log) else { return nil }
        folders.append(name)
        return Page(
            source: source, title: title,
            description: meta.string("description", log: &log) ?? "",
            menuOrder: meta.int("menu", log: &log),
            menuTitle: meta.string("menu_title", log: &log) ?? title,
            outputPath: folders.joined(separator: "/") + ".html",
            template: meta.string("template", log: &log) ?? (folders == ["index"] ? "home" : "page"),
            highlights: PageHighlights.read(meta, log: &log)
        )
    }
}

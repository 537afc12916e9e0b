import Foundation
import QuorumSite

/// The last good build as the preview serves it, shared between the server's connections
/// (which read it) and the rebuilds (which replace it). Only files the build holds are
/// served: pages from memory, copied files read when asked for (`CopiedFile`).
final class ServedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: OutputFile] = [:]
    private var state = PreviewState(generation: 0, failed: true, summary: "not built yet", diagnostics: [])
    /// The folders copied files may be read from.
    let roots: [URL]

    init(roots: [URL]) {
        self.roots = roots
    }

    var current: PreviewState {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    /// A new build: its state, and its files when it succeeded (a failed build keeps the
    /// last good files served).
    func update(_ state: PreviewState, files newFiles: [OutputFile]?) {
        let byPath = newFiles.map { Dictionary($0.map { ($0.path.value, $0) }, uniquingKeysWith: { first, _ in first }) }
        lock.lock()
        self.state = state
        if let byPath { files = byPath }
        lock.unlock()
    }

    /// A new build that differs from the files served only in `changed` (same paths): only
    /// those are replaced, rather than every file of a large site.
    func update(_ state: PreviewState, changed: [OutputFile]) {
        lock.lock()
        self.state = state
        for file in changed { files[file.path.value] = file }
        lock.unlock()
    }

    /// The answer to a `GET` or `HEAD` of `requestPath` (already percent-decoded).
    func answer(_ requestPath: String, method: String, reload: LiveReload) -> PreviewAnswer {
        lock.lock()
        let files = self.files, state = self.state
        lock.unlock()
        switch requestPath {
        case PreviewPage.eventsPath where method == "GET":
            var first: [ServerEvent] = [.hello(state.generation)]
            if state.failed { first.append(.failed(state.json)) }
            guard let subscription = reload.subscribe(first: first) else {
                return .response(.text(.serviceUnavailable, "too many pages are open; this one retries in a second",
                                       extraHeaders: [("Retry-After", "1")]))
            }
            return .eventStream(subscription)
        case PreviewPage.statusPath:
            return .response(PreviewResponse(.ok, contentType: "application/json", body: Data(state.json.utf8)))
        default:
            return .response(respond(to: requestPath, files: files, state: state))
        }
    }

    /// The file for a request path: `/` is `index.html`, `/guides/` and `/guides` are
    /// `guides/index.html` when there is no file `guides`.
    private func respond(to requestPath: String, files: [String: OutputFile], state: PreviewState) -> PreviewResponse {
        var path = requestPath
        while path.hasPrefix("/") { path.removeFirst() }
        let candidates = path.isEmpty || path.hasSuffix("/") ? [path + "index.html"] : [path, path + "/index.html"]
        guard let file = candidates.lazy.compactMap({ files[$0] }).first else {
            let title = files.isEmpty ? "The site has not built yet" : "Not found: /\(path)"
            return PreviewResponse(files.isEmpty ? .serviceUnavailable : .notFound, contentType: "text/html; charset=utf-8",
                                   body: Data(PreviewPage.errorPage(title: title, state: state).utf8))
        }
        let type = PreviewPage.contentType(file.path.value)
        switch file.contents {
        case .text(let text):
            let body = type.hasPrefix("text/html") ? PreviewPage.inject(into: text, state: state) : text
            return PreviewResponse(.ok, contentType: type, body: Data(body.utf8))
        case .data(let data):
            return PreviewResponse(.ok, contentType: type, body: data)
        case .copy(let url):
            switch CopiedFile.contents(of: url, inside: roots) {
            case .contents(let data):
                return PreviewResponse(.ok, contentType: type, body: data)
            case .missing:
                return .text(.notFound, "/\(path) is no longer where the build found it")
            case .refused:
                return .text(.forbidden, "/\(path) is now a symbolic link (or inside one); the preview serves only the files the build read")
            }
        }
    }
}

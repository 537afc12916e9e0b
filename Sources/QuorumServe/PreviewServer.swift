import FlyingFox
import FlyingSocks
import Foundation
import QuorumCore

/// `quorum serve`: builds the site in memory, serves it on 127.0.0.1, watches the content
/// and templates folders, rebuilds on a change and tells the open pages to reload.
///
/// Nothing is written to the output folder: the served files are the last good build,
/// held in memory, so a broken edit keeps the previous pages served (with an overlay
/// showing what is wrong) until it is fixed. Files copied as they are (images, CSS) are
/// read from disk when asked for, so changing one needs only a reload, not a rebuild.
public actor PreviewServer {
    /// What the server tells its owner (the command line prints it).
    public enum Update: Sendable {
        /// A build finished: `report` says whether it failed. `changes` are the paths that
        /// started it (empty for the first build).
        case built(BuildReport, changes: [String])
        /// Only copied files changed: pages were told to reload without a rebuild.
        case reloaded(changes: [String])
    }

    public let options: BuildOptions
    public let requestedPort: UInt16
    private let pollInterval: Duration
    private let onUpdate: @Sendable (Update) -> Void

    private var server: HTTPServer?
    private var serverTask: Task<Void, any Error>?
    private var watchTask: Task<Void, Never>?
    private var keepAliveTask: Task<Void, Never>?
    private let reload = LiveReload()

    /// The last good build, by path in the output folder.
    private var files: [String: OutputFile] = [:]
    private var state = PreviewState(generation: 0, failed: true, summary: "not built yet", diagnostics: [])
    public private(set) var port: UInt16 = 0

    /// `port` 0 takes any free port (tests); `pollInterval` is how often the folders are looked at.
    public init(options: BuildOptions, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(250),
                onUpdate: @escaping @Sendable (Update) -> Void = { _ in }) {
        self.options = options
        self.requestedPort = port
        self.pollInterval = pollInterval
        self.onUpdate = onUpdate
    }

    /// The address of the site: `http://127.0.0.1:8000/`.
    public var url: String { "http://127.0.0.1:\(port)/" }

    /// The number of the latest build, failed or not (the first is 1).
    public var generation: Int { state.generation }

    /// Builds once, starts listening on 127.0.0.1 and starts watching. Returns when the
    /// server is listening; throws when the port cannot be had.
    public func start() async throws {
        let snapshot = FolderSnapshot(watched)
        await rebuild(changes: [])
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: requestedPort),
                                timeout: 30, logger: .disabled)
        await server.appendRoute(HTTPRoute(method: .GET, path: PreviewPage.eventsPath)) { [weak self] _ in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.eventStream()
        }
        await server.appendRoute(HTTPRoute(method: .GET, path: PreviewPage.statusPath)) { [weak self] _ in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                                      body: Data(self.state.json.utf8))
        }
        await server.appendRoute("GET *") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.respond(to: request.path)
        }
        await server.appendRoute("HEAD *") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            var response = await self.respond(to: request.path)
            response.payload = .httpBody(HTTPBodySequence())
            return response
        }
        self.server = server
        serverTask = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 5)
        } catch {
            serverTask?.cancel()
            if let failure = await serverTask?.result, case .failure(let reason) = failure { throw reason }
            throw error
        }
        if case .ip4(_, let bound) = await server.listeningAddress { port = bound }
        watchTask = Task { [weak self] in await self?.watch(from: snapshot) }
        keepAliveTask = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await self?.reload.send(.keepAlive)
            }
        }
    }

    /// Stops watching, closes the event streams and the server.
    public func stop() async {
        watchTask?.cancel()
        keepAliveTask?.cancel()
        await reload.finishAll()
        await server?.stop(timeout: 0.25)
        serverTask?.cancel()
        server = nil
    }

    private var watched: [URL] { [options.content, options.templates] }

    // MARK: Watching and building

    private func watch(from start: FolderSnapshot) async {
        var last = start
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            var current = FolderSnapshot(watched)
            guard current != last else { continue }
            // An editor may write a file in several steps: wait until the folders are still.
            for _ in 0..<10 {
                try? await Task.sleep(for: .milliseconds(50))
                let again = FolderSnapshot(watched)
                if again == current { break }
                current = again
            }
            let changes = current.changes(since: last)
            last = current
            if changes.onlyCopiedFilesChanged && !state.failed {
                await reload.send(.reload(state.generation))
                onUpdate(.reloaded(changes: changes.all))
            } else {
                await rebuild(changes: changes.all)
            }
        }
    }

    /// Builds in memory, off the server's actor; keeps the last good files if it failed.
    private func rebuild(changes: [String]) async {
        let options = self.options
        let rendered = await Task.detached { SiteBuild.render(options) }.value
        let report = rendered.report
        let summary = "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))"
        state = PreviewState(generation: state.generation + 1, failed: report.failed, summary: summary,
                             diagnostics: report.diagnostics)
        if report.failed {
            await reload.send(.failed(state.json))
        } else {
            files = Dictionary(rendered.files.map { ($0.path.value, $0) }, uniquingKeysWith: { first, _ in first })
            await reload.send(.reload(state.generation))
        }
        onUpdate(.built(report, changes: changes))
    }

    // MARK: Answering requests

    private func eventStream() async -> HTTPResponse {
        var first: [ServerEvent] = [.hello(state.generation)]
        if state.failed { first.append(.failed(state.json)) }
        let bytes = await reload.subscribe(first: first)
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: bytes)
        )
    }

    /// The file for a request path: `/` is `index.html`, `/guides/` and `/guides` are
    /// `guides/index.html` when there is no file `guides`.
    func respond(to requestPath: String) -> HTTPResponse {
        var path = requestPath
        while path.hasPrefix("/") { path.removeFirst() }
        let candidates = path.isEmpty || path.hasSuffix("/") ? [path + "index.html"] : [path, path + "/index.html"]
        guard let file = candidates.lazy.compactMap({ self.files[$0] }).first else {
            let title = files.isEmpty ? "The site has not built yet" : "Not found: /\(path)"
            return HTTPResponse(statusCode: files.isEmpty ? .serviceUnavailable : .notFound,
                                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(PreviewPage.errorPage(title: title, state: state).utf8))
        }
        let type = PreviewPage.contentType(file.path.value)
        let body: Data
        switch file.contents {
        case .text(let text):
            body = Data((type.hasPrefix("text/html") ? PreviewPage.inject(into: text, state: state) : text).utf8)
        case .data(let data):
            body = data
        case .copy(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.cacheControl: "no-store"]))
            }
            body = data
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    private func count(_ number: Int, _ word: String) -> String {
        "\(number) \(word)\(number == 1 ? "" : "s")"
    }
}

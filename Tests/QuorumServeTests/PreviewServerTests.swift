import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
@testable import QuorumServe
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport
#endif

/// `quorum serve` end to end: a real server on a free loopback port, real HTTP requests,
/// a real event stream, and real edits to a content folder. Every wait has a deadline.
@Suite("The preview server", .timeLimit(.minutes(5)))
struct PreviewServerTests {
    struct Site {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var output: URL { root.appendingPathComponent("public") }
    }

    func makeSite() throws -> Site {
        let root = TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"),
                                         to: root.appendingPathComponent("Content"))
        return Site(root: root)
    }

    func start(_ site: Site) async throws -> PreviewServer {
        let server = PreviewServer(options: BuildOptions(content: site.content, templates: TestPaths.templates,
                                                       output: site.output, asOf: testDate), port: 0,
                                   pollInterval: .milliseconds(40))
        try await server.start()
        return server
    }

    func get(_ url: String) async throws -> (status: Int, body: String, type: String?) {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 5)
        request.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
    }

    func edit(_ site: Site, _ path: String, _ text: String) {
        writeTree([path: text], in: site.content)
    }

    @Test func servesTheBuildWithTheReloadScriptOnlyInServedPages() async throws {
        let site = try makeSite()
        defer { TestPaths.remove(site.root) }
        let server = try await start(site)
        let base = await server.url
        let home = try await get(base)
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("Hello from the fixture"))
        #expect(home.body.contains("new EventSource(\"/__quorum/events\")"))
        #expect(try await get(base + "guides/asye.html").body.contains("The ASYE programme"))
        #expect(try await get(base + "assets/quorum.css").type == "text/css; charset=utf-8")
        #expect(try await get(base + "media/pixel.gif").type == "image/gif")
        #expect(try await get(base + "missing.html").status == 404)
        await server.stop()
        // serve builds in memory: nothing is written, so no reload script can reach public/.
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("quorum-build.json").path))
    }

    @Test func aChangeRebuildsAndReloadsAndABrokenEditKeepsTheLastGoodBuild() async throws {
        let site = try makeSite()
        defer { TestPaths.remove(site.root) }
        let server = try await start(site)
        defer { Task { await server.stop() } }
        let port = await server.port
        let events = try EventStreamClient(port: port)
        defer { events.close() }
        #expect(try await events.waitFor("event: hello\ndata: 1\n"))

        edit(site, "pages/index.md", "---\ntitle: Welcome\nmenu: 1\n---\nFreshly edited text. Read the [guide](guides/asye.html#what-you-get).\n")
        #expect(try await events.waitFor("event: reload\ndata: 2\n"))
        let edited = try await get(await server.url)
        #expect(edited.body.contains("Freshly edited text."))
        #expect(!edited.body.contains("id=\"quorum-error-overlay\""))

        // A broken link: the build fails, the page stays as it was and shows the error.
        edit(site, "pages/index.md", "---\ntitle: Welcome\nmenu: 1\n---\nBroken: [guide](guides/asey.html).\n")
        #expect(try await events.waitFor("event: failed\n"))
        #expect(try events.received.contains("\"code\":\"broken-link\""))
        let broken = try await get(await server.url)
        #expect(broken.body.contains("Freshly edited text."), "the last good build is still served")
        #expect(broken.body.contains("id=\"quorum-error-overlay\""))
        #expect(broken.body.contains("pages/index.md:5:9: error: link &#39;guides/asey.html&#39;")
                || broken.body.contains("pages/index.md:5:9: error: link 'guides/asey.html'"), "\(broken.body)")
        let status = try await get(await server.url + "__quorum/status")
        #expect(status.body.contains("\"ok\":false"))

        // Fixed again: reloads with the new text and no overlay.
        edit(site, "pages/index.md", "---\ntitle: Welcome\nmenu: 1\n---\nFixed.\n")
        #expect(try await events.waitForNext("event: reload\n"), "\(events.received)")
        let fixed = try await get(await server.url)
        #expect(fixed.body.contains("Fixed."))
        #expect(!fixed.body.contains("id=\"quorum-error-overlay\""))
    }

    @Test func theTextOfAPageRendersOnlyThatPageAndReloads() async throws {
        let site = try makeSite()
        defer { TestPaths.remove(site.root) }
        let kinds = KindsSeen()
        let server = PreviewServer(options: BuildOptions(content: site.content, templates: TestPaths.templates,
                                                       output: site.output, asOf: testDate), port: 0,
                                   pollInterval: .milliseconds(40)) { update in
            if case .built(_, _, let kind) = update { kinds.append(kind) }
        }
        try await server.start()
        defer { Task { await server.stop() } }
        let events = try EventStreamClient(port: await server.port)
        defer { events.close() }
        #expect(try await events.waitFor("event: hello\ndata: 1\n"))
        let guide = try String(contentsOf: site.content.appendingPathComponent("pages/guides/asye.md"), encoding: .utf8)
        edit(site, "pages/guides/asye.md", guide + "\nA line written in the preview.\n")
        #expect(try await events.waitForNext("event: reload\n"), "\(events.received)")
        #expect(try await get(await server.url + "guides/asye.html").body.contains("A line written in the preview."))
        #expect(kinds.all.first == .full)
        #expect(kinds.all.dropFirst().allSatisfy { $0 == .pages(["pages/guides/asye.md"]) }, "\(kinds.all)")
    }

    /// How each build of a server was made, as its updates say.
    final class KindsSeen: @unchecked Sendable {
        private let lock = NSLock()
        private var kinds: [IncrementalBuild.Kind] = []
        func append(_ kind: IncrementalBuild.Kind) { lock.withLock { kinds.append(kind) } }
        var all: [IncrementalBuild.Kind] { lock.withLock { kinds } }
    }

    @Test func aChangedImageOnlyReloads() async throws {
        let site = try makeSite()
        defer { TestPaths.remove(site.root) }
        let server = try await start(site)
        defer { Task { await server.stop() } }
        let events = try EventStreamClient(port: await server.port)
        defer { events.close() }
        #expect(try await events.waitFor("event: hello\ndata: 1\n"))
        try Data([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01]).write(to: site.content.appendingPathComponent("media/pixel.gif"))
        // No rebuild (the build number stays 1), but the pages reload and see the new file.
        #expect(try await events.waitFor("event: reload\ndata: 1\n"))
        #expect(try await get(await server.url + "media/pixel.gif").body.utf8.count == 7)
    }

    @Test func theFirstBuildFailingServesTheErrors() async throws {
        let site = try makeSite()
        defer { TestPaths.remove(site.root) }
        edit(site, "pages/index.md", "---\ntitle: [broken\n---\n")
        let server = try await start(site)
        defer { Task { await server.stop() } }
        let page = try await get(await server.url)
        #expect(page.status == 503)
        #expect(page.body.contains("invalid YAML"))
        #expect(page.body.contains("quorum-error-overlay"))
    }
}

/// Reads a `text/event-stream` over a plain socket, as a browser's EventSource does.
final class EventStreamClient: @unchecked Sendable {
    /// The loopback connection (LoopbackClient connects, and closes when this client goes).
    private let connection: LoopbackClient
    private var socket: Int32 { connection.socket }
    private(set) var buffer = ""

    init(port: UInt16) throws {
        connection = try LoopbackClient(port: port)
        let request = "GET /__quorum/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
    }

    /// Everything received so far.
    var received: String { buffer }

    /// Reads until `text` has arrived (true) or `seconds` have passed (false). The socket
    /// is read without blocking, so the server in this process keeps its threads.
    func waitFor(_ text: String, seconds: Double = 10) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 4096)
        // The deadline is checked after each read, so a test starved of threads by a busy
        // machine still reads what arrived before giving up.
        while !buffer.contains(text) {
            let count = recv(socket, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                buffer += String(decoding: chunk[0..<count], as: UTF8.self)
            } else if count == 0 {
                return buffer.contains(text)
            } else if Date() >= deadline {
                return false
            } else {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        return true
    }

    /// Reads until `text` arrives after everything received so far: the next event of a
    /// kind, whatever its number (a loaded machine may split one save into two rebuilds).
    func waitForNext(_ text: String, seconds: Double = 10) async throws -> Bool {
        let start = buffer.utf8.count
        func arrived() -> Bool { String(decoding: buffer.utf8.dropFirst(start), as: UTF8.self).contains(text) }
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !arrived() {
            let count = recv(socket, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                buffer += String(decoding: chunk[0..<count], as: UTF8.self)
            } else if count == 0 || Date() >= deadline {
                return arrived()
            } else {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        return true
    }

    /// Ends the stream now, as a closed browser tab does; the descriptor is closed with the connection.
    func close() { shutdown(socket, Int32(SHUT_RDWR)) }
}

import Foundation
import Testing
@testable import QuorumServe
import QuorumSiteTestSupport
@testable import QuorumSupport
import QuorumTestSupport

/// The preview server under abuse, probed on loopback with `LoopbackClient`: each limit is
/// answered with its HTTP status, quickly, and the server keeps serving a well-behaved
/// client afterwards. Small limits keep every test to a second or two.
@Suite("The preview server's limits", .timeLimit(.minutes(5)))
struct PreviewServerLimitsTests {
    func withServer(limits: HTTPLimits = HTTPLimits(), hostNames: [String] = [],
                    _ body: (PreviewServer, UInt16) async throws -> Void) async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"),
                                         to: root.appendingPathComponent("Content"))
        let server = PreviewServer(options: options(content: root.appendingPathComponent("Content"),
                                                    output: root.appendingPathComponent("public")),
                                   port: 0, hostNames: hostNames, limits: limits)
        try await server.start()
        do {
            try await body(server, await server.port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A plain `GET /` still works: the server did not stop answering.
    func expectStillServing(_ port: UInt16, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let response = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port), seconds: 10)
        #expect(response?.status == 200, sourceLocation: sourceLocation)
        #expect(response?.body.contains("Hello from the fixture") == true, sourceLocation: sourceLocation)
    }

    @Test func aTwoMegabytePathIs414AtOnce() async throws {
        try await withServer { _, port in
            let started = ContinuousClock.now
            let path = "/" + String(repeating: "a", count: 2 * 1024 * 1024)
            let response = try await LoopbackClient(port: port).exchange(LoopbackClient.get(path, port: port))
            #expect(response?.status == 414)
            #expect(response?.headers["connection"] == "close")
            #expect(ContinuousClock.now - started < .seconds(10))
            try await expectStillServing(port)
        }
    }

    @Test func anEightMegabyteHeaderIs431() async throws {
        try await withServer { _, port in
            let big = "X-Big: " + String(repeating: "b", count: 8 * 1024 * 1024) + "\r\n"
            let response = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port, extra: big))
            #expect(response?.status == 431)
            // Many small header lines add up the same way.
            let many = String(repeating: "X-Small: 0123456789\r\n", count: 1_000)
            #expect(try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port, extra: many))?.status == 431)
            try await expectStillServing(port)
        }
    }

    @Test func aBodyIsRefusedWith413WithoutReadingIt() async throws {
        try await withServer { _, port in
            let post = Data("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 107374182400\r\n\r\n".utf8)
            let response = try await LoopbackClient(port: port).exchange(post)
            #expect(response?.status == 413)
            #expect(response?.body.contains("accepts no request bodies") == true)
            let chunked = LoopbackClient.get("/", port: port, extra: "Transfer-Encoding: chunked\r\n")
            #expect(try await LoopbackClient(port: port).exchange(chunked)?.status == 413)
            // A body of nothing is no body; other methods are 405 with what is allowed.
            #expect(try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port, extra: "Content-Length: 0\r\n"))?.status == 200)
            let delete = Data("DELETE / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
            let refused = try await LoopbackClient(port: port).exchange(delete)
            #expect(refused?.status == 405)
            #expect(refused?.headers["allow"] == "GET, HEAD")
            try await expectStillServing(port)
        }
    }

    @Test func aHeadThatDoesNotFinishIs408AndAnIdleConnectionIsClosed() async throws {
        var limits = HTTPLimits()
        limits.headerTimeout = .milliseconds(300)
        limits.idleTimeout = .milliseconds(300)
        try await withServer(limits: limits) { _, port in
            let slow = try LoopbackClient(port: port)
            slow.sendOnly("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
            var answer = ""
            #expect(try await slow.waitForClose(seconds: 3, received: &answer))
            #expect(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(answer)")

            // A connection that never sends anything is closed without an answer.
            let idle = try LoopbackClient(port: port)
            var nothing = ""
            #expect(try await idle.waitForClose(seconds: 3, received: &nothing))
            #expect(nothing.isEmpty)

            // So is a kept-alive one after its response, once it has idled.
            let kept = try LoopbackClient(port: port)
            #expect(try await kept.exchange(LoopbackClient.get("/", port: port))?.status == 200)
            var after = ""
            #expect(try await kept.waitForClose(seconds: 3, received: &after))
            #expect(after.isEmpty)
            try await expectStillServing(port)
        }
    }

    @Test func twoHundredConcurrentGetsAreAllAnswered() async throws {
        try await withServer { _, port in
            let answers = try await LoopbackClient.concurrently(200, port: port, request: LoopbackClient.get("/", port: port), seconds: 20)
            #expect(answers.filter { $0 == 200 }.count == 200)
            try await expectStillServing(port)
        }
    }

    @Test func pastTheCapTheLongestWaitingConnectionMakesRoom() async throws {
        var limits = HTTPLimits()
        limits.connections = 8
        try await withServer(limits: limits) { server, port in
            // Slow half-open connections, far more than the cap: each sends part of a head.
            var slow: [LoopbackClient] = []
            for _ in 0..<30 {
                let client = try LoopbackClient(port: port)
                client.sendOnly("GET / HTTP/1.1\r\n")
                slow.append(client)
            }
            try await expectStillServing(port)
            // The server holds no more than its cap (plus the one being closed, briefly).
            try await Task.sleep(for: .milliseconds(100))
            #expect(await server.openConnections <= limits.connections + 1)
            var received = ""
            #expect(try await slow[0].waitForClose(seconds: 1, received: &received), "the oldest was closed to make room")
        }
    }

    @Test func whenEveryConnectionIsBusyANewOneIs503() async throws {
        var limits = HTTPLimits()
        limits.connections = 3
        try await withServer(limits: limits) { _, port in
            // Open pages' event streams are busy connections: never closed to make room.
            var streams: [EventStreamClient] = []
            for _ in 0..<3 {
                let stream = try EventStreamClient(port: port)
                #expect(try await stream.waitFor("event: hello\n", seconds: 10))
                streams.append(stream)
            }
            let response = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port))
            #expect(response?.status == 503)
            #expect(response?.headers["retry-after"] == "1")
            streams.forEach { $0.close() }
            // Once the pages are gone, the server answers again.
            var answered = false
            for _ in 0..<50 where !answered {
                answered = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port))?.status == 200
                if !answered { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(answered)
        }
    }

    @Test func eventStreamsPastTheirLimitAre503() async throws {
        var limits = HTTPLimits()
        limits.eventStreams = 2
        try await withServer(limits: limits) { _, port in
            let first = try EventStreamClient(port: port), second = try EventStreamClient(port: port)
            defer { first.close(); second.close() }
            #expect(try await first.waitFor("event: hello\n", seconds: 10))
            #expect(try await second.waitFor("event: hello\n", seconds: 10))
            let third = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/__quorum/events", port: port))
            #expect(third?.status == 503)
            try await expectStillServing(port)
        }
    }

    @Test func onlyHostsNamingTheServerAreAnswered() async throws {
        try await withServer(hostNames: ["Preview.Test"]) { _, port in
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "LOCALHOST:\(port)", "localhost.:\(port)",
                         "preview.test:\(port)", "127.0.0.1"] {
                let response = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port, host: host))
                #expect(response?.status == 200, "Host: \(host)")
            }
            // DNS rebinding: a page on another site whose name now points at 127.0.0.1.
            for host in ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost:\(port &+ 1)",
                         "[::2]:\(port)", "127.0.0.1:\(port)@evil.example"] {
                let response = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/", port: port, host: host))
                #expect(response?.status == 421, "Host: \(host)")
                #expect(response?.body.contains("answers only for 127.0.0.1:\(port), localhost:\(port), [::1]:\(port), preview.test:\(port)") == true)
                #expect(response?.body.contains("Hello from the fixture") == false)
            }
            let noHost = Data("GET / HTTP/1.1\r\n\r\n".utf8)
            #expect(try await LoopbackClient(port: port).exchange(noHost)?.status == 400)
            let twoHosts = LoopbackClient.get("/", port: port, extra: "Host: evil.example\r\n")
            #expect(try await LoopbackClient(port: port).exchange(twoHosts)?.status == 400)
        }
    }

    @Test func aCopiedFileReplacedByASymbolicLinkIsNotServed() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("sites/valid/Content"), to: content)
        try Data("secret outside the site".utf8).write(to: root.appendingPathComponent("secret.txt"))
        // Polled rarely, so that the link is met by the server and not by a rebuild.
        let server = PreviewServer(options: options(content: content, output: root.appendingPathComponent("public")),
                                   port: 0, pollInterval: .seconds(30), useInotify: false)
        try await server.start()
        defer { Task { await server.stop() } }
        let port = await server.port
        #expect(try await LoopbackClient(port: port).exchange(LoopbackClient.get("/media/pixel.gif", port: port))?.status == 200)

        let pixel = content.appendingPathComponent("media/pixel.gif")
        try FileManager.default.removeItem(at: pixel)
        try FileManager.default.createSymbolicLink(atPath: pixel.path, withDestinationPath: root.appendingPathComponent("secret.txt").path)
        let linked = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/media/pixel.gif", port: port))
        #expect(linked?.status == 403)
        #expect(linked?.body.contains("secret") == false)

        // A folder swapped for a link to elsewhere is refused the same way.
        try FileManager.default.removeItem(at: pixel)
        let outside = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("secret outside the site".utf8).write(to: outside.appendingPathComponent("pixel.gif"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("media"))
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("media").path, withDestinationPath: outside.path)
        let throughFolder = try await LoopbackClient(port: port).exchange(LoopbackClient.get("/media/pixel.gif", port: port))
        #expect(throughFolder?.status == 403)
        #expect(throughFolder?.body.contains("secret") == false)
    }
}

import FlyingFox
import Foundation
import Testing
@testable import QuorumSite
@testable import QuorumSupport

/// External links are checked against a server on 127.0.0.1 only: never the network.
@Suite("External link checking")
struct ExternalLinkCheckerTests {
    /// A loopback server answering /ok (200), /gone (404), /no-head (405 to HEAD, 200 to
    /// GET), /redirect (301 to /ok) and /slow (answers after 20 s).
    func withServer(_ body: (String) async throws -> Void) async throws {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
        await server.appendRoute("/ok") { _ in HTTPResponse(statusCode: .ok) }
        await server.appendRoute("/gone") { _ in HTTPResponse(statusCode: .notFound) }
        await server.appendRoute("/redirect") { _ in HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/ok"]) }
        await server.appendRoute("/no-head") { request in
            HTTPResponse(statusCode: request.method == .HEAD ? .methodNotAllowed : .ok)
        }
        await server.appendRoute("/slow") { _ in
            try await Task.sleep(for: .seconds(20))
            return HTTPResponse(statusCode: .ok)
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        // Not FlyingFox's default of 5 s: while the whole suite runs on a loaded 2-core machine,
        // the server's task can wait that long for a thread of the cooperative pool.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            Issue.record("no port")
            return
        }
        try await body("http://127.0.0.1:\(port)")
        await server.stop(timeout: 0)
    }

    func link(_ url: String, line: Int) -> ExternalLink {
        ExternalLink(url: url, locations: [SourceLocation(path: "Content/pages/index.md", line: line)])
    }

    @Test(.timeLimit(.minutes(5)))
    func reportsFailingLinksAsWarningsAtEveryPlace() async throws {
        try await withServer { base in
            let links = [
                link("\(base)/ok", line: 1), link("\(base)/gone", line: 2), link("\(base)/no-head", line: 3),
                link("\(base)/redirect", line: 4), link("\(base)/slow", line: 5),
                ExternalLink(url: "\(base)/gone?twice", locations: [
                    SourceLocation(path: "Content/pages/a.md", line: 7), SourceLocation(path: "Content/pages/b.md", line: 9),
                ]),
            ]
            let clock = ContinuousClock(), start = clock.now
            // A timeout well above what a loaded 2-core machine needs for a loopback answer,
            // and well below the slow link's 20 s.
            let found = await ExternalLinkChecker(timeout: 4, maxRequests: 10, concurrency: 3).check(links)
            #expect(clock.now - start < .seconds(15), "the timeout bounds the slow link")
            #expect(found.allSatisfy { $0.severity == .warning && $0.code == "external-link" })
            #expect(found.map { "\($0.location.path.split(separator: "/").last!):\($0.location.line)" }
                    == ["a.md:7", "b.md:9", "index.md:2", "index.md:5"])
            #expect(found.first { $0.location.line == 2 }?.message == "external link '\(base)/gone' answered HTTP 404")
            #expect(found.first { $0.location.line == 5 }?.message.contains("did not answer within 4 s") == true,
                    "\(found.map(\.message))")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func checksAtMostTheLimitAndSaysSo() async throws {
        try await withServer { base in
            let links = (1...3).map { link("\(base)/ok?\($0)", line: $0) }
            let found = await ExternalLinkChecker(timeout: 2, maxRequests: 1).check(links)
            #expect(found.map(\.code) == ["external-link-limit"])
            #expect(found.first?.message == "2 external links were not checked: the limit is 1 requests (--external-limit)")
            #expect(found.first?.location.line == 2)
        }
    }
}

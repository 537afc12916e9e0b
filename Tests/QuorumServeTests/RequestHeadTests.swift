import Foundation
import Testing
@testable import QuorumServe

/// Reading a request's head within the limits, one byte at a time or all at once.
@Suite("Reading a request head")
struct RequestHeadTests {
    func scan(_ text: String, limits: HTTPLimits = HTTPLimits(), inPiecesOf size: Int? = nil) -> RequestHeadScanner.Outcome {
        var scanner = RequestHeadScanner(limits: limits)
        let bytes = Array(text.utf8)
        guard let size else { return scanner.scan(bytes) }
        var outcome = RequestHeadScanner.Outcome.incomplete
        var end = 0
        while end < bytes.count, outcome == .incomplete {
            end = min(bytes.count, end + size)
            outcome = scanner.scan(Array(bytes[..<end]))
        }
        return outcome
    }

    @Test func aHeadEndsAtItsBlankLineAndTheNextRequestFollows() {
        let two = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n"
        let end = "GET /a HTTP/1.1\r\nHost: x\r\n".utf8.count
        #expect(scan(two) == .complete(headEnd: end, next: end + 2))
        #expect(scan(two, inPiecesOf: 1) == .complete(headEnd: end, next: end + 2))
        #expect(scan("GET /a HTTP/1.1\nHost: x\n\n") == .complete(headEnd: 24, next: 25))
        #expect(scan("GET /a HTTP/1.1\r\nHost: x\r\n") == .incomplete)
    }

    @Test func limitsAreKeptWhateverThePieces() {
        var limits = HTTPLimits()
        limits.requestLine = 32
        limits.headers = 64
        let longLine = "GET /" + String(repeating: "a", count: 40)
        for pieces in [nil, 1, 7] as [Int?] {
            #expect(scan(longLine, limits: limits, inPiecesOf: pieces) == .refused(HTTPRefusal(.uriTooLong, "the request line is longer than 32 bytes")))
            #expect(scan(longLine + " HTTP/1.1\r\n\r\n", limits: limits, inPiecesOf: pieces)
                    == .refused(HTTPRefusal(.uriTooLong, "the request line is longer than 32 bytes")))
            let manyHeaders = "GET / HTTP/1.1\r\n" + String(repeating: "X-A: 0123456789\r\n", count: 5)
            #expect(scan(manyHeaders, limits: limits, inPiecesOf: pieces)
                    == .refused(HTTPRefusal(.headerFieldsTooLarge, "the header lines are longer than 64 bytes together")))
        }
        // Exactly at the limits is fine.
        let atLimit = "GET /" + String(repeating: "a", count: 18) + " HTTP/1.1\r\n" + String(repeating: "X", count: 61) + ":\r\n\r\n"
        for pieces in [nil, 1, 7] as [Int?] {
            if case .complete = scan(atLimit, limits: limits, inPiecesOf: pieces) {} else { Issue.record("a head at the limits was refused") }
        }
        let overLine = "GET /" + String(repeating: "a", count: 19) + " HTTP/1.1\r\n\r\n"
        #expect(scan(overLine, limits: limits) == .refused(HTTPRefusal(.uriTooLong, "the request line is longer than 32 bytes")))
        let overHeaders = "GET / HTTP/1.1\r\n" + String(repeating: "X", count: 62) + ":\r\n\r\n"
        #expect(scan(overHeaders, limits: limits) == .refused(HTTPRefusal(.headerFieldsTooLarge, "the header lines are longer than 64 bytes together")))
    }

    @Test func aHugeRequestLineIsRefusedAfterReadingOnlyTheLimit() {
        // Linear: two megabytes are refused by looking at the first few kilobytes only.
        let started = ContinuousClock.now
        var scanner = RequestHeadScanner(limits: HTTPLimits())
        var bytes = Array("GET /".utf8)
        var outcome = RequestHeadScanner.Outcome.incomplete
        while outcome == .incomplete, bytes.count < 2 * 1024 * 1024 {
            bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 4096)
            outcome = scanner.scan(bytes)
        }
        #expect(outcome == .refused(HTTPRefusal(.uriTooLong, "the request line is longer than 4096 bytes")))
        #expect(bytes.count <= 8192)
        #expect(ContinuousClock.now - started < .milliseconds(100))
    }

    @Test func parsingTheHead() throws {
        let head = try RequestHead.parse(ArraySlice("\r\nGET /guides/a%20b.html?x=1 HTTP/1.1\r\nHost: localhost:8000\r\nConnection: keep-alive, Close\r\n".utf8)).get()
        #expect(head.method == "GET")
        #expect(head.path == "/guides/a b.html")
        #expect(head.values("host") == ["localhost:8000"])
        #expect(!head.keepsAlive)
        #expect(try RequestHead.parse(ArraySlice("GET / HTTP/1.1\r\n".utf8)).get().keepsAlive)
        #expect(try RequestHead.parse(ArraySlice("GET / HTTP/1.0\r\n".utf8)).get().keepsAlive == false)
        #expect(try RequestHead.parse(ArraySlice("GET http://evil/ HTTP/1.1\r\n".utf8)).get().path == nil)
        #expect(RequestHead.parse(ArraySlice("GET / HTTP/2.0\r\n".utf8)) == .failure(HTTPRefusal(.versionNotSupported, "only HTTP/1.1 and HTTP/1.0 are served")))
        for bad in ["GET /\r\n", "GET  / HTTP/1.1\r\n", "GET / HTTP/1.1\r\n folded\r\n", "GET / HTTP/1.1\r\nNo colon\r\n", "G(T / HTTP/1.1\r\n"] {
            if case .success = RequestHead.parse(ArraySlice(bad.utf8)) { Issue.record("accepted \(bad.debugDescription)") }
        }
    }

    @Test func hostNamesAreCheckedWithThePort() {
        let check = HostCheck(port: 8000, extraNames: ["Preview.Example."])
        for good in ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "preview.example:8000", "localhost", "LocalHost.:8000"] {
            #expect(check.allows(good), "\(good)")
        }
        for bad in ["evil.example:8000", "localhost:8001", "[::1]x", "127.0.0.2:8000", "", "localhost:80000", "[::1]:8000x"] {
            #expect(!check.allows(bad), "\(bad)")
        }
    }
}

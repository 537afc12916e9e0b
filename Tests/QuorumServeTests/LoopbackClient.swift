import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP client on 127.0.0.1 only, for probing the preview server's limits: it sends
/// exactly the bytes a test gives (however malformed or large), reads without blocking, and
/// gives up at a deadline, so no test can hang or reach any other address.
final class LoopbackClient: @unchecked Sendable {
    let socket: Int32

    /// A parsed response, or what arrived when the server closed without one.
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    }

    deinit { Glibc.close(socket) }

    /// A `GET` of `path` with a `Host` naming the server, unless told otherwise.
    static func get(_ path: String, port: UInt16, host: String? = nil, extra: String = "") -> Data {
        Data("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(extra)\r\n".utf8)
    }

    /// Sends `request` (stopping quietly when the server stops reading) while reading the
    /// answer; returns the first complete response, or nil if none came by the deadline or
    /// before the server closed.
    func exchange(_ request: Data, seconds: Double = 5) async throws -> Response? {
        let deadline = Date().addingTimeInterval(seconds)
        var sent = 0, sending = true
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // The deadline is checked after each attempt, so a test starved of threads by a
        // busy machine still reads what the server sent before giving up.
        while true {
            var progressed = false
            if sending && sent < request.count {
                let count = request.withUnsafeBytes { raw in
                    send(socket, raw.baseAddress! + sent, min(raw.count - sent, 65_536), Int32(MSG_DONTWAIT | MSG_NOSIGNAL))
                }
                if count > 0 { sent += count; progressed = true } else if errno != EAGAIN { sending = false }
            }
            let count = recv(socket, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                received += chunk[0..<count]
                progressed = true
                if let response = Self.parse(received, complete: false) { return response }
            } else if count == 0 || errno != EAGAIN {
                return Self.parse(received, complete: true)
            }
            if Date() >= deadline { return nil }
            if !progressed { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// `count` clients at once, each sending `request` and reading its answer, on one
    /// thread of its own (not the shared test threads): the statuses, nil for any that got
    /// no whole response within `seconds`.
    static func concurrently(_ count: Int, port: UInt16, request: Data, seconds: Double) async throws -> [Int?] {
        let clients = try (0..<count).map { _ in try LoopbackClient(port: port) }
        return await withCheckedContinuation { done in
            Thread {
                let deadline = Date().addingTimeInterval(seconds)
                var received = [[UInt8]](repeating: [], count: count)
                var statuses = [Int?](repeating: nil, count: count)
                var open = Set(0..<count)
                for client in clients {
                    _ = request.withUnsafeBytes { send(client.socket, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
                }
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while !open.isEmpty, Date() < deadline {
                    var ready = open.map { pollfd(fd: clients[$0].socket, events: Int16(POLLIN), revents: 0) }
                    guard poll(&ready, nfds_t(ready.count), 100) > 0 else { continue }
                    for entry in ready where entry.revents != 0 {
                        guard let index = clients.firstIndex(where: { $0.socket == entry.fd }) else { continue }
                        let got = recv(entry.fd, &chunk, chunk.count, Int32(MSG_DONTWAIT))
                        if got > 0 { received[index] += chunk[0..<got] }
                        if let response = parse(received[index], complete: got <= 0) {
                            statuses[index] = response.status
                            open.remove(index)
                        } else if got == 0 {
                            open.remove(index)
                        }
                    }
                }
                done.resume(returning: statuses)
            }.start()
        }
    }

    /// Sends bytes and nothing else (a slow client's first part).
    func sendOnly(_ bytes: String) {
        _ = bytes.withCString { send(socket, $0, strlen($0), Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
    }

    /// Waits for the server to close the connection: true when it did within `seconds`
    /// (`received` holds what it sent first).
    func waitForClose(seconds: Double, received: inout String) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &chunk, chunk.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                received += String(decoding: chunk[0..<count], as: UTF8.self)
            } else if count == 0 || errno != EAGAIN {
                return true
            } else if Date() >= deadline {
                return false
            } else {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// A response when `bytes` hold one whole (its head and `Content-Length` bytes), or,
    /// when the connection has ended (`complete`), whatever head arrived.
    static func parse(_ bytes: [UInt8], complete: Bool) -> Response? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = String(text[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), body.utf8.count < length, !complete { return nil }
        return Response(status: status, headers: headers, body: body)
    }
}

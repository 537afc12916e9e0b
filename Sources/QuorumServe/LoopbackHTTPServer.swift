import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview's HTTP/1.1 server: one listening socket on 127.0.0.1 and one thread per
/// connection, with every limit of `HTTPLimits` enforced before a request reaches `answer`.
///
/// Why not FlyingFox (which served the preview before): its request decoder reads the
/// request line and headers without any limit (and re-scans them, so a 16 KB path costs
/// 0.15 s of CPU on the shared threads), reads any announced body, has no idle or header
/// timeout and no connection cap, and it accepts the sockets itself, so nothing can stand
/// in front of it on the same socket. The preview needs much less than a general server:
/// `GET` and `HEAD` of files held in memory, no bodies, and one long-lived event stream
/// per open page; this loop does just that, bounded. Threads (not the shared cooperative
/// pool) keep one slow client from holding up the others on a 2-core machine.
final class LoopbackHTTPServer: @unchecked Sendable {
    typealias Answer = @Sendable (_ head: RequestHead, _ path: String) -> PreviewAnswer

    let limits: HTTPLimits
    let port: UInt16
    let hostCheck: HostCheck
    private let answer: Answer
    private let listener: Int32

    private let lock = NSLock()
    private var connections: [Int: Connection] = [:]
    private var nextID = 0
    private var stopping = false
    private var acceptThreadDone = false

    /// One open connection, as the accepting thread sees it (to choose one to close).
    /// Its fields are read and written under the server's lock.
    private final class Connection: @unchecked Sendable {
        let socket: Int32
        /// When it started waiting for a request; nil while a request is answered or a
        /// stream is open (those are never closed to make room).
        var waitingSince: ContinuousClock.Instant?
        var evicted = false

        init(socket: Int32) {
            self.socket = socket
            waitingSince = .now
        }
    }

    /// Listens on 127.0.0.1:`port` (0: any free port); throws the system's error when the
    /// port cannot be had.
    init(port: UInt16, hostNames: [String], limits: HTTPLimits, answer: @escaping Answer) throws {
        self.limits = limits
        self.answer = answer
        let listener = try LoopbackSocket.listen(port: port)
        self.listener = listener
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
        hostCheck = HostCheck(port: self.port, extraNames: hostNames)
        let thread = Thread { [self] in acceptConnections() }
        thread.name = "quorum-serve-accept"
        thread.start()
    }

    /// The number of open connections (tests watch it fall back).
    var openConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections.count
    }

    /// Stops accepting, closes every connection and waits (two seconds at most) until all
    /// are gone, on a thread of its own rather than one of the shared cooperative ones.
    func stop() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread { [self] in
                stopAndWait()
                done.resume()
            }.start()
        }
    }

    private func stopAndWait() {
        lock.lock()
        stopping = true
        for connection in connections.values { shutdown(connection.socket, Int32(SHUT_RDWR)) }
        lock.unlock()
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline {
            lock.lock()
            let done = acceptThreadDone && connections.isEmpty
            lock.unlock()
            if done { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    // MARK: Accepting

    private func acceptConnections() {
        defer {
            close(listener)
            lock.lock()
            acceptThreadDone = true
            lock.unlock()
        }
        while true {
            lock.lock()
            let stop = stopping
            lock.unlock()
            if stop { return }
            var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let socket = accept(listener, nil, nil)
            guard socket >= 0 else {
                // Out of file descriptors: wait for connections to close rather than spin.
                if errno == EMFILE || errno == ENFILE { Thread.sleep(forTimeInterval: 0.05) }
                continue
            }
            admit(socket)
        }
    }

    /// Starts serving `socket`, making room first if `limits.connections` are open.
    private func admit(_ socket: Int32) {
        var timeout = LoopbackSocket.timeval(limits.writeTimeout)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        lock.lock()
        let live = connections.values.filter { !$0.evicted }
        if live.count >= limits.connections {
            // The connection that has waited longest without a whole request: an idle
            // kept-alive one (which a client must be ready to see closed) or a slow one.
            let oldest = live.filter { $0.waitingSince != nil }.min { $0.waitingSince! < $1.waitingSince! }
            guard let oldest else {
                lock.unlock()
                let busy = PreviewResponse.text(.serviceUnavailable, "too many connections are open; try again",
                                                extraHeaders: [("Retry-After", "1")])
                _ = LoopbackSocket.transmit(busy.encoded(includingBody: true, closing: true), on: socket)
                LoopbackSocket.closeAfterRefusal(socket)
                return
            }
            oldest.evicted = true
            shutdown(oldest.socket, Int32(SHUT_RDWR))
        }
        let id = nextID
        nextID += 1
        let connection = Connection(socket: socket)
        connections[id] = connection
        lock.unlock()
        let thread = Thread { [self] in
            serve(connection)
            lock.lock()
            connections[id] = nil
            lock.unlock()
            close(socket)
        }
        thread.stackSize = 512 * 1024
        thread.name = "quorum-serve-connection"
        thread.start()
    }

    // MARK: One connection

    private enum HeadOutcome {
        case head(RequestHead)
        case refused(HTTPRefusal)
        /// The client closed, or the connection was closed to make room.
        case closed
        /// No request started within the idle timeout.
        case idle
    }

    private func serve(_ connection: Connection) {
        let socket = connection.socket
        var buffer: [UInt8] = []
        while true {
            setWaiting(connection, true)
            let outcome = readHead(socket, &buffer)
            setWaiting(connection, false)
            let head: RequestHead
            switch outcome {
            case .closed, .idle:
                return
            case .refused(let refusal):
                _ = LoopbackSocket.transmit(PreviewResponse.text(refusal.status, refusal.message).encoded(includingBody: true, closing: true), on: socket)
                LoopbackSocket.closeAfterRefusal(socket)
                return
            case .head(let received):
                head = received
            }
            let response: PreviewResponse
            switch check(head) {
            case .failure(let refusal):
                let allow: [(String, String)] = refusal.status == .methodNotAllowed ? [("Allow", "GET, HEAD")] : []
                response = PreviewResponse.text(refusal.status, refusal.message, extraHeaders: allow)
                let closing = refusal.status != .methodNotAllowed && refusal.status != .misdirectedRequest || !head.keepsAlive
                _ = LoopbackSocket.transmit(response.encoded(includingBody: head.method != "HEAD", closing: closing), on: socket)
                if closing {
                    LoopbackSocket.closeAfterRefusal(socket)
                    return
                }
                continue
            case .success(let path):
                switch answer(head, path) {
                case .response(let answered):
                    response = answered
                case .eventStream(let subscription):
                    stream(subscription, on: socket)
                    return
                }
            }
            guard LoopbackSocket.transmit(response.encoded(includingBody: head.method != "HEAD", closing: !head.keepsAlive), on: socket),
                  head.keepsAlive else { return }
        }
    }

    /// What HTTP itself requires of a request before it is answered: no body (the preview
    /// takes none), a `Host` naming this server, a method it serves, a path.
    private func check(_ head: RequestHead) -> Result<String, HTTPRefusal> {
        let lengths = head.values("content-length")
        if !head.values("transfer-encoding").isEmpty || lengths.contains(where: { $0 != "0" }) {
            return .failure(HTTPRefusal(.contentTooLarge, "the preview server accepts no request bodies"))
        }
        let hosts = head.values("host")
        guard hosts.count == 1 || (hosts.isEmpty && head.version == "HTTP/1.0") else {
            return .failure(HTTPRefusal(.badRequest, "a request needs exactly one Host header"))
        }
        if let host = hosts.first, !hostCheck.allows(host) {
            return .failure(HTTPRefusal(.misdirectedRequest,
                "this preview answers only for \(hostCheck.described); add another name with --host-name"))
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            return .failure(HTTPRefusal(.methodNotAllowed, "the preview serves GET and HEAD only"))
        }
        guard let path = head.path else {
            return .failure(HTTPRefusal(.badRequest, "the request target is not a path"))
        }
        return .success(path)
    }

    private func setWaiting(_ connection: Connection, _ waiting: Bool) {
        lock.lock()
        connection.waitingSince = waiting ? .now : nil
        lock.unlock()
    }

    /// Reads until a whole head is in `buffer` (bytes after it stay there for the next
    /// request), within the limits: `idleTimeout` for the first byte, `headerTimeout` from
    /// the first byte to the end of the head.
    private func readHead(_ socket: Int32, _ buffer: inout [UInt8]) -> HeadOutcome {
        var scanner = RequestHeadScanner(limits: limits)
        var started: ContinuousClock.Instant? = buffer.isEmpty ? nil : .now
        let idleDeadline = ContinuousClock.now + limits.idleTimeout
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if !buffer.isEmpty {
                switch scanner.scan(buffer) {
                case .incomplete:
                    break
                case .complete(let headEnd, let next):
                    let parsed = RequestHead.parse(buffer[..<headEnd])
                    buffer.removeFirst(next)
                    switch parsed {
                    case .success(let head): return .head(head)
                    case .failure(let refusal): return .refused(refusal)
                    }
                case .refused(let refusal):
                    return .refused(refusal)
                }
            }
            let deadline = started.map { $0 + limits.headerTimeout } ?? idleDeadline
            let remaining = deadline - .now
            guard remaining > .zero else {
                return started == nil ? .idle : .refused(HTTPRefusal(.requestTimeout,
                    "the request's head did not arrive within \(Self.seconds(limits.headerTimeout))"))
            }
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, Int32(max(1, min(remaining / .milliseconds(1), 60_000))))
            if polled == 0 || (polled < 0 && errno == EINTR) { continue }
            guard polled > 0 else { return .closed }
            let count = recv(socket, &chunk, chunk.count, 0)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return .closed }
            buffer.append(contentsOf: chunk[0..<count])
            if started == nil { started = .now }
        }
    }

    /// Sends events to one page until it goes away or the server stops.
    private func stream(_ subscription: EventSubscription, on socket: Int32) {
        defer { subscription.cancel() }
        guard LoopbackSocket.transmit(PreviewResponse.eventStreamHead, on: socket) else { return }
        while true {
            guard let events = subscription.next(timeout: .milliseconds(500)) else { return }
            for event in events {
                guard LoopbackSocket.transmit(event, on: socket) else { return }
            }
            // A page that closed its end: the socket reads as ended (or fails).
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 0) > 0 {
                var scratch = [UInt8](repeating: 0, count: 512)
                if recv(socket, &scratch, scratch.count, Int32(MSG_DONTWAIT)) <= 0 { return }
            }
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

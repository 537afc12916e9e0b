import Foundation
#if canImport(Glibc)
import Glibc
private let systemListen = Glibc.listen
#elseif canImport(Darwin)
import Darwin
private let systemListen = Darwin.listen
#endif

/// The few socket calls the preview server makes, each bounded: a listening socket on
/// 127.0.0.1, a write that gives up on a client that does not read, and a close that lets a
/// refusal reach a client still sending.
enum LoopbackSocket {
    /// Listens on 127.0.0.1:`port` (0: any free port).
    static func listen(port: UInt16) throws -> Int32 {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, systemListen(socket, 128) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE
            close(socket)
            throw POSIXError(code)
        }
        return socket
    }

    /// Writes all of `data`; false when the client is gone or did not read within the
    /// write timeout.
    static func transmit(_ data: Data, on socket: Int32) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        return data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var sent = 0
            while sent < raw.count {
                let count = send(socket, base + sent, raw.count - sent, flags)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }
    }

    /// After refusing a request whose client may still be sending, stop writing and read
    /// what comes (briefly, and a bounded amount) so that the refusal is not lost to a reset.
    static func closeAfterRefusal(_ socket: Int32) {
        shutdown(socket, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .seconds(1)
        var discarded = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while discarded < 16 * 1024 * 1024 {
            let remaining = deadline - .now
            guard remaining > .zero else { return }
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(max(1, remaining / .milliseconds(1)))) > 0 else { return }
            let count = recv(socket, &chunk, chunk.count, 0)
            guard count > 0 else { return }
            discarded += count
        }
    }

    static func timeval(_ duration: Duration) -> timeval {
        let (seconds, attoseconds) = duration.components
        #if canImport(Glibc)
        return Glibc.timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        #else
        return Darwin.timeval(tv_sec: Int(seconds), tv_usec: Int32(attoseconds / 1_000_000_000_000))
        #endif
    }
}

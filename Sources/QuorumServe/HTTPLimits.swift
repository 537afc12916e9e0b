/// How much the preview server accepts from one client and how long it waits for it. A
/// browser's requests fit well inside these; anything beyond is refused with the status
/// HTTP has for it, and the other clients keep being served.
package struct HTTPLimits: Sendable {
    /// The request line (`GET /path HTTP/1.1`, without its line end), in bytes; longer is
    /// 414 URI Too Long.
    package var requestLine = 4_096
    /// All header lines together, with their line ends, in bytes; more is 431 Request
    /// Header Fields Too Large.
    package var headers = 8_192
    /// From a request's first byte to the end of its head; slower is 408 Request Timeout.
    package var headerTimeout: Duration = .seconds(5)
    /// How long a connection may wait without starting a request (a new one, or a kept-alive
    /// one between requests) before it is closed.
    package var idleTimeout: Duration = .seconds(10)
    /// How long one write may wait for a client that does not read.
    package var writeTimeout: Duration = .seconds(10)
    /// Open connections at once. Past this, the connection that has waited longest without
    /// sending a whole request is closed to make room; when every connection is busy, the
    /// new one is answered 503 Service Unavailable.
    package var connections = 256
    /// Open live-reload streams (one per open page) at once; more are answered 503.
    package var eventStreams = 64

    package init() {}
}

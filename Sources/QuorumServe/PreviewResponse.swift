import Foundation

/// What the preview server answers a request with: a whole response, or the live-reload
/// event stream that stays open until the page or the server goes away.
enum PreviewAnswer: Sendable {
    case response(PreviewResponse)
    case eventStream(EventSubscription)
}

/// One complete HTTP response, always with its length, never cached by the browser (a
/// preview must show the latest build).
struct PreviewResponse: Sendable {
    var status: HTTPStatus
    var contentType: String
    var body: Data
    var extraHeaders: [(String, String)] = []

    init(_ status: HTTPStatus, contentType: String, body: Data, extraHeaders: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.extraHeaders = extraHeaders
    }

    /// A short plain-text answer: a refusal, or a file the server will not serve.
    static func text(_ status: HTTPStatus, _ message: String, extraHeaders: [(String, String)] = []) -> PreviewResponse {
        PreviewResponse(status, contentType: "text/plain; charset=utf-8",
                        body: Data("\(status.rawValue) \(status.reason): \(message)\n".utf8), extraHeaders: extraHeaders)
    }

    /// The bytes to send: the head, and the body unless the request was `HEAD`.
    func encoded(includingBody: Bool, closing: Bool) -> Data {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
        for (name, value) in extraHeaders { head += "\(name): \(value)\r\n" }
        if closing { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = Data(head.utf8)
        if includingBody { bytes.append(body) }
        return bytes
    }

    /// The head of an event stream: no length, it ends when the connection closes.
    static let eventStreamHead = Data((
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
        + "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n").utf8)
}

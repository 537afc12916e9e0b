import FlyingFox
import FlyingSocks
import Foundation

/// The server-sent events (`text/event-stream`) that tell open pages to reload, or to show
/// the errors of a broken build. Each open page holds one stream; `send` goes to all.
actor LiveReload {
    private var streams: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    /// A new stream for one page, starting with `first` (the current state).
    func subscribe(first: [ServerEvent]) -> EventStreamBytes {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        streams[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        continuation.yield(Array("retry: 1000\n\n".utf8))
        for event in first { continuation.yield(event.bytes) }
        return EventStreamBytes(stream: stream)
    }

    private func unsubscribe(_ id: UUID) {
        streams[id] = nil
    }

    func send(_ event: ServerEvent) {
        for continuation in streams.values { continuation.yield(event.bytes) }
    }

    var count: Int { streams.count }

    /// Ends every stream, so that the server can stop.
    func finishAll() {
        for continuation in streams.values { continuation.finish() }
        streams = [:]
    }
}

/// One server-sent event: `event: reload` with the build number, `event: failed` with
/// the diagnostics as JSON, or a comment that keeps the connection open.
struct ServerEvent: Sendable {
    let name: String?
    let data: String

    static func reload(_ generation: Int) -> ServerEvent { ServerEvent(name: "reload", data: "\(generation)") }
    static func failed(_ json: String) -> ServerEvent { ServerEvent(name: "failed", data: json) }
    static func hello(_ generation: Int) -> ServerEvent { ServerEvent(name: "hello", data: "\(generation)") }
    static let keepAlive = ServerEvent(name: nil, data: "")

    var bytes: [UInt8] {
        guard let name else { return Array(": keep-alive\n\n".utf8) }
        // Each line of the data is its own `data:` field; the client joins them with "\n".
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return Array(("event: \(name)\n" + lines.joined(separator: "\n") + "\n\n").utf8)
    }
}

/// An event stream as the bytes FlyingFox sends in chunks, each event as it comes.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.AsyncIterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let next = await base.next() else { return nil }
                pending = next[...]
            }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let next = await base.next() else { return nil }
                pending = next[...]
            }
            let buffer = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }
    }
}

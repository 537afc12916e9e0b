import Foundation

/// The server-sent events (`text/event-stream`) that tell open pages to reload, or to show
/// the errors of a broken build. Each open page holds one subscription; `send` goes to all
/// at once, so a page hears of a new build as soon as it is ready.
final class LiveReload: @unchecked Sendable {
    private let lock = NSLock()
    private var subscriptions: [ObjectIdentifier: EventSubscription] = [:]
    private var finished = false
    /// Open streams at most; one more is refused (the page retries a second later).
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// A new subscription starting with `first` (the current state), or nil when `limit`
    /// streams are open or the server is stopping.
    func subscribe(first: [ServerEvent]) -> EventSubscription? {
        lock.lock()
        defer { lock.unlock() }
        guard !finished, subscriptions.count < limit else { return nil }
        let subscription = EventSubscription(hub: self)
        subscriptions[ObjectIdentifier(subscription)] = subscription
        subscription.push(Data("retry: 1000\n\n".utf8))
        for event in first { subscription.push(event.bytes) }
        return subscription
    }

    fileprivate func remove(_ subscription: EventSubscription) {
        lock.lock()
        subscriptions[ObjectIdentifier(subscription)] = nil
        lock.unlock()
    }

    func send(_ event: ServerEvent) {
        lock.lock()
        let all = Array(subscriptions.values)
        lock.unlock()
        for subscription in all { subscription.push(event.bytes) }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscriptions.count
    }

    /// Ends every stream, so that the server can stop.
    func finishAll() {
        lock.lock()
        finished = true
        let all = Array(subscriptions.values)
        subscriptions = [:]
        lock.unlock()
        for subscription in all { subscription.finish() }
    }
}

/// One open page's stream: events wait here until its connection sends them.
final class EventSubscription: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Data] = []
    private var finished = false
    private let hub: LiveReload

    fileprivate init(hub: LiveReload) {
        self.hub = hub
    }

    fileprivate func push(_ bytes: Data) {
        condition.lock()
        // A page that does not read gets the latest events only; it reloads on any of them.
        if pending.count >= 64 { pending.removeFirst() }
        pending.append(bytes)
        condition.signal()
        condition.unlock()
    }

    fileprivate func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The events that arrived, waiting up to `timeout` for one: empty when none came in
    /// time, nil when the stream has ended.
    func next(timeout: Duration) -> [Data]? {
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !finished {
            if !condition.wait(until: deadline) { break }
        }
        if pending.isEmpty && finished { return nil }
        let events = pending
        pending = []
        return events
    }

    /// The page went away: stop receiving events.
    func cancel() {
        finish()
        hub.remove(self)
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

    var bytes: Data {
        guard let name else { return Data(": keep-alive\n\n".utf8) }
        // Each line of the data is its own `data:` field; the client joins them with "\n".
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return Data(("event: \(name)\n" + lines.joined(separator: "\n") + "\n\n").utf8)
    }
}

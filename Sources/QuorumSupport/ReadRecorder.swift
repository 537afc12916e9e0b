import Foundation

/// Notes what a piece of work read (site parts, templates, files), from any thread, so that
/// `quorum serve` can tell afterwards which work a change reaches: the reads are recorded as
/// they happen, never listed by hand.
package final class ReadRecorder<Key: Hashable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var noted: Set<Key> = []

    package init() {}

    package func note(_ key: Key) {
        lock.withLock { _ = noted.insert(key) }
    }

    /// Everything noted so far.
    package var keys: Set<Key> { lock.withLock { noted } }
}

import Dispatch

/// Maps over an array on every core and returns the results in the array's order, so
/// that parallel work never changes the output.
enum ParallelMap {
    static func map<Element: Sendable, Result>(
        _ items: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        return [Result](unsafeUninitializedCapacity: items.count) { buffer, count in
            // Each iteration writes only its own slot, so sharing the buffer is safe.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (base + index).initialize(to: transform(items[index]))
            }
            count = items.count
        }
    }
}

/// Two pieces of work at once: `work` on this thread, `alongside` on another.
enum Concurrently {
    private final class Result<Value>: @unchecked Sendable {
        var value: Value?
    }

    static func run<A, B>(_ work: () -> A, alongside: @escaping @Sendable () -> B) -> (A, B) {
        let group = DispatchGroup()
        let other = Result<B>()
        DispatchQueue.global().async(group: group) { other.value = alongside() }
        let first = work()
        group.wait()
        return (first, other.value!)
    }
}

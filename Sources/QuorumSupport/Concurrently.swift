import Dispatch

/// Two pieces of work at once: `work` on this thread, `alongside` on another.
package enum Concurrently {
    /// Written by the other thread before the group is left, read after it is waited for.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }

    package static func run<A, B: Sendable>(_ work: () -> A, alongside: @escaping @Sendable () -> B) -> (A, B) {
        let group = DispatchGroup()
        let other = Box<B>()
        DispatchQueue.global().async(group: group) { other.value = alongside() }
        let first = work()
        group.wait()
        return (first, other.value!)
    }
}

import Dispatch
import Foundation

/// Two pieces of work at once: `work` on this thread, `alongside` on another.
package enum Concurrently {
    /// Written by the other thread before it signals, read after the signal is waited for.
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
        let done = DispatchSemaphore(value: 0)
    }

    /// `alongside` gets a thread of its own rather than one of Dispatch's workers. A build runs
    /// on one of those workers (the command is a Swift task) and blocks it while it waits here;
    /// with a second worker taken by `alongside`, Dispatch had no worker left on two cores to
    /// help the `ParallelMap`s inside `alongside` (the papers, the scenario pages), which then
    /// ran one item after another.
    package static func run<A, B: Sendable>(_ work: () -> A, alongside: @escaping @Sendable () -> B) -> (A, B) {
        let other = Box<B>()
        let thread = Thread {
            other.value = alongside()
            other.done.signal()
        }
        thread.start()
        let first = work()
        other.done.wait()
        return (first, other.value!)
    }
}

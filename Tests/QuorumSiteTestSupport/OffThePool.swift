import Foundation

/// Runs a long synchronous piece of work (a whole build of the sample) on a thread of its
/// own and awaits it, so that it does not hold one of the few threads of the cooperative pool
/// that in-process servers of other tests need to answer (a 2-core machine has two).
package func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

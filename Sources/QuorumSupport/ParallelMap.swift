import Dispatch
import Foundation

/// Maps over an array on every core and returns the results in the array's order, so
/// that parallel work never changes the output.
package enum ParallelMap {
    @inlinable package static func map<Element: Sendable, Result>(
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

extension ParallelMap {
    /// Maps runs of up to `size` items at a time, on every core, in order: for work that is
    /// cheaper done for several items at once (see `MarkdownDocument.parseAll`). A short list
    /// goes in smaller runs, so that every core still gets a few.
    @inlinable package static func mapBatches<Element: Sendable, Result>(
        _ items: [Element], size: Int, _ transform: @Sendable ([Element]) -> [Result]
    ) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = max(1, min(size, items.count / (cores * 4)))
        let batches = stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
        return map(batches, transform).flatMap { $0 }
    }
}

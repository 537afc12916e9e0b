import Foundation
import Synchronization
import Testing
@testable import QuorumSite

@Suite("Progress line")
struct ProgressLineTests {
    final class Output: Sendable {
        let text = Mutex("")
        func write(_ s: String) { text.withLock { $0 += s } }
    }

    @Test func showsTheStageOfALongBuildThenClearsTheLine() async throws {
        let output = Output()
        let line = ProgressLine(enabled: true, delay: 0.02, interval: 0.02) { output.write($0) }
        // The stage is set before the line starts, so that even on a loaded machine the first
        // drawing (after 20 ms) cannot come before it.
        line.update(.rendering)
        line.start()
        let deadline = ContinuousClock.now + .seconds(5)
        while !output.text.withLock({ $0.contains("Building: rendering pages") }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        line.finish()
        let text = output.text.withLock { $0 }
        #expect(text.hasPrefix("\r\u{1B}[2KBuilding: rendering pages ("))
        #expect(text.hasSuffix("\r\u{1B}[2K"))
        try await Task.sleep(for: .milliseconds(60))
        #expect(output.text.withLock { $0 } == text, "nothing is drawn after finish")
    }

    @Test func aShortBuildOrADisabledLineShowsNothing() async throws {
        let output = Output()
        let quick = ProgressLine(enabled: true, delay: 1) { output.write($0) }
        quick.start()
        quick.update(.rendering)
        quick.finish()
        let disabled = ProgressLine(enabled: false, delay: 0) { output.write($0) }
        disabled.start()
        try await Task.sleep(for: .milliseconds(30))
        disabled.finish()
        #expect(output.text.withLock { $0 }.isEmpty)
    }
}

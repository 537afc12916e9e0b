import Foundation

/// A one-line progress display for long builds, redrawn in place on a terminal:
///
///     Building: rendering pages (1.4 s)
///
/// Nothing is shown for a build that ends within `delay` (a second), nor when it is not
/// enabled (standard error is not a terminal, or `--quiet`); `finish` clears the line.
package final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let delay: Double
    private let interval: Double
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var stage: BuildStage?
    private var started = Date()
    private var shown = false
    private var finished = false
    private var timer: DispatchSourceTimer?

    /// `write` receives the escape sequences and text to print (to standard error).
    package init(enabled: Bool, delay: Double = 1, interval: Double = 0.25,
                 write: @escaping @Sendable (String) -> Void) {
        self.enabled = enabled
        self.delay = delay
        self.interval = interval
        self.write = write
    }

    /// For the command line: shown on standard error when it is a terminal and not `quiet`.
    package static func standardError(quiet: Bool) -> ProgressLine {
        ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Starts the clock; the line appears after `delay` if the work is still going on.
    package func start() {
        guard enabled else { return }
        lock.withLock { started = Date() }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "quorum.progress"))
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { [weak self] in self?.redraw() }
        lock.withLock { self.timer = timer }
        timer.resume()
    }

    /// A build's progress callback.
    package func update(_ stage: BuildStage) {
        lock.withLock { self.stage = stage }
    }

    package var progress: BuildProgress { { [self] stage in update(stage) } }

    /// Stops redrawing and clears the line if it was shown.
    package func finish() {
        // Writes happen under the lock, so a redraw can never land after the clearing.
        let timer = lock.withLock { () -> DispatchSourceTimer? in
            finished = true
            if shown { write("\r\u{1B}[2K") }
            defer { self.timer = nil }
            return self.timer
        }
        timer?.cancel()
    }

    private func redraw() {
        lock.withLock {
            guard !finished else { return }
            shown = true
            let seconds = Date().timeIntervalSince(started)
            let what = stage?.rawValue ?? "starting"
            write("\r\u{1B}[2KBuilding: \(what) (\(String(format: "%.1f", seconds)) s)")
        }
    }
}

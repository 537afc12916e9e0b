import Foundation
import QuorumSite

/// `quorum serve`: builds the site in memory, serves it on 127.0.0.1, watches the content
/// and templates folders, rebuilds on a change and tells the open pages to reload.
///
/// Nothing is written to the output folder: the served files are the last good build,
/// held in memory, so a broken edit keeps the previous pages served (with an overlay
/// showing what is wrong) until it is fixed. Files copied as they are (images, CSS) are
/// read from disk when asked for, so changing one needs only a reload, not a rebuild.
/// The HTTP side (`LoopbackHTTPServer`) keeps to `HTTPLimits` and answers only requests
/// whose `Host` names this server.
package actor PreviewServer {
    /// What the server tells its owner (the command line prints it).
    package enum Update: Sendable {
        /// A build finished: `report` says whether it failed. `changes` are the paths that
        /// started it (empty for the first build); `kind` says whether everything was built
        /// or only some pages rendered again.
        case built(BuildReport, changes: [String], kind: IncrementalBuild.Kind)
        /// Only copied files changed: pages were told to reload without a rebuild.
        case reloaded(changes: [String])
    }

    package let options: BuildOptions
    package let requestedPort: UInt16
    package let hostNames: [String]
    package let limits: HTTPLimits
    private let pollInterval: Duration
    private let useInotify: Bool
    private let onUpdate: @Sendable (Update) -> Void

    private var http: LoopbackHTTPServer?
    private var watcher: FolderWatcher?
    private var watchTask: Task<Void, Never>?
    private var keepAliveTask: Task<Void, Never>?
    private let reload: LiveReload
    private let site: ServedSite
    /// The build kept in memory between changes; nil before the first.
    private var build: IncrementalBuild?
    private var state = PreviewState(generation: 0, failed: true, summary: "not built yet", diagnostics: [])
    package private(set) var port: UInt16 = 0

    /// `port` 0 takes any free port; `hostNames` are accepted in `Host` besides the loopback
    /// names; `pollInterval` is how often the folders are looked at where inotify is not
    /// available (`useInotify: false` forces that, for tests).
    package init(options: BuildOptions, port: UInt16 = 8000, hostNames: [String] = [], limits: HTTPLimits = HTTPLimits(),
                 pollInterval: Duration = .milliseconds(250), useInotify: Bool = true,
                 onUpdate: @escaping @Sendable (Update) -> Void = { _ in }) {
        self.options = options
        self.requestedPort = port
        self.hostNames = hostNames
        self.limits = limits
        self.pollInterval = pollInterval
        self.useInotify = useInotify
        self.onUpdate = onUpdate
        reload = LiveReload(limit: limits.eventStreams)
        site = ServedSite(roots: [options.content, options.templates])
    }

    /// The address of the site: `http://127.0.0.1:8000/`.
    package var url: String { "http://127.0.0.1:\(port)/" }

    /// The number of the latest build, failed or not (the first is 1).
    package var generation: Int { state.generation }

    /// Why the folders are polled rather than watched with inotify; nil when inotify is used.
    package var pollingReason: String? {
        if case .polling(let reason) = watcher?.mechanism { return reason }
        return nil
    }

    var watchMechanism: FolderWatcher.Mechanism? { watcher?.mechanism }

    /// Open connections (for tests of the limits).
    var openConnections: Int { http?.openConnections ?? 0 }

    /// Starts watching, builds once and starts listening on 127.0.0.1. Returns when the
    /// server is listening; throws when the port cannot be had.
    package func start() async throws {
        let watcher = FolderWatcher(folders: watched, pollInterval: pollInterval, useInotify: useInotify)
        self.watcher = watcher
        await rebuild(FolderChanges())
        let site = self.site, reload = self.reload
        do {
            http = try LoopbackHTTPServer(port: requestedPort, hostNames: hostNames, limits: limits) { head, path in
                site.answer(path, method: head.method, reload: reload)
            }
        } catch {
            watcher.stop()
            throw error
        }
        port = http?.port ?? 0
        watchTask = Task { [weak self] in
            for await changes in watcher.changes {
                await self?.apply(changes)
            }
        }
        keepAliveTask = Task { [reload] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                reload.send(.keepAlive)
            }
        }
    }

    /// Stops watching, closes the event streams and the server.
    package func stop() async {
        watcher?.stop()
        watchTask?.cancel()
        keepAliveTask?.cancel()
        reload.finishAll()
        await http?.stop()
        http = nil
    }

    private var watched: [URL] { [options.content, options.templates] }

    // MARK: Watching and building

    private func apply(_ changes: FolderChanges) async {
        if changes.onlyCopiedFilesChanged && !state.failed {
            reload.send(.reload(state.generation))
            onUpdate(.reloaded(changes: changes.all))
        } else {
            await rebuild(changes)
        }
    }

    /// Builds in memory, off the server's actor; keeps the last good files if it failed.
    /// After the first build only what the change reaches is built again (`IncrementalBuild`).
    /// The open pages hear of the build as soon as its files are served.
    private func rebuild(_ changes: FolderChanges) async {
        let options = self.options, build = self.build
        let updated = await Task.detached {
            guard let build else { return IncrementalBuild(options) }
            build.update(added: changes.added, removed: changes.removed, modified: changes.modified)
            return build
        }.value
        self.build = updated
        let rendered = updated.rendered
        let report = rendered.report
        let summary = "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))"
        // Served now: the last build's files when it succeeded, else an older good build's.
        let servingLastBuild = !state.failed
        state = PreviewState(generation: state.generation + 1, failed: report.failed, summary: summary,
                             diagnostics: report.diagnostics)
        if updated.samePaths, servingLastBuild, !report.failed {
            site.update(state, changed: updated.renderedAgain)
        } else {
            site.update(state, files: report.failed ? nil : rendered.files)
        }
        reload.send(report.failed ? .failed(state.json) : .reload(state.generation))
        onUpdate(.built(report, changes: changes.all, kind: updated.kind))
    }

    private func count(_ number: Int, _ word: String) -> String {
        "\(number) \(word)\(number == 1 ? "" : "s")"
    }
}

import ArgumentParser
import Foundation
import QuorumServe
import QuorumSupport

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build in memory, serve on 127.0.0.1, and rebuild and reload the pages on every change.",
        discussion: "Nothing is written to the output folder. Stop with Ctrl-C."
    )

    @OptionGroup var source: SourceOptions

    @Option(parsing: .unconditional, help: "The port to listen on, on 127.0.0.1 only; 0 takes any free port (the address is printed).")
    var port: Int = 8000

    @Option(name: .customLong("host-name"),
            help: ArgumentHelp("Another name the preview may be reached by (besides 127.0.0.1, localhost and [::1]); repeatable.",
                               valueName: "name"))
    var hostNames: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is out of range: use 1 to 65535, or 0 for any free port")
        }
        for name in hostNames where name.isEmpty || name.contains(where: { $0 == "/" || $0 == ":" && !name.hasPrefix("[") || $0.isWhitespace }) {
            throw ValidationError("--host-name '\(name)' is not a host name: give the name alone, without a port or a path")
        }
    }

    func run() async throws {
        // Nothing is written: the output folder only names where links would be checked.
        let options = source.buildOptions(output: "public")
        let format = source.format
        let server = PreviewServer(options: options, port: UInt16(port), hostNames: hostNames) { update in
            switch update {
            case .built(let report, let changes, let kind):
                let changed = changes.isEmpty ? "" : " after a change to \(changedNames(changes))"
                let counts = counts(errors: report.errorCount, warnings: report.warningCount, notes: report.noteCount)
                var built = "Built \(plural(report.pageCount, "page"))"
                switch kind {
                case .full: break
                case .pages(let pages): built = "Built \(pages.count) of \(plural(report.pageCount, "page"))"
                case .pieces(let pages, let units):
                    built = "Built \(pages.count) of \(plural(report.pageCount, "page"))"
                        + (units.isEmpty ? "" : " and the \(units.map(\.displayName).joined(separator: ", "))")
                }
                let line = report.failed
                    ? "Build failed\(changed): \(counts); still serving the last good build"
                    : "\(built) in \(Int(report.timings.total.rounded())) ms\(changed), \(counts)"
                reportLine(report.diagnostics, summary: line, format: format)
            case .reloaded(let changes):
                reportLine([], summary: "Reloaded after a change to \(changedNames(changes))", format: format)
            }
        }
        do {
            try await server.start()
        } catch {
            FileHandle.standardError.write(Data("error: cannot listen on 127.0.0.1:\(port): \(error.localizedDescription); try another --port\n".utf8))
            throw ExitCode(1)
        }
        if let reason = await server.pollingReason {
            FileHandle.standardError.write(Data("note: watching by polling four times a second, because \(reason)\n".utf8))
        }
        FileHandle.standardError.write(Data("Serving \(await server.url) (Ctrl-C to stop); watching \(source.content) and \(source.templates)\n".utf8))
        // Serve until interrupted: SIGINT's default action ends the process.
        while true {
            try await Task.sleep(for: .seconds(3600))
        }
    }
}

/// `pages/index.md` or `pages/index.md and 2 other files`, relative to here.
private func changedNames(_ paths: [String]) -> String {
    let here = FileManager.default.currentDirectoryPath + "/"
    let names = paths.map { $0.hasPrefix(here) ? String($0.dropFirst(here.count)) : $0 }
    guard let first = names.first else { return "the files" }
    return names.count == 1 ? first : "\(first) and \(plural(names.count - 1, "other file"))"
}

/// Serve prints to standard error in every format but json, as builds do.
private func reportLine(_ diagnostics: [Diagnostic], summary: String, format: DiagnosticFormat) {
    let text = format.render(diagnostics, summary: summary)
    let handle = format == .json ? FileHandle.standardOutput : FileHandle.standardError
    handle.write(Data(text.utf8))
}

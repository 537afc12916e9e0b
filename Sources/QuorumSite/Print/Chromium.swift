import Foundation
import QuorumSupport

/// Debian's headless Chromium, which prints a page to PDF with its own print engine: the
/// one that understands the print stylesheet's `@page` margin boxes (Chromium 131 and later).
struct Chromium: Sendable {
    let executable: URL

    /// `--chromium`, else `QUORUM_CHROMIUM`, else `chromium` (or `chromium-browser`) on `PATH`.
    /// Nil with the reason when there is none, said so that the officer knows what to install.
    static func locate(_ options: PDFOptions) -> Result<Chromium, LocateFailure> {
        if let named = options.chromium ?? options.environment[PDFOptions.chromiumVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            let how = options.chromium != nil ? "--chromium" : PDFOptions.chromiumVariable
            let url = named.contains("/") ? URL(fileURLWithPath: named) : search(named, in: options.environment)
            guard let url, FileManager.default.isExecutableFile(atPath: url.path) else {
                return .failure(LocateFailure(named: named, message: "\(how) names '\(named)', which is not an executable program; "
                    + "install Chromium with `sudo apt-get install chromium` and name it there, or build without --pdf"))
            }
            return .success(Chromium(executable: url))
        }
        for name in ["chromium", "chromium-browser"] {
            if let url = search(name, in: options.environment) { return .success(Chromium(executable: url)) }
        }
        return .failure(LocateFailure(named: "chromium", message: "--pdf prints the papers with headless Chromium, which is not installed "
            + "(no 'chromium' on PATH); install it with `sudo apt-get install chromium`, or name the browser with --chromium PATH "
            + "or \(PDFOptions.chromiumVariable), or build without --pdf"))
    }

    struct LocateFailure: Error {
        /// What was looked for: the path of the diagnostic.
        let named: String
        let message: String
    }

    private static func search(_ name: String, in environment: [String: String]) -> URL? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// The longest one page may take: a print that hangs must not hang the nightly build.
    static let timeout: TimeInterval = 120

    /// Prints the page at `page` (a file URL) to `output`, with `workspace` as Chromium's home
    /// and profile (it writes both, and two Chromiums at once need a profile each).
    func printToPDF(_ page: URL, to output: URL, workspace: URL) throws {
        let home = workspace.appendingPathComponent("home"), profile = workspace.appendingPathComponent("profile")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-sync", "--disable-background-networking", "--disable-component-update", "--mute-audio",
            "--user-data-dir=\(profile.path)",
            // The page's own margin boxes print the page numbers, not Chromium's date and address line.
            "--no-pdf-header-footer",
            // Nothing is fetched from the network: a paper prints from its files alone, the same every time.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--print-to-pdf=\(output.path)",
        ]
        // Chromium refuses to start as root with its sandbox (CI containers run as root).
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
        arguments.append(page.absoluteString)
        let log = workspace.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // A home and cache of its own, and UTC, so that the dates it stamps have one form.
        process.environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent(".cache").path, "TZ": "UTC", "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = logHandle
        process.standardError = logHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            finished.wait()
            throw PrintFailure("Chromium did not finish printing within \(Int(Self.timeout)) seconds")
        }
        let printed = (try? Data(contentsOf: output)) ?? Data()
        guard process.terminationStatus == 0, printed.starts(with: Data("%PDF-".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").last { !$0.contains("dbus") }.map { ": \($0)" } ?? ""
            throw PrintFailure("\(executable.path) exited with status \(process.terminationStatus) without printing a PDF\(last)")
        }
    }

    struct PrintFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

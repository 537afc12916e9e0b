import Foundation
import Testing
@testable import QuorumSite
import QuorumSiteTestSupport
import QuorumTestSupport

/// `scripts/install` into a temporary prefix, then the installed `quorum` run from a folder
/// that is not the repository, the way a user runs it after installing. The test installs a
/// debug build (`--debug`): the one `swift test` has just built, so only the man page
/// plugin's tool is built on top; the release build takes minutes and is run by hand.
@Suite("scripts/install")
struct InstallScriptTests {
    @Test(.timeLimit(.minutes(8)))
    func installsABinaryAManPageAndCompletionsThatWork() async throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        let prefix = root.appendingPathComponent("prefix")

        // `swift test` keeps the build folder locked while its tests run; its build is done,
        // so the script's own (no-op) build and the man page plugin may ignore the lock.
        let install = try await run(TestPaths.repository.appendingPathComponent("scripts/install"),
                              ["--debug", prefix.path], in: TestPaths.repository,
                              environment: ["QUORUM_INSTALL_SWIFTPM_OPTIONS": "--ignore-lock"])
        #expect(install.status == 0, "\(install.stderr)")

        let manual = try text(prefix, "share/man/man1/quorum.1")
        #expect(manual.contains(".Dt QUORUM 1"))
        #expect(manual.contains("Build the site and papers into the output folder."))
        #expect(try text(prefix, "share/bash-completion/completions/quorum").contains("complete -o filenames -F _quorum quorum"))
        #expect(try text(prefix, "share/zsh/site-functions/_quorum").hasPrefix("#compdef quorum"))
        #expect(try text(prefix, "share/fish/vendor_completions.d/quorum.fish").contains("complete -c 'quorum'"))

        // The installed binary, from a folder holding only a copy of the sample.
        let installed = prefix.appendingPathComponent("bin/quorum")
        let elsewhere = root.appendingPathComponent("council")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent(folder),
                                             to: elsewhere.appendingPathComponent(folder))
        }

        let version = try await run(installed, ["--version"], in: elsewhere)
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")

        let build = try await run(installed, ["build", "--quiet"], in: elsewhere)
        #expect(build.status == 0, "\(build.stderr)")
        for page in ["public/index.html", "public/papers/2017-11-15-workforce-strategy.html", "quorum-build.json"] {
            #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent(page).path), "no \(page)")
        }
    }

    private func text(_ prefix: URL, _ path: String) throws -> String {
        try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
    }

    private func run(_ executable: URL, _ arguments: [String], in folder: URL,
                     environment: [String: String] = [:]) async throws -> CommandLineTests.Run {
        try await ChildProcess.run(executable, arguments, in: folder, environment: environment)
    }
}

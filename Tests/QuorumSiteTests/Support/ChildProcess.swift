import Foundation
@testable import QuorumSite
import QuorumTestSupport

/// Runs a program to its end without holding a thread of Swift's cooperative pool.
///
/// The pool has one thread per core: on a 2-core CI machine, two tests blocked in
/// `waitUntilExit` on a long child (the browser checks, the install script's build) starve
/// every other async test past its time limit. Output goes through files, so a long log
/// can never fill a pipe and stop the child.
enum ChildProcess {
    static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
                    environment: [String: String] = [:]) async throws -> CommandLineTests.Run {
        let logs = TestPaths.temporaryFolder("child-process-logs")
        defer { TestPaths.remove(logs) }
        let out = logs.appendingPathComponent("stdout"), err = logs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            // Called on Foundation's own thread when the child ends.
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return CommandLineTests.Run(status: status, stdout: try String(contentsOf: out, encoding: .utf8),
                                    stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

import ArgumentParser
import Foundation
import QuorumSite

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a starter site: a content folder and templates that build."
    )

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
        let target = URL(fileURLWithPath: directory)
        do {
            let written = try StarterSite.create(at: target)
            print("Created \(written.count) files in \(directory). Next:\n  cd \(directory)\n  quorum build")
        } catch {
            FileHandle.standardError.write(Data("\(directory): error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

import ArgumentParser
import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumSupport

struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the HTML that Quorum renders for a markdown file (or standard input)."
    )

    @Argument(help: "A markdown file; standard input when omitted.")
    var file: String?

    /// For Benchmarks/run: render every `.md` file of a folder as pages are rendered (on
    /// every core, in file order), print the HTML, and the time parse and render took.
    @Option(name: .customLong("bench"), help: .hidden)
    var benchFolder: String?

    func run() throws {
        if let benchFolder {
            let result = MarkdownBenchmark.run(folder: URL(fileURLWithPath: benchFolder))
            FileHandle.standardError.write(Data("markdown: \(result.files) files, \(result.bytes) bytes, parse and render \(String(format: "%.1f", result.milliseconds)) ms\n".utf8))
            return
        }
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file):1:1: error: cannot read this file [unreadable-file]\n".utf8))
                throw ExitCode(1)
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            FileHandle.standardError.write(Data("\(file ?? "<stdin>"):1:1: error: not UTF-8 text [not-utf8]\n".utf8))
            throw ExitCode(1)
        }
        // A page's body is what follows its front matter; render exactly that.
        var log = DiagnosticLog()
        let source = MarkdownSource(file: SourceFile(path: file ?? "<stdin>", relativePath: file ?? "stdin", text: text), log: &log)
        FileHandle.standardOutput.write(Data(MarkdownDocument.html(source.body).utf8))
        if log.hasErrors {
            report(log.sorted, summary: "", format: .text)
            throw ExitCode(1)
        }
    }
}

import Foundation
import QuorumMarkdown
import QuorumSupport

/// Markdown rendering alone, for `Benchmarks/run` (`quorum markdown --bench DIR`): the
/// same files `cmark-gfm` renders in the benchmark, parsed and rendered the way a build
/// renders pages (every core, `MarkdownDocument.rendered`), the HTML written to standard
/// output in file order as `cmark-gfm` writes it.
package enum MarkdownBenchmark {
    package struct Result: Sendable {
        package let files: Int
        package let bytes: Int
        /// Parse and render only, without reading the files and writing the HTML.
        package let milliseconds: Double
    }

    package static func run(folder: URL, output: FileHandle = .standardOutput) -> Result {
        var ignored = DiagnosticLog()
        let texts = FileTree.list(folder, displayRoot: "", log: &ignored).files.filter { $0.path.hasSuffix(".md") }.compactMap { file in
            FileBytes.read(file.diskPath).flatMap { String(validating: $0, as: UTF8.self) }
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let pages = ParallelMap.mapBatches(texts, size: MarkdownDocument.batchSize) { batch in
            MarkdownDocument.renderedAll(batch).map(\.html)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        for html in pages {
            buffer.append(contentsOf: html.utf8)
            if buffer.count >= 1 << 20 {
                output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        output.write(buffer)
        return Result(files: texts.count, bytes: texts.reduce(0) { $0 + $1.utf8.count }, milliseconds: elapsed)
    }
}

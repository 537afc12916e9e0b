import Foundation
@testable import QuorumContent
@testable import QuorumMarkdown
@testable import QuorumPapers
@testable import QuorumSupport
@testable import QuorumWorkforce

/// The reader the fuzzer feeds, chosen once from QUORUM_FUZZ_TARGET.
enum FuzzTarget: String {
    case frontMatter = "front-matter", snapshot, markdown

    static let chosen: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["QUORUM_FUZZ_TARGET"] ?? "markdown"
        guard let target = FuzzTarget(rawValue: name) else { fatalError("QUORUM_FUZZ_TARGET: unknown target \(name)") }
        return target
    }()

    /// The sample workforce settings, for reading snapshots against (QUORUM_FUZZ_CONFIG).
    static let config: WorkforceConfig = {
        let path = ProcessInfo.processInfo.environment["QUORUM_FUZZ_CONFIG"] ?? "Content/workforce/config.yaml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        var log = DiagnosticLog()
        return WorkforceConfig.load(SourceFile(path: path, relativePath: WorkforceConfig.path, text: text), log: &log)
    }()
}

/// libFuzzer's driver, which SwiftPM's entry point (it links an executable's `main` to
/// `QuorumFuzz_main`) hands the process to.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("QuorumFuzz_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, { fuzz($0, $1) })
}

/// Every input must give diagnostics or a result, never a crash; the markdown written back
/// out must hold no raw HTML or script link, and no diagnostic may print a control character.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var log = DiagnosticLog()
    switch FuzzTarget.chosen {
    case .frontMatter:
        let file = SourceFile(path: "Content/papers/2017-11-15-fuzz.md", relativePath: "papers/2017-11-15-fuzz.md", text: text)
        let source = MarkdownSource(file: file, log: &log)
        for key in ["title", "committee", "item", "meeting_date"] { _ = source.frontMatter.string(key, log: &log) }
        _ = source.frontMatter.stringList("recommendations", log: &log)
        _ = source.frontMatter.mappingList("contributors", log: &log)
        _ = CommitteePaper.load(file, log: &log)
    case .snapshot:
        let file = SourceFile(path: "Content/workforce/snapshots/2017-09-30.csv", relativePath: "workforce/snapshots/2017-09-30.csv", text: text)
        _ = Snapshot.load(file, config: FuzzTarget.config, asOf: CalendarDate("2018-01-01")!, log: &log)
    case .markdown:
        let document = MarkdownDocument(text)
        _ = document.html()
        _ = document.links
        checkSafeMarkdown(document.commonMark())
    }
    for diagnostic in log.entries {
        let printed = diagnostic.formatted
        precondition(!printed.unicodeScalars.contains { ControlCharacters.isControl($0) }, "control character printed: \(printed)")
    }
    return 0
}

/// The markdown Quorum writes, read back as a reader of the `.md` papers would.
func checkSafeMarkdown(_ markdown: String) {
    for node in MarkdownDocument(markdown).document.descendants {
        switch node.kind {
        case "html_block", "html_inline":
            let literal = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            precondition(literal.isEmpty || SafeMarkdownTree.writtenHTML.contains(literal), "raw HTML written back: \(literal)\n--\n\(markdown)")
        case "link", "image":
            precondition(!SafeMarkdownTree.isScriptAddress(node.url ?? ""), "script link written back: \(node.url ?? "")\n--\n\(markdown)")
        default:
            break
        }
    }
}

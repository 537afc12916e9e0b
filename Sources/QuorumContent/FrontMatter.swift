import Foundation
import Yams
import QuorumSupport

/// A markdown file split into its YAML front matter and its markdown body.
///
/// Line numbers are kept so that a diagnostic about a front matter key, or about a line of
/// the body, points at the line of the original file.
package struct MarkdownSource: Sendable {
    package let file: SourceFile
    package let frontMatter: FrontMatter
    package let body: String
    /// The file line on which the body starts (1 when there is no front matter).
    package let bodyStartLine: Int

    /// Location in the file of a position cmark reports inside the body.
    package func location(bodyLine: Int, column: Int = 1) -> SourceLocation {
        file.location(line: bodyLine + bodyStartLine - 1, column: column)
    }

    /// A content file whose front matter may hold `keys`: nil when the front matter cannot
    /// be read (reported), with a warning for each key not among `keys` (usually a typo).
    package static func read(_ file: SourceFile, keys: Set<String>, log: inout DiagnosticLog) -> MarkdownSource? {
        let source = MarkdownSource(file: file, log: &log)
        guard source.frontMatter.isValid else { return nil }
        source.frontMatter.warnAboutUnknownKeys(allowed: keys, log: &log)
        return source
    }

    /// Splits `file`; problems with the front matter go to `log` and leave it empty.
    package init(file: SourceFile, log: inout DiagnosticLog) {
        self.file = file
        // Every line end is a line feed already (`SourceFile`, `TextNormalization`).
        let text = file.text
        // Lines are read only as far as the closing fence; the body is the rest of the text as
        // it is (a line feed is always a character of its own, so this is the same as splitting).
        var lineStart: String.Index? = text.startIndex
        func nextLine() -> Substring? {
            guard let start = lineStart else { return nil }
            if let newline = text.utf8[start...].firstIndex(of: 10) {
                lineStart = text.utf8.index(after: newline)
                return text[start..<newline]
            }
            lineStart = nil
            return text[start...]
        }
        func isFence(_ line: Substring, _ marks: [String]) -> Bool {
            marks.contains { line.trimmingTrailingSpaces() == $0 }
        }
        guard var first = nextLine() else { fatalError("a string has at least one line") }
        if first.hasPrefix("\u{FEFF}") { first = first.dropFirst() }
        guard isFence(first, ["---"]) else {
            frontMatter = FrontMatter(file: file, mapping: Node.Mapping([]))
            body = text
            bodyStartLine = 1
            return
        }
        var yamlLines: [Substring] = []
        var close: Int?
        while let line = nextLine() {
            if isFence(line, ["---", "..."]) {
                close = yamlLines.count + 1
                break
            }
            yamlLines.append(line)
        }
        guard let close else {
            log.error(file.location(line: 1), "front matter opened here is never closed with '---'",
                      code: "front-matter-unclosed")
            frontMatter = FrontMatter(file: file, mapping: nil)
            body = ""
            bodyStartLine = yamlLines.count + 2
            return
        }
        let yaml = yamlLines.joined(separator: "\n")
        body = lineStart.map { String(text[$0...]) } ?? ""
        bodyStartLine = close + 2
        frontMatter = FrontMatter.parse(yaml: yaml, firstLine: 2, file: file, log: &log)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}

/// The YAML mapping at the top of a content file, with the position of every value.
package struct FrontMatter: @unchecked Sendable {
    // Yams.Node is a value type holding only strings and marks; it is safe to share.
    let file: SourceFile
    let mapping: Node.Mapping?
    /// The mapping's values by key, read once: `Node.Mapping`'s own lookup compares Nodes,
    /// which resolves tags by regular expression on every lookup.
    private let values: [String: Node]
    /// Added to a Yams line to give the file line.
    let lineOffset: Int

    init(file: SourceFile, mapping: Node.Mapping?, lineOffset: Int = 0) {
        self.file = file
        self.mapping = mapping
        self.values = mapping.map(FrontMatterKeys.values) ?? [:]
        self.lineOffset = lineOffset
    }

    /// Yams's default encoding, which it works out from the environment on every call; once is enough.
    nonisolated(unsafe) private static let yamlEncoding = Parser.Encoding.default

    /// Parses a YAML mapping that starts on `firstLine` of `file`.
    package static func parse(yaml: String, firstLine: Int, file: SourceFile, log: inout DiagnosticLog) -> FrontMatter {
        let offset = firstLine - 1
        if yaml.isBlank(.spacesAndNewlines) {
            return FrontMatter(file: file, mapping: Node.Mapping([]), lineOffset: offset)
        }
        do {
            guard let node = try Yams.compose(yaml: yaml, YAMLResolver.resolver, YAMLResolver.constructor, yamlEncoding) else {
                return FrontMatter(file: file, mapping: Node.Mapping([]), lineOffset: offset)
            }
            if let mark = YAMLExpansion.overflow(of: node, in: yaml) {
                log.error(mark.map { file.location(line: $0.line + offset, column: $0.column) } ?? file.location(line: firstLine),
                          YAMLExpansion.message, code: "yaml-too-large")
                return FrontMatter(file: file, mapping: nil, lineOffset: offset)
            }
            guard let mapping = node.mapping else {
                log.error(file.location(line: firstLine), "front matter must be a mapping of keys to values",
                          code: "front-matter-shape")
                return FrontMatter(file: file, mapping: nil, lineOffset: offset)
            }
            return FrontMatter(file: file, mapping: mapping, lineOffset: offset)
        } catch let error as YamlError {
            let (line, column, problem) = YAMLErrorDescription.describe(error)
            log.error(file.location(line: line + offset, column: column), "invalid YAML: \(problem)",
                      code: "front-matter-syntax")
        } catch {
            log.error(file.location(line: firstLine), "invalid YAML: \(error)", code: "front-matter-syntax")
        }
        return FrontMatter(file: file, mapping: nil, lineOffset: offset)
    }

    /// False when the front matter could not be read at all.
    package var isValid: Bool { mapping != nil }

    package var keys: [String] { mapping?.keys.compactMap(\.string) ?? [] }

    package func node(_ key: String) -> Node? { values[key] }

    /// Where `key`'s value is, or where its key is; the file start when it is absent.
    /// Where `key` itself is written (not its value): for "unknown group" and the like.
    package func keyLocation(_ key: String) -> SourceLocation {
        if let node = mapping?.keys.first(where: { $0.string == key }), let mark = node.mark { return location(of: mark) }
        return location(of: key)
    }

    package func location(of key: String) -> SourceLocation {
        if let node = values[key], let mark = node.mark {
            return location(of: mark)
        }
        return file.location(line: 1 + lineOffset)
    }

    package func location(of node: Node) -> SourceLocation {
        node.mark.map(location(of:)) ?? file.location(line: 1 + lineOffset)
    }

    func location(of mark: Mark) -> SourceLocation {
        file.location(line: mark.line + lineOffset, column: mark.column)
    }
}

/// Turns a Yams error into a position and a sentence.
enum YAMLErrorDescription {
    static func describe(_ error: YamlError) -> (line: Int, column: Int, problem: String) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let extra = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return (mark.line, mark.column, problem + extra)
        case let .reader(problem, _, _, _):
            return (1, 1, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column,
                    "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        default:
            return (1, 1, "\(error)")
        }
    }
}

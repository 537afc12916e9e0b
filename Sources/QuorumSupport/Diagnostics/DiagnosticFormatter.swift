import Foundation

/// How diagnostics are printed: for people (`text`), for tools (`json`), or as GitHub
/// Actions workflow commands (`github`), which annotate the lines in a pull request.
package enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github

    /// Everything a run prints about its diagnostics, ending with `summary` (none when nil).
    package func render(_ diagnostics: [Diagnostic], summary: String?) -> String {
        func lines(_ lines: [String]) -> String {
            let all = lines + (summary.map { [$0] } ?? [])
            return all.isEmpty ? "" : all.joined(separator: "\n") + "\n"
        }
        switch self {
        case .text:
            return lines(diagnostics.map(\.formatted))
        case .github:
            // https://docs.github.com/actions/reference/workflow-commands-for-github-actions
            // `::error file={name},line={line},col={col},title={title}::{message}`, one a line;
            // a note is GitHub's `notice`.
            return lines(diagnostics.map { d in
                "::\(d.severity == .note ? "notice" : d.severity.rawValue) file=\(escapeProperty(d.location.path)),line=\(d.location.line),"
                    + "col=\(d.location.column),title=\(escapeProperty(d.code))::\(escapeData(d.message))"
            })
        case .json:
            struct Output: Encodable {
                let diagnostics: [Entry]
                let summary: String
            }
            struct Entry: Encodable {
                let path: String, line: Int, column: Int, severity: String, message: String, code: String
                /// A workbook cell's name (`Sheet1!E9`), whose row and column are `line` and `column`;
                /// absent for a text file.
                let cell: String?
            }
            let output = Output(
                diagnostics: diagnostics.map {
                    // JSON escapes C0 controls itself, but not C1 controls or bidi overrides.
                    Entry(path: ControlCharacters.escapedForTerminal($0.location.path, keepingLineBreaks: true),
                          line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                          message: ControlCharacters.escapedForTerminal($0.message, keepingLineBreaks: true), code: $0.code,
                          cell: $0.location.cell.map { ControlCharacters.escapedForTerminal($0, keepingLineBreaks: true) })
                },
                summary: summary ?? ""
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    // GitHub's escaping rules for workflow command values and properties (as in
    // @actions/core): the message escapes %, CR and LF; properties also : and ,. Other
    // control characters are shown as `\u{1B}`: the log is read in a terminal too.
    func escapeData(_ text: String) -> String {
        ControlCharacters.escapedForTerminal(text, keepingLineBreaks: true)
            .replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

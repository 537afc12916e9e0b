import Foundation

/// How diagnostics are printed: for people (`text`), for tools (`json`), or as GitHub
/// Actions workflow commands (`github`), which annotate the lines in a pull request.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github

    /// Everything a run prints about its diagnostics, ending with `summary`.
    public func render(_ diagnostics: [Diagnostic], summary: String) -> String {
        switch self {
        case .text:
            return (diagnostics.map(\.formatted) + [summary]).joined(separator: "\n") + "\n"
        case .github:
            let lines = diagnostics.map { d in
                "::\(d.severity.rawValue) file=\(escapeProperty(d.location.path)),line=\(d.location.line),"
                    + "col=\(d.location.column),title=\(escapeProperty(d.code))::\(escapeData(d.message))"
            }
            return (lines + [summary]).joined(separator: "\n") + "\n"
        case .json:
            struct Output: Encodable {
                let diagnostics: [Entry]
                let summary: String
            }
            struct Entry: Encodable {
                let path: String, line: Int, column: Int, severity: String, message: String, code: String
            }
            let output = Output(
                diagnostics: diagnostics.map {
                    Entry(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                          severity: $0.severity.rawValue, message: $0.message, code: $0.code)
                },
                summary: summary
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    // GitHub's escaping rules for workflow command values and properties.
    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

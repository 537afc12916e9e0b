/// One finding about the input: where it is, how bad it is, and what is wrong.
///
/// Every stage reports problems as diagnostics instead of throwing, so that one run
/// lists every problem at once, the way a compiler does.
package struct Diagnostic: Sendable, Hashable, Codable {
    /// A note tells what Quorum did with something that is as it should be (a testimonial
    /// left out after its consent ended, a data problem the board accepted); it never fails a
    /// build, not even with `--strict`. A warning is something to fix; an error stops the build.
    package enum Severity: String, Sendable, Codable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    /// A short stable identifier of the rule, e.g. `front-matter-syntax`.
    package var code: String

    package init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    package static func error(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.error, location, message, code: code)
    }

    package static func warning(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.warning, location, message, code: code)
    }

    package static func note(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.note, location, message, code: code)
    }

    /// `path:line:col: error: message [code]`, always one line: a line break quoted from the
    /// input (an unclosed CSV quote, say) is shown as `\n`, and any other control character
    /// as `\u{1B}`, so that text from content never drives the terminal.
    package var formatted: String {
        let oneLine = ControlCharacters.escapedForTerminal(message.replacingOccurrences(of: "\r\n", with: "\n"))
        let path = ControlCharacters.escapedForTerminal("\(location)")
        return "\(path): \(severity.rawValue): \(oneLine) [\(code)]"
    }
}

extension Diagnostic: Comparable {
    /// Sorted by path, then line and column, then message, so output is stable.
    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location.path, lhs.location.line, lhs.location.column, lhs.message, lhs.code)
            < (rhs.location.path, rhs.location.line, rhs.location.column, rhs.message, rhs.code)
    }
}

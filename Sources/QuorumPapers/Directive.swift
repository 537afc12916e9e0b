import QuorumSupport

/// Live content inside an officer's text: a fenced block whose info string starts with
/// `quorum`, e.g.
///
/// ````markdown
/// ```quorum action-plan-summary from=2017-11-01 to=2018-10-31
/// ```
/// ````
///
/// The name picks what to show; `key=value` arguments refine it. The block's body is
/// ignored, so officers can leave a note there for themselves.
package struct Directive: Sendable {
    package let name: String
    package let arguments: [String: String]
    package let location: SourceLocation
    /// Where the directive stands in its paper (paragraph number and place within it, e.g.
    /// `4.3-2`): unique within the paper, so it can name the ids of what it renders.
    package var anchor: String?

    /// nil when the block is ordinary code, not a directive.
    package init?(info: String, location: SourceLocation) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.first == "quorum" else { return nil }
        self.location = location
        name = words.count > 1 ? words[1] : ""
        var arguments: [String: String] = [:]
        for word in words.dropFirst(2) {
            let parts = word.split(separator: "=", maxSplits: 1)
            arguments[String(parts[0])] = parts.count == 2 ? String(parts[1]) : ""
        }
        self.arguments = arguments
    }

    /// A date argument; reports a bad one.
    package func date(_ key: String, log: inout DiagnosticLog) -> CalendarDate?? {
        guard let text = arguments[key] else { return .some(nil) }
        guard let date = CalendarDate(text) else {
            log.error(location, "\(name): '\(key)' must be a date written YYYY-MM-DD, not '\(text)'", code: "directive-argument")
            return nil
        }
        return .some(date)
    }

    /// Reports arguments the directive does not take.
    package func checkArguments(allowed: Set<String>, log: inout DiagnosticLog) -> Bool {
        let unknown = arguments.keys.filter { !allowed.contains($0) }.sorted()
        for key in unknown {
            let list = allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")
            log.error(location, "\(name) does not take '\(key)' (it takes: \(list))", code: "directive-argument")
        }
        return unknown.isEmpty
    }
}

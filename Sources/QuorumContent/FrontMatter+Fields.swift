import Foundation
import Yams
import QuorumSupport

/// Typed reading of front matter fields. Each reader reports a precise diagnostic at the
/// value's line when a field is missing or of the wrong type, and returns nil.
extension FrontMatter {
    package func string(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> String? {
        guard let node = node(key), !isNull(node) else {
            if required { reportMissing(key, log: &log) }
            return nil
        }
        guard let scalar = node.scalar else {
            log.error(location(of: node), "'\(key)' must be text", code: "front-matter-type")
            return nil
        }
        let value = text(of: scalar.string, at: node, key: key, log: &log).trimming(.spacesAndNewlines)
        if value.isEmpty, required {
            reportMissing(key, log: &log)
            return nil
        }
        return value
    }

    package func date(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> CalendarDate? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let date = CalendarDate(text) else {
            log.error(location(of: key), "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'",
                      code: "front-matter-date")
            return nil
        }
        return date
    }

    package func bool(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Bool? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "y": return true
        case "false", "no", "n": return false
        default:
            log.error(location(of: key), "'\(key)' must be yes or no, not '\(text)'", code: "front-matter-type")
            return nil
        }
    }

    package func int(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Int? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let value = Int(text) else {
            log.error(location(of: key), "'\(key)' must be a whole number, not '\(text)'", code: "front-matter-type")
            return nil
        }
        return value
    }

    /// A list of text values; a single value is taken as a list of one.
    package func stringList(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> [String]? {
        guard let node = node(key), !isNull(node) else {
            if required { reportMissing(key, log: &log) }
            return nil
        }
        if let scalar = node.scalar { return [text(of: scalar.string, at: node, key: key, log: &log)] }
        guard let sequence = node.sequence else {
            log.error(location(of: node), "'\(key)' must be a list", code: "front-matter-type")
            return nil
        }
        var values: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                log.error(location(of: item), "each item of '\(key)' must be text", code: "front-matter-type")
                continue
            }
            values.append(text(of: scalar.string, at: item, key: key, log: &log))
        }
        return values
    }

    /// A value's text without control characters (a quoted `"\e"` or `"\r"` in YAML): they
    /// would reach a terminal, break a markdown table row or make a feed unreadable. Each
    /// one removed is reported at the value; a carriage return becomes a line break.
    package func text(of value: String, at node: Node, key: String, log: inout DiagnosticLog) -> String {
        guard let name = ControlCharacters.firstName(in: value) else { return value }
        log.warning(location(of: node), "'\(key)' contains the control character \(name), which is removed",
                    code: "front-matter-control-character")
        return ControlCharacters.removing(from: value)
    }

    /// Nested mapping, as its own `FrontMatter`, so the same readers apply to it.
    package func mapping(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> FrontMatter? {
        guard let node = node(key), !isNull(node) else {
            if required { reportMissing(key, log: &log) }
            return nil
        }
        guard let mapping = node.mapping else {
            log.error(location(of: node), "'\(key)' must be a set of 'key: value' lines", code: "front-matter-type")
            return nil
        }
        return FrontMatter(file: file, mapping: mapping, lineOffset: lineOffset)
    }

    /// A list of mappings (e.g. contributors), each as its own `FrontMatter`.
    package func mappingList(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> [FrontMatter]? {
        guard let node = node(key), !isNull(node) else {
            if required { reportMissing(key, log: &log) }
            return nil
        }
        guard let sequence = node.sequence else {
            log.error(location(of: node), "'\(key)' must be a list", code: "front-matter-type")
            return nil
        }
        var items: [FrontMatter] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                log.error(location(of: item), "each item of '\(key)' must be a set of 'key: value' lines",
                          code: "front-matter-type")
                continue
            }
            items.append(FrontMatter(file: file, mapping: mapping, lineOffset: lineOffset))
        }
        return items
    }

    /// Warns about keys this kind of file does not use: usually a typo.
    package func warnAboutUnknownKeys(allowed: Set<String>, log: inout DiagnosticLog) {
        guard let mapping else { return }
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let suggestion = allowed.sorted().first { $0.editDistance(to: name) <= 2 }
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            log.warning(location(of: key), "unknown front matter key '\(name)'\(hint)", code: "front-matter-unknown-key")
        }
    }

    private func isNull(_ node: Node) -> Bool {
        if let scalar = node.scalar, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    private func reportMissing(_ key: String, log: inout DiagnosticLog) {
        let place = mapping?.mark.map(location(of:)) ?? file.location(line: 1)
        log.error(place, "missing required front matter key '\(key)'", code: "front-matter-missing")
    }
}

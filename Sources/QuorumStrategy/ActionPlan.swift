import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumSupport

/// The workforce strategy's action plan: `action-plan.md`, a section per priority and a
/// task-list item per action. It reads well in any markdown viewer:
///
/// ```markdown
/// ## Recruitment & Retention
///
/// - [ ] Commission a recruitment partner {owner: Head of HR; due: 2017-12-15 (was 2017-10-31); status: in progress}
///   - 2017-09-12: Tender issued to three agencies.
/// - [x] Launch a rolling social worker advert {owner: HR Advisor; due: 2017-09-30; completed: 2017-09-25}
/// ```
///
/// It is read from cmark-gfm's tree: level-2 headings name priorities, task items are actions,
/// and items nested under an action are dated progress notes.
package struct ActionPlan: Sendable {
    package let title: String
    package let actions: [Action]
    package let source: MarkdownSource?

    package static let fileName = "action-plan.md"

    package static let empty = ActionPlan(title: "Action plan", actions: [], source: nil)

    package func actions(for priority: Priority) -> [Action] {
        actions.filter { $0.priorityID == priority.id }
    }

    package static func load(from content: ContentFolder, priorities: [Priority], log: inout DiagnosticLog) -> ActionPlan {
        guard let file = content.file(fileName) else { return .empty }
        guard let source = MarkdownSource.read(file, keys: ["title"], log: &log) else { return .empty }
        let title = source.frontMatter.string("title", log: &log) ?? "Action plan"
        var reader = ActionPlanReader(source: source, priorities: priorities)
        let actions = reader.read(log: &log)
        return ActionPlan(title: title, actions: actions, source: source)
    }
}

/// Walks the parsed action plan and turns task items into actions, reporting every
/// malformed one at its line and column.
struct ActionPlanReader {
    let source: MarkdownSource
    let priorities: [Priority]
    /// The body's lines, to find the column of an attribute for a diagnostic.
    let lines: [Substring]

    init(source: MarkdownSource, priorities: [Priority]) {
        self.source = source
        self.priorities = priorities
        lines = source.body.split(separator: "\n", omittingEmptySubsequences: false)
    }

    mutating func read(log: inout DiagnosticLog) -> [Action] {
        let document = MarkdownDocument(source.body)
        var actions: [Action] = []
        var current: Priority?
        var inUnknownSection = false
        for block in document.document.children {
            switch block.kind {
            case "heading" where block.headingLevel == 2:
                let name = block.plainText
                current = priorities.first { $0.isNamed(name) }
                inUnknownSection = current == nil
                if current == nil {
                    let known = priorities.map { "'\($0.title)'" }.joined(separator: ", ")
                    log.error(source.location(bodyLine: block.startLine, column: block.startColumn),
                              "'\(name)' is not a strategy priority (known: \(known.isEmpty ? "none" : known))",
                              code: "action-unknown-priority")
                }
            case "list":
                for item in block.children {
                    guard item.isTaskItem else {
                        log.warning(location(item), "'\(item.children.first?.plainText ?? "")' has no [ ] box, so it is not read as an action",
                                    code: "action-not-a-task")
                        continue
                    }
                    guard let priority = current else {
                        if !inUnknownSection {
                            log.error(location(item), "this action is not under a priority heading (## Priority title)",
                                      code: "action-outside-priority")
                        }
                        continue
                    }
                    if let action = readAction(item, priority: priority, log: &log) { actions.append(action) }
                }
            default:
                continue
            }
        }
        return actions
    }

    func location(_ node: MarkdownNode, column: Int? = nil) -> SourceLocation {
        source.location(bodyLine: node.startLine, column: column ?? node.startColumn)
    }

    /// Where `needle` first appears on the node's lines, for pointing at an attribute.
    func location(of needle: String, in node: MarkdownNode) -> SourceLocation {
        for line in node.startLine...max(node.startLine, node.endLine) where line - 1 < lines.count {
            if let range = lines[line - 1].range(of: needle) {
                return source.location(bodyLine: line, column: lines[line - 1].distance(from: lines[line - 1].startIndex, to: range.lowerBound) + 1)
            }
        }
        return location(node)
    }

    func readAction(_ item: MarkdownNode, priority: Priority, log: inout DiagnosticLog) -> Action? {
        guard let paragraph = item.children.first, paragraph.kind == "paragraph" else {
            log.error(location(item), "an action needs its title on the line of its box", code: "action-malformed")
            return nil
        }
        let text = paragraph.plainText.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else {
            log.error(location(item), "action '\(text)' has no {owner: …; due: YYYY-MM-DD; status: …} after its title",
                      code: "action-missing-details")
            return nil
        }
        let title = text[..<open].trimmingCharacters(in: .whitespaces)
        let attributes = ActionAttributes.parse(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        var ok = true
        for problem in attributes.problems {
            log.error(location(of: problem.fragment, in: paragraph), problem.message, code: "action-malformed")
            ok = false
        }
        for key in attributes.values.keys.sorted() where !ActionAttributes.known.contains(key) {
            log.warning(location(of: key, in: paragraph), "unknown action detail '\(key)' (expected owner, due, status, completed, measure)",
                        code: "action-unknown-detail")
        }
        let owner = attributes.values["owner"]
        if owner == nil || owner!.isEmpty {
            log.error(location(of: "{", in: paragraph), "action '\(title)' has no owner", code: "action-no-owner")
            ok = false
        }
        var due: CalendarDate?
        var previous: [CalendarDate] = []
        if let text = attributes.values["due"] {
            // "2017-12-15 (was 2017-10-31, 2017-11-30)": the current date, then the earlier ones.
            let parts = text.split(separator: "(", maxSplits: 1)
            let current = parts[0].trimmingCharacters(in: .whitespaces)
            due = CalendarDate(current)
            if due == nil {
                log.error(location(of: current, in: paragraph), "action '\(title)': due date '\(current)' is not a date written YYYY-MM-DD",
                          code: "action-bad-date")
                ok = false
            }
            if parts.count == 2 {
                let earlier = parts[1].replacingOccurrences(of: ")", with: "").replacingOccurrences(of: "was", with: "")
                for piece in earlier.split(separator: ",") {
                    let value = piece.trimmingCharacters(in: .whitespaces)
                    if let date = CalendarDate(value) {
                        previous.append(date)
                    } else {
                        log.error(location(of: value, in: paragraph), "action '\(title)': earlier due date '\(value)' is not a date written YYYY-MM-DD",
                                  code: "action-bad-date")
                        ok = false
                    }
                }
            }
        } else {
            log.error(location(of: "{", in: paragraph), "action '\(title)' has no due date", code: "action-no-due-date")
            ok = false
        }
        var status: ActionStatus?
        if let text = attributes.values["status"] {
            status = ActionStatus(text: text)
            if status == nil {
                log.error(location(of: text, in: paragraph),
                          "action '\(title)': unknown status '\(text)' (use not started, in progress, done, blocked or dropped)",
                          code: "action-unknown-status")
                ok = false
            }
        }
        if item.isTaskChecked {
            if let given = status, given != .done {
                log.error(location(item), "action '\(title)' is ticked as done but its status is '\(given.rawValue)'",
                          code: "action-status-conflict")
                ok = false
            }
            status = .done
        } else if status == .done {
            log.warning(location(item), "action '\(title)' has status done but its box is not ticked: write - [x]",
                        code: "action-status-conflict")
        } else if status == nil, attributes.values["status"] == nil {
            log.error(location(of: "{", in: paragraph), "action '\(title)' has no status (tick the box when it is done)",
                      code: "action-no-status")
            ok = false
        }
        var completed: CalendarDate?
        if let text = attributes.values["completed"] {
            completed = CalendarDate(text)
            if completed == nil {
                log.error(location(of: text, in: paragraph), "action '\(title)': completed date '\(text)' is not a date written YYYY-MM-DD",
                          code: "action-bad-date")
                ok = false
            }
        }
        let notes = readNotes(item, title: title, log: &log)
        guard ok, let owner, let due, let status else { return nil }
        return Action(title: String(title), priorityID: priority.id, owner: owner, due: due, previousDueDates: previous,
                      status: status, completed: completed, measure: attributes.values["measure"], notes: notes,
                      location: location(item))
    }

    /// Items nested under an action: `2017-09-12: Tender issued.`
    func readNotes(_ item: MarkdownNode, title: String, log: inout DiagnosticLog) -> [ProgressNote] {
        var notes: [ProgressNote] = []
        for list in item.children.dropFirst() where list.kind == "list" {
            for noteItem in list.children {
                let text = noteItem.plainText.trimmingCharacters(in: .whitespaces)
                let datePart = text.prefix(10)
                let rest = text.dropFirst(10).drop { $0 == ":" || $0 == " " || $0 == "–" || $0 == "-" }
                guard let date = CalendarDate(datePart) else {
                    log.warning(location(noteItem), "progress note under '\(title)' does not start with a date (YYYY-MM-DD: …)",
                                code: "action-note-undated")
                    continue
                }
                notes.append(ProgressNote(date: date, text: String(rest)))
            }
        }
        return notes.sorted { $0.date < $1.date }
    }
}

/// The `{key: value; key: value}` details after an action's title.
struct ActionAttributes {
    static let known: Set<String> = ["owner", "due", "status", "completed", "measure"]

    var values: [String: String] = [:]
    var problems: [(fragment: String, message: String)] = []

    static func parse(_ text: String) -> ActionAttributes {
        var result = ActionAttributes()
        for part in text.split(separator: ";") {
            let piece = part.trimmingCharacters(in: .whitespaces)
            guard !piece.isEmpty else { continue }
            guard let colon = piece.firstIndex(of: ":") else {
                result.problems.append((piece, "'\(piece)' should be written 'key: value'"))
                continue
            }
            let key = piece[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = piece[piece.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if result.values[key] != nil {
                result.problems.append((key, "'\(key)' is given twice"))
            }
            result.values[key] = value
        }
        return result
    }
}

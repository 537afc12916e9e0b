import QuorumMarkdown
import QuorumPapers
import QuorumStrategy
import QuorumSupport

/// Turns directives into HTML and markdown through the `directives/` templates.
/// Each directive is a function from the paper's data to template values.
struct DirectiveRenderer {
    let data: PaperData
    let templates: TemplateLibrary
    /// The paper's "as at" date.
    let asAt: CalendarDate

    static let names = [
        "action-plan-summary", "benchmarks", "caseloads", "measures", "overdue-actions", "priorities",
        "reconciliation", "scenario-chart", "scenario-table", "workforce-change", "workforce-chart", "workforce-table",
    ]

    /// Directives drawn as a chart (Word shows them as their table), and the template of each:
    /// a scenario chart is drawn like any other line chart.
    static let charts: [String: String] = ["workforce-chart": "workforce-chart", "scenario-chart": "workforce-chart"]

    func render(_ directive: Directive, log: inout DiagnosticLog) -> RenderedBlock? {
        let values: Any?
        switch directive.name {
        case "priorities": values = priorities(directive, log: &log)
        case "action-plan-summary": values = actionPlanSummary(directive, log: &log)
        case "overdue-actions": values = overdueActions(directive, log: &log)
        case "benchmarks": values = benchmarks(directive, log: &log)
        case "measures": values = measures(directive, log: &log)
        case "workforce-change": values = workforceChange(directive, log: &log)
        case "workforce-chart": values = workforceChart(directive, log: &log)
        case "workforce-table": values = workforceTable(directive, log: &log)
        case "reconciliation": values = reconciliation(directive, log: &log)
        case "caseloads": values = caseloads(directive, log: &log)
        case "scenario-table": values = scenarioTable(directive, log: &log)
        case "scenario-chart": values = scenarioChart(directive, log: &log)
        default:
            log.error(directive.location,
                      "unknown directive '\(directive.name)' (known: \(DirectiveRenderer.names.joined(separator: ", ")))",
                      code: "directive-unknown")
            return nil
        }
        guard let values else { return nil }
        let base = "directives/\(Self.charts[directive.name] ?? directive.name)"
        guard let html = templates.render(base, values), let markdown = templates.render(base + ".md", values) else {
            templates.reportMissing([base, base + ".md"], at: directive.location, log: &log)
            return nil
        }
        var block = RenderedBlock(html: html, markdown: markdown, isChart: Self.charts[directive.name] != nil)
        if let chart = values as? ChartView {
            block.chartSVG = chart.svg
            block.chartTitle = chart.title
        }
        return block
    }

    func priorities(_ directive: Directive, log: inout DiagnosticLog) -> [String: Any]? {
        guard directive.checkArguments(allowed: [], log: &log) else { return nil }
        guard !data.priorities.isEmpty else {
            log.error(directive.location, "priorities: the content folder has no priorities/ files", code: "directive-no-data")
            return nil
        }
        let items = data.priorities.map { priority in
            [
                "title": priority.title, "lead": priority.lead,
                "summary": MarkdownDocument(priority.source.body).firstParagraphText ?? "",
            ]
        }
        return ["priorities": items]
    }

    func actionPlanSummary(_ directive: Directive, log: inout DiagnosticLog) -> [String: Any]? {
        guard directive.checkArguments(allowed: ["from", "to"], log: &log),
              let from = directive.date("from", log: &log), let to = directive.date("to", log: &log) else { return nil }
        guard !data.actionPlan.actions.isEmpty else {
            log.error(directive.location, "action-plan-summary: there is no action plan with actions", code: "directive-no-data")
            return nil
        }
        var period: ClosedRange<CalendarDate>?
        if let from, let to {
            guard from <= to else {
                log.error(directive.location, "action-plan-summary: 'from' \(from) is after 'to' \(to)", code: "directive-argument")
                return nil
            }
            period = from...to
        } else if from != nil || to != nil {
            log.error(directive.location, "action-plan-summary: give both 'from' and 'to', or neither", code: "directive-argument")
            return nil
        }
        let summary = ActionPlanSummary(plan: data.actionPlan, priorities: data.priorities, asOf: asAt, period: period)
        func row(_ row: ActionPlanSummary.Row) -> [String: Any] {
            [
                "title": row.title, "lead": row.lead, "total": row.total,
                "notStarted": row.count(.notStarted), "inProgress": row.count(.inProgress), "done": row.count(.done),
                "blocked": row.count(.blocked), "dropped": row.count(.dropped), "overdue": row.overdue,
                "slipped": row.slipped, "completedInPeriod": row.completedInPeriod,
                "percentComplete": row.percentComplete.map { Figures.percent($0) } ?? "not available",
            ]
        }
        var values: [String: Any] = [
            "asAt": asAt.longForm, "rows": summary.rows.map(row), "overall": row(summary.overall),
        ]
        if let period {
            values["period"] = ["from": period.lowerBound.longForm, "to": period.upperBound.longForm]
        }
        return values
    }

    func overdueActions(_ directive: Directive, log: inout DiagnosticLog) -> [String: Any]? {
        guard directive.checkArguments(allowed: [], log: &log) else { return nil }
        let summary = ActionPlanSummary(plan: data.actionPlan, priorities: data.priorities, asOf: asAt)
        let titles = Dictionary(data.priorities.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let actions = summary.overdueActions.sorted { ($0.owner, $0.due, $0.title) < ($1.owner, $1.due, $1.title) }
        let items = actions.map { action in
            [
                "title": action.title, "owner": action.owner, "due": action.due.longForm,
                "priority": titles[action.priorityID] ?? action.priorityID, "status": action.status(asOf: asAt).label,
                "daysOverdue": asAt.dayNumber - action.due.dayNumber,
                "latestNote": action.latestNote(asOf: asAt).map { "\($0.date.longForm): \($0.text)" } ?? "",
            ] as [String: Any]
        }
        return ["asAt": asAt.longForm, "actions": items, "hasActions": !items.isEmpty, "count": items.count]
    }
}

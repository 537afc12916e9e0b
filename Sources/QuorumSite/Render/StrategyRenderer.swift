import QuorumMarkdown
import QuorumStrategy
import QuorumSupport

/// The strategy page: the priorities in order, each with its lead and what it covers.
struct StrategyRenderer {
    let context: RenderContext
    let site: Site

    func render(log: inout DiagnosticLog) -> [OutputFile] {
        guard !site.priorities.isEmpty else { return [] }
        let bodies = ParallelMap.map(site.priorities) { MarkdownDocument.rendered($0.source.body) }
        let summary = ActionPlanSummary(plan: site.actionPlan, priorities: site.priorities, asOf: context.asOf)
        let priorities = zip(site.priorities, zip(bodies, summary.rows)).map { priority, pair in
            [
                "id": priority.id, "title": priority.title, "lead": priority.lead, "content": pair.0.html,
                "actions": pair.1.total, "done": pair.1.count(.done), "overdue": pair.1.overdue,
            ] as [String: Any]
        }
        let file = context.page("strategy", at: "strategy.html", title: "Our workforce strategy",
                                description: "The priorities of the children's social care workforce strategy.",
                                values: ["priorities": priorities, "hasActions": !site.actionPlan.actions.isEmpty],
                                source: SourceLocation(path: Priority.folder),
                                links: zip(site.priorities, bodies).flatMap { $0.source.sourceLinks($1.links) }, log: &log)
        return file.map { [$0] } ?? []
    }
}

import QuorumContent
import QuorumMarkdown
import QuorumSupport
import QuorumWorkforce

/// One internal page per projected scenario, `workforce/scenarios/ID.html`, beside the
/// workforce dashboard: the officer's text, the month-by-month projection, its comparison
/// with "no change", a chart of both, and every line of arithmetic, month by month. Marked
/// `noindex`, linked only from the dashboard, and left out of the sitemap.
struct ScenarioPageRenderer {
    let context: RenderContext
    let site: Site

    static let folder = "workforce/scenarios"

    static func path(of id: String) -> String { "\(folder)/\(id).html" }

    func render(log: inout DiagnosticLog) -> [OutputFile] {
        guard site.workforce.latest != nil else { return [] }
        // Each page is independent and large (every line of arithmetic): on every core, in order.
        let pages = ParallelMap.map(site.planning.scenarios) { comparison in
            var pageLog = DiagnosticLog()
            let scenario = comparison.scenario
            let body = MarkdownDocument.rendered(scenario.body)
            let page = context.page("scenario", at: Self.path(of: scenario.id), title: scenario.title,
                                    description: "A workforce scenario projected month by month from the latest snapshot, against no change.",
                                    values: values(comparison, officerText: body.html),
                                    source: SourceLocation(path: scenario.path), links: Self.links(body.links, in: scenario), log: &pageLog)
            return (page, pageLog)
        }
        for (_, pageLog) in pages { log.append(contentsOf: pageLog) }
        return pages.compactMap(\.0)
    }

    /// The officer's links, located in the scenario's file, so that a broken one is reported there.
    static func links(_ links: [MarkdownLink], in scenario: Scenario) -> [SourceLink] {
        links.map { link in
            SourceLink(url: link.url, kind: link.kind,
                       location: SourceLocation(path: scenario.path, line: link.line + scenario.bodyStartLine - 1, column: link.column))
        }
    }

    func values(_ comparison: ScenarioComparison, officerText: String) -> [String: Any] {
        let projection = comparison.projection
        var months = [["month": "\(projection.from.longForm) (the snapshot projected from)",
                       "calculations": CalculationTableView(caption: "The position at \(projection.from.longForm)",
                                                            lines: projection.opening.lines).templateValues] as [String: Any]]
        months += projection.months.map { month in
            ["month": month.month.longForm,
             "calculations": CalculationTableView(caption: "\(comparison.scenario.title): how \(month.month.longForm) is worked out, line by line",
                                                  lines: month.lines).templateValues] as [String: Any]
        }
        var values: [String: Any] = [
            "officerText": officerText,
            "table": ScenarioTableView(comparison),
            "months": months,
            "adopted": comparison.scenario.adopted,
            "budgetMonth": projection.budgetMonth?.longForm ?? "",
            "hasBudget": projection.budgetMonth != nil,
            "source": WorkforceRenderer.contentPath(comparison.scenario.path, folder: Scenario.folder),
            "dashboard": "../../" + WorkforceRenderer.path,
        ]
        if let date = comparison.scenario.adoptedOn {
            values["adoptedOn"] = date.longForm
        }
        if let chart = ChartView.scenarios(id: "chart-scenario-\(comparison.scenario.id)", comparisons: [comparison],
                                           measure: .agencyRate) {
            values["chart"] = chart
        }
        return values
    }
}

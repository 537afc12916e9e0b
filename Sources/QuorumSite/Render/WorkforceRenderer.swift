import Foundation
import QuorumSupport
import QuorumWorkforce

/// The internal workforce dashboard, `workforce.html`: the latest snapshot by area and
/// group, the change since the previous one, measures against target, charts, national
/// benchmarks and every data-quality finding. Built when the site has workforce snapshots;
/// never in the navigation menu, and marked `noindex`.
struct WorkforceRenderer {
    let context: RenderContext
    let site: Site

    static let path = "workforce.html"

    var workforce: Workforce { site.workforce }

    func render(log: inout DiagnosticLog) -> [OutputFile] {
        guard let values = values() else { return [] }
        let file = context.page("workforce", at: Self.path, title: "Workforce dashboard",
                                description: "Children's social care workforce: establishment, vacancies, agency staff and turnover, against target and national figures.",
                                values: values, source: SourceLocation(path: Workforce.folder), log: &log)
        return file.map { [$0] } ?? []
    }

    /// The template values; nil when there are no snapshots.
    func values() -> [String: Any]? {
        guard let latest = workforce.latest else { return nil }
        let config = workforce.config
        let previous = workforce.previous(before: latest)
        var values: [String: Any] = [
            "latestAsAt": latest.asAt.longForm,
            "latest": SnapshotTableView(latest),
            "targets": TargetTableView(targets: config.targets, snapshot: latest, previous: previous, config: config),
            "charts": charts(latest),
            "snapshots": workforce.snapshots.map { snapshot in
                ["asAt": snapshot.asAt.longForm, "path": Self.contentPath(snapshot.path), "status": status(of: snapshot)]
            },
            "suspectNote": ReportCell.suspectNote,
            "findings": workforce.findings.map { finding in
                [
                    "location": "\(Self.contentPath(finding.location.path)):\(finding.location.line):\(finding.location.column)",
                    "severity": finding.severity.rawValue, "message": finding.message, "code": finding.code,
                ]
            },
            "hasFindings": !workforce.findings.isEmpty,
            "findingCount": workforce.findings.count,
        ]
        let keys = [RowKey.directorate] + config.groups.map { RowKey(group: $0.id) }
        func changes(from earlier: Snapshot) -> [ChangeTableView] {
            let comparison = workforce.comparison(from: earlier, to: latest)
            return keys.map { ChangeTableView(comparison, row: $0, rowName: RowLabel.name($0, config: config)) }
        }
        // "since last week" for weekly data, else the real period ("over 6 months").
        values["changeHeading"] = previous.map { "Change " + SnapshotPeriod(from: $0.asAt, to: latest.asAt).words }
            ?? "Change since the previous snapshot"
        if let previous { values["changes"] = changes(from: previous) }
        let weekly = previous.map { SnapshotPeriod(from: $0.asAt, to: latest.asAt).days == 7 } ?? false
        values["yearChangeHeading"] = weekly ? "Change since the same week a year earlier" : "Change since a year earlier"
        if let yearEarlier = workforce.yearEarlier(than: latest) {
            values["yearEarlierAsAt"] = yearEarlier.asAt.longForm
            if yearEarlier.asAt == previous?.asAt {
                values["yearEarlierIsPrevious"] = true
            } else {
                values["yearChanges"] = changes(from: yearEarlier)
            }
        } else {
            values["noYearEarlier"] = "There is no snapshot from a year before the latest (within \(SnapshotPeriod.yearTolerance) days of \(latest.asAt.adding(days: -SnapshotPeriod.yearDays).longForm)), so there is nothing to compare it with."
        }
        values.merge(planningValues()) { $1 }
        let rows = workforce.benchmarkRows(for: latest)
        if rows.isEmpty {
            values["noBenchmarks"] = workforce.benchmarks == nil
                ? "There is no \(BenchmarkTable.contentPath); import the DfE indicators with quorum benchmarks import."
                : "\(BenchmarkTable.contentPath) has no figures for \(BenchmarkTable.year(for: latest.asAt)), the census year of the latest snapshot."
        } else {
            values["benchmarks"] = BenchmarkTableView(snapshot: latest, benchmarks: rows, config: config, council: site.config.council)
        }
        return values
    }

    /// The reconciliation of the latest snapshot that has a budget month, caseloads against
    /// the optimum, and the scenarios with their chart (docs/planning.md).
    func planningValues() -> [String: Any] {
        let planning = site.planning
        var values: [String: Any] = [:]
        if let reconciliation = planning.reconciliations.last {
            values["reconciliation"] = ReconciliationTableView(reconciliation)
        } else {
            values["noReconciliation"] = planning.budgets.isEmpty
                ? "There is no budget monitoring in \(BudgetMonth.folder)/ to reconcile the establishment to."
                : "No snapshot falls in a month of budget monitoring (\(planning.budgets.map(\.month.longForm).joined(separator: ", ")))."
        }
        if let caseloads = planning.caseloads {
            values["caseloads"] = CaseloadTableView(caseloads)
        } else {
            values["noCaseloads"] = "workforce/config.yaml sets no optimum_caseload."
        }
        values["scenarios"] = planning.scenarios.map { comparison in
            [
                "title": comparison.scenario.title, "path": ScenarioPageRenderer.path(of: comparison.scenario.id),
                "summary": ScenarioTableView(comparison).summary, "adopted": comparison.scenario.adopted,
            ] as [String: Any]
        }
        values["hasScenarios"] = !planning.scenarios.isEmpty
        if let chart = ChartView.scenarios(id: "chart-scenarios", comparisons: planning.scenarios, measure: .agencyRate) {
            values["scenarioChart"] = chart
        }
        return values
    }

    /// Vacancy and agency rate by area for the latest snapshot; vacancy, agency and
    /// turnover rates over every snapshot, by staff group.
    func charts(_ latest: Snapshot) -> [ChartView] {
        let config = workforce.config
        var charts: [ChartView?] = [.vacancyRate, .agencyRate].map { measure in
            ChartView.bars(id: "chart-\(measure.rawValue)-bars", snapshot: latest, measure: measure, group: nil, config: config)
        }
        let keys = config.groups.map { RowKey(group: $0.id) } + [.directorate]
        charts += [Measure.vacancyRate, .agencyRate, .turnoverRate].map { measure in
            ChartView.trend(id: "chart-\(measure.rawValue)-trend", snapshots: workforce.snapshots, measure: measure,
                            rows: keys, config: config)
        }
        return charts.compactMap { $0 }
    }

    /// "clean", "4 errors (accepted: …)", "2 warnings".
    func status(of snapshot: Snapshot) -> String {
        guard snapshot.errorCount + snapshot.warningCount > 0 else { return "clean" }
        var parts: [String] = []
        if snapshot.errorCount > 0 {
            let errors = "\(snapshot.errorCount) error\(snapshot.errorCount == 1 ? "" : "s")"
            if let reason = workforce.config.acceptedProblems[snapshot.asAt] {
                parts.append("\(errors) (accepted: \(reason)); the figures involved are marked †")
            } else {
                parts.append("\(errors); the figures involved are marked †")
            }
        }
        if snapshot.warningCount > 0 {
            parts.append("\(snapshot.warningCount) warning\(snapshot.warningCount == 1 ? "" : "s")")
        }
        return parts.joined(separator: ", ")
    }

    /// A diagnostic's path inside the content folder (`workforce/snapshots/2018-03-31.csv`),
    /// so the page does not depend on where the build ran.
    static func contentPath(_ path: String, folder: String = Workforce.folder) -> String {
        guard let range = path.range(of: folder + "/", options: .backwards) else { return path }
        return String(path[range.lowerBound...])
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// Scenario and workforce planning for a content folder: the cost model, budget monitoring,
/// reconciliation of each snapshot to its month's budget, caseloads against the optimum
/// team, and every scenario projected beside the "no change" baseline. The entry point a
/// renderer or directive calls; it knows nothing of HTML or templates.
///
/// Reads the planning keys of `workforce/config.yaml`, `workforce/budget/YYYY-MM.csv` and
/// `scenarios/*.md`. A content folder with none of them gives an empty `Planning` and no
/// diagnostics. Every problem is a located diagnostic; a scenario with an error has no
/// projection (so nothing is written from it).
package struct Planning: Sendable {
    package let config: PlanningConfig
    /// Oldest first.
    package let budgets: [BudgetMonth]
    /// One per snapshot that has a budget month, oldest first.
    package let reconciliations: [Reconciliation]
    /// Caseloads of the latest snapshot; nil without `optimum_caseload` or a snapshot.
    package let caseloads: CaseloadReview?
    /// Each scenario that could be projected, with the baseline, in file order.
    package let scenarios: [ScenarioComparison]

    package init(config: PlanningConfig = PlanningConfig(), budgets: [BudgetMonth] = [], reconciliations: [Reconciliation] = [],
                caseloads: CaseloadReview? = nil, scenarios: [ScenarioComparison] = []) {
        self.config = config
        self.budgets = budgets.sorted { $0.month < $1.month }
        self.reconciliations = reconciliations
        self.caseloads = caseloads
        self.scenarios = scenarios
    }

    package var isEmpty: Bool { budgets.isEmpty && caseloads == nil && scenarios.isEmpty }

    package func budget(for month: CalendarMonth) -> BudgetMonth? { budgets.first { $0.month == month } }

    package func reconciliation(at date: CalendarDate) -> Reconciliation? { reconciliations.first { $0.snapshotDate == date } }

    package func scenario(_ id: String) -> ScenarioComparison? { scenarios.first { $0.scenario.id == id } }

    /// The scenario the board adopted (`adopted: yes`), for the annual update.
    package var adopted: ScenarioComparison? { scenarios.first { $0.scenario.adopted } }

    /// Loads and analyses everything. `workforce` is the content's loaded workforce (its
    /// snapshots are projected from; its config names the areas and groups).
    package static func load(from content: ContentFolder, workforce: Workforce, log: inout DiagnosticLog) -> Planning {
        let config = PlanningConfig.load(from: content, workforce: workforce.config, log: &log)
        // Budget CSVs, and workbooks (binary: listed by the content folder, opened from disk).
        let budgetFiles = content.files(in: BudgetMonth.folder, extensions: ["csv"]).map { (file: $0, workbook: URL?.none) }
            + content.binaryFiles(in: BudgetMonth.folder)
            .filter { ($0 as NSString).pathExtension.lowercased() == "xlsx" }
            .map { relative in
                (file: SourceFile(path: content.displayPath(relative), relativePath: relative, text: ""),
                 workbook: Optional(content.url(of: relative)))
            }
        let scenarioFiles = content.files(in: Scenario.folder, extensions: ["md"])

        var budgets: [BudgetMonth] = []
        for (file, workbook) in budgetFiles.sorted(by: { $0.file.relativePath < $1.file.relativePath }) {
            guard let budget = BudgetMonth.load(file, workbook: workbook, config: workforce.config, log: &log) else { continue }
            if let other = budgets.first(where: { $0.month == budget.month }) {
                log.error(file.location(), "\(other.path) is already the budget monitoring for \(budget.month); this file is ignored",
                          code: PlanningDiagnosticCode.budgetFileName)
                continue
            }
            budgets.append(budget)
        }
        budgets.sort { $0.month < $1.month }

        // Reconciliation needs the cost model: say so once, at the first budget file.
        var reconciliations: [Reconciliation] = []
        if !budgets.isEmpty, config.costs.isEmpty {
            log.error(SourceLocation(path: budgets[0].path),
                      "budget monitoring cannot be reconciled without a cost model: add 'costs:' to \(config.costs.location.path) (see docs/planning.md)",
                      code: PlanningDiagnosticCode.missingCost)
        } else {
            for snapshot in workforce.snapshots {
                guard let budget = budgets.first(where: { $0.month == CalendarMonth(snapshot.asAt) }) else { continue }
                reconciliations.append(Reconciliation.reconcile(snapshot, budget: budget, config: config, log: &log))
            }
        }

        let caseloads = workforce.latest.flatMap { CaseloadReview.review($0, config: config, log: &log) }

        var scenarios: [ScenarioComparison] = []
        for file in scenarioFiles {
            guard let scenario = Scenario.load(file, config: workforce.config, latest: workforce.latest?.asAt, log: &log),
                  workforce.latest != nil else { continue }
            // The latest snapshot; for an adopted scenario, the latest before its start.
            guard let from = workforce.snapshots.last(where: { CalendarMonth($0.asAt) < scenario.start }) else {
                log.error(file.location(), "the adopted scenario starts in \(scenario.start), but there is no workforce snapshot before that month to project it from",
                          code: PlanningDiagnosticCode.scenarioStart)
                continue
            }
            if config.costs.isEmpty {
                log.error(file.location(), "the scenario cannot be costed without a cost model: add 'costs:' to \(config.costs.location.path) (see docs/planning.md)",
                          code: PlanningDiagnosticCode.missingCost)
                continue
            }
            if let comparison = project(scenario, from: from, budgets: budgets, config: config, log: &log) {
                scenarios.append(comparison)
            }
        }
        return Planning(config: config, budgets: budgets, reconciliations: reconciliations, caseloads: caseloads,
                        scenarios: scenarios)
    }

    /// Projects one scenario and the "no change" baseline over the same months, from
    /// `snapshot`, with the budget of the snapshot's month (or the latest before it).
    package static func project(_ scenario: Scenario, from snapshot: Snapshot, budgets: [BudgetMonth], config: PlanningConfig,
                               log: inout DiagnosticLog) -> ScenarioComparison? {
        let month = CalendarMonth(snapshot.asAt)
        let budget = budgets.last { $0.month <= month }
        let projector = ScenarioProjector(snapshot: snapshot, config: config, budget: budget)
        guard let projection = projector.project(scenario, log: &log) else { return nil }
        var ignored = DiagnosticLog()  // the baseline changes nothing; its findings are the scenario's
        guard let baseline = projector.project(Scenario.noChange(like: scenario), log: &ignored) else { return nil }
        return ScenarioComparison(scenario: scenario, projection: projection, baseline: baseline)
    }
}

extension Scenario {
    /// The latest snapshot held as it is over `scenario`'s months: no turnover (every leaver
    /// replaced), no changes, the budget unchanged.
    static func noChange(like scenario: Scenario) -> Scenario {
        Scenario(id: "no-change", title: "No change", path: scenario.path, start: scenario.start, months: scenario.months,
                 adopted: false, turnover: [:], turnoverForAllGroups: nil, agencyCover: 0, changes: [], body: "", bodyStartLine: 1)
    }
}

import QuorumPapers
import QuorumSupport
import QuorumWorkforce

/// The planning directives (docs/planning.md): the reconciliation to the budget, caseloads
/// against the optimum, and a scenario's table or chart.
///
/// Each shows figures as at a snapshot, so none may show a snapshot after the paper's "as
/// at" date: a 2017 paper cannot quote the 2019 projection. An unknown scenario, a snapshot
/// without budget monitoring, or planning the content does not have is an error at the
/// directive's line.
extension DirectiveRenderer {
    enum PlanningCode {
        static let unknownScenario = "directive-unknown-scenario"
        static let afterPaper = "directive-after-paper"
    }

    var planning: Planning { data.planning }

    /// ```quorum reconciliation as-of=2019-09-30```: by default the latest snapshot reconciled
    /// on or before the paper's date.
    func reconciliation(_ directive: Directive, log: inout DiagnosticLog) -> ReconciliationTableView? {
        guard directive.checkArguments(allowed: ["as-of"], log: &log), let date = directive.date("as-of", log: &log) else { return nil }
        guard !planning.reconciliations.isEmpty else {
            let why = planning.budgets.isEmpty ? "the content folder has no budget monitoring in \(BudgetMonth.folder)/"
                : "no snapshot falls in a month of budget monitoring"
            log.error(directive.location, "\(directive.name): \(why)", code: Code.noData)
            return nil
        }
        if let date {
            guard let found = planning.reconciliation(at: date) else {
                let dates = planning.reconciliations.map(\.snapshotDate.description).joined(separator: ", ")
                log.error(directive.location, "\(directive.name): the snapshot at \(date) is not reconciled to a budget (reconciled: \(dates))",
                          code: Code.unknownSnapshot)
                return nil
            }
            guard found.snapshotDate <= asAt else {
                log.error(directive.location, "\(directive.name): the snapshot at \(date) is after the paper's date, \(asAt)",
                          code: PlanningCode.afterPaper)
                return nil
            }
            return ReconciliationTableView(found)
        }
        guard let latest = planning.reconciliations.last(where: { $0.snapshotDate <= asAt }) else {
            let first = planning.reconciliations[0].snapshotDate
            log.error(directive.location, "\(directive.name): no snapshot on or before the paper's date, \(asAt), is reconciled to a budget (the first is at \(first))",
                      code: PlanningCode.afterPaper)
            return nil
        }
        return ReconciliationTableView(latest)
    }

    /// ```quorum caseloads```: the latest snapshot's caseloads against the optimum.
    func caseloads(_ directive: Directive, log: inout DiagnosticLog) -> CaseloadTableView? {
        guard directive.checkArguments(allowed: [], log: &log) else { return nil }
        guard let review = planning.caseloads else {
            log.error(directive.location, "\(directive.name): workforce/config.yaml sets no optimum_caseload, or there is no snapshot",
                      code: Code.noData)
            return nil
        }
        guard review.snapshotDate <= asAt else {
            log.error(directive.location, "\(directive.name): caseloads are reviewed at the latest snapshot, \(review.snapshotDate), after the paper's date, \(asAt)",
                      code: PlanningCode.afterPaper)
            return nil
        }
        return CaseloadTableView(review)
    }

    /// ```quorum scenario-table id=convert-agency```
    func scenarioTable(_ directive: Directive, log: inout DiagnosticLog) -> ScenarioTableView? {
        guard directive.checkArguments(allowed: ["id"], log: &log), let comparison = scenario(directive, log: &log) else { return nil }
        return ScenarioTableView(comparison)
    }

    /// ```quorum scenario-chart id=convert-agency measure=agency-fte```: the scenario against
    /// no change; `measure` defaults to the agency rate, as on the dashboard.
    func scenarioChart(_ directive: Directive, log: inout DiagnosticLog) -> ChartView? {
        guard directive.checkArguments(allowed: ["id", "measure"], log: &log), let comparison = scenario(directive, log: &log) else { return nil }
        let known = ChartView.ScenarioMeasure.allCases.map(\.rawValue).joined(separator: ", ")
        let name = directive.arguments["measure"] ?? ChartView.ScenarioMeasure.agencyRate.rawValue
        guard let measure = ChartView.ScenarioMeasure(rawValue: name) else {
            log.error(directive.location, "\(directive.name): unknown measure '\(name)' (one of: \(known))", code: Code.unknownMeasure)
            return nil
        }
        let id = "chart-" + (directive.anchor.map { $0.replacingOccurrences(of: ".", with: "-") } ?? "\(directive.location.line)")
        return ChartView.scenarios(id: id, comparisons: [comparison], measure: measure)
    }

    /// The scenario `id` names, projected from a snapshot on or before the paper's date.
    func scenario(_ directive: Directive, log: inout DiagnosticLog) -> ScenarioComparison? {
        guard let id = directive.arguments["id"], !id.isEmpty else {
            log.error(directive.location, "\(directive.name): give the scenario, e.g. id=convert-agency (the name of its file in scenarios/)",
                      code: Code.argument)
            return nil
        }
        guard let comparison = planning.scenario(id) else {
            let known = planning.scenarios.map(\.scenario.id)
            let suggestion = known.min { id.editDistance(to: $0) < id.editDistance(to: $1) }
                .flatMap { id.editDistance(to: $0) <= max(2, id.count / 3) ? " (did you mean '\($0)'?)" : nil } ?? ""
            let list = known.isEmpty ? "there are none, or none could be projected" : "scenarios: " + known.joined(separator: ", ")
            log.error(directive.location, "\(directive.name): unknown scenario '\(id)'\(suggestion); \(list)", code: PlanningCode.unknownScenario)
            return nil
        }
        guard comparison.projection.from <= asAt else {
            log.error(directive.location,
                      "\(directive.name): the scenario '\(id)' is projected from the snapshot at \(comparison.projection.from), after the paper's date, \(asAt)",
                      code: PlanningCode.afterPaper)
            return nil
        }
        return comparison
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// The establishment of one snapshot reconciled to the budget monitoring of its month.
///
/// For each area, and for the directorate:
/// - budgeted establishment cost = Σ over groups (budgeted FTE × permanent annual cost),
///   against the staffing budget;
/// - current annual cost = Σ (employee FTE × permanent annual cost + agency FTE × agency
///   annual cost), against the forecast outturn;
/// - agency premium = Σ agency FTE × (agency annual cost − permanent annual cost).
///
/// A difference larger than the tolerance (a percentage of the budget or forecast) is a
/// warning at the budget file's row that names the area and both amounts.
package struct Reconciliation: Sendable {
    package struct Area: Sendable {
        /// The config's area id; nil for the directorate.
        package let areaID: String?
        package let areaName: String
        /// Every line of arithmetic, in order: per group, then the area's sums and differences.
        package let lines: [CalculationRow]
        package let budgetedEstablishmentCost: Double?
        package let staffingBudget: Double?
        package let currentAnnualCost: Double?
        package let forecastOutturn: Double?
        package let agencyPremium: Double?
        /// Cost − budget and cost − forecast; positive means the figures cost more than the budget says.
        package let establishmentDifference: Double?
        package let forecastDifference: Double?
        package let establishmentBeyondTolerance: Bool
        package let forecastBeyondTolerance: Bool
        /// True when a figure used is in doubt (a suspect snapshot cell, an unreadable budget cell).
        package let suspect: Bool
    }

    package let snapshotDate: CalendarDate
    package let budgetMonth: CalendarMonth
    package let tolerance: Double
    package let areas: [Area]
    package let directorate: Area

    /// Reconciles `snapshot` with `budget` (the budget month of the snapshot's date).
    package static func reconcile(_ snapshot: Snapshot, budget: BudgetMonth, config: PlanningConfig,
                                 log: inout DiagnosticLog) -> Reconciliation {
        var reported: Set<String> = []
        let budgetFile = SourceLocation(path: budget.path)
        var areas: [Area] = []
        var parts: [Sums] = []
        for area in snapshot.areas {
            let row = budget.row(area: area.id ?? "")
            if row == nil {
                log.warning(budgetFile, "the budget for \(budget.month) has no row for \(area.name), which the snapshot at \(snapshot.asAt) has; it is reconciled only in the directorate total",
                            code: PlanningDiagnosticCode.reconciliation)
            }
            var sums = Sums()
            for group in area.groups {
                sums.add(group, config: config, snapshot: snapshot, reported: &reported, log: &log)
            }
            parts.append(sums)
            guard let row else { continue }
            areas.append(sums.area(id: area.id, name: area.name, budget: row, location: budget.location(line: row.line),
                                   tolerance: config.reconciliationTolerance, log: &log))
        }
        let all = parts.reduce(into: Sums()) { $0.merge($1) }
        let directorateLocation = budget.total.line > 0 ? budget.location(line: budget.total.line) : budgetFile
        let directorate = all.area(id: nil, name: budget.total.areaName, budget: budget.total, location: directorateLocation,
                                   tolerance: config.reconciliationTolerance, log: &log)
        return Reconciliation(snapshotDate: snapshot.asAt, budgetMonth: budget.month, tolerance: config.reconciliationTolerance,
                              areas: areas, directorate: directorate)
    }

    /// The running sums of one area (or the directorate) and the lines that show them.
    private struct Sums {
        var budgeted: Double? = 0
        var current: Double? = 0
        var premium: Double? = 0
        var suspect = false
        var lines: [CalculationRow] = []
        var missing: [String] = []

        mutating func add(_ row: SnapshotRow, config: PlanningConfig, snapshot: Snapshot, reported: inout Set<String>,
                          log: inout DiagnosticLog) {
            let b = row.figure(.budgetedFTE), e = row.figure(.employeeFTE), a = row.figure(.agencyFTE)
            let rowSuspect = [b, e, a].contains { $0?.suspect == true }
            suspect = suspect || rowSuspect
            guard let budgetedFTE = b?.value, let employeeFTE = e?.value, let agencyFTE = a?.value else {
                missing.append("\(row.label) lacks a readable FTE figure")
                budgeted = nil; current = nil; premium = nil
                return
            }
            if budgetedFTE == 0, employeeFTE == 0, agencyFTE == 0 { return }
            guard let cost = config.cost(of: row.key.group ?? "", groupName: row.groupName,
                                         neededBy: "reconciling the snapshot at \(snapshot.asAt)",
                                         at: SourceLocation(path: snapshot.path, line: row.line ?? 1), reported: &reported, log: &log)
            else {
                missing.append("no cost for \(row.groupName)")
                budgeted = nil; current = nil; premium = nil
                return
            }
            let permanent = CalculationRow.Input("permanent annual cost", cost.permanentAnnual, .pounds)
            let agencyAnnual = CalculationRow.Input("agency annual cost", cost.agency.annualCost, .pounds)
            let budgetedCost = budgetedFTE * cost.permanentAnnual
            let currentCost = employeeFTE * cost.permanentAnnual + agencyFTE * cost.agency.annualCost
            let groupPremium = agencyFTE * cost.agencyPremium
            lines.append(cost.agency.calculation(group: row.groupName))
            lines.append(CalculationRow("Budgeted establishment cost (\(row.label))",
                                        inputs: [.init("budgeted FTE", budgetedFTE, .fte), permanent],
                                        formula: "budgeted FTE × permanent annual cost", result: budgetedCost, unit: .pounds,
                                        suspect: rowSuspect))
            lines.append(CalculationRow("Current annual cost (\(row.label))",
                                        inputs: [.init("employee FTE", employeeFTE, .fte), permanent,
                                                 .init("agency FTE", agencyFTE, .fte), agencyAnnual],
                                        formula: "employee FTE × permanent annual cost + agency FTE × agency annual cost",
                                        result: currentCost, unit: .pounds, suspect: rowSuspect))
            lines.append(CalculationRow("Agency premium (\(row.label))",
                                        inputs: [.init("agency FTE", agencyFTE, .fte), agencyAnnual, permanent],
                                        formula: "agency FTE × (agency annual cost − permanent annual cost)",
                                        result: groupPremium, unit: .pounds, suspect: rowSuspect))
            budgeted = budgeted.map { $0 + budgetedCost }
            current = current.map { $0 + currentCost }
            premium = premium.map { $0 + groupPremium }
        }

        mutating func merge(_ other: Sums) {
            budgeted = budgeted.flatMap { x in other.budgeted.map { x + $0 } }
            current = current.flatMap { x in other.current.map { x + $0 } }
            premium = premium.flatMap { x in other.premium.map { x + $0 } }
            suspect = suspect || other.suspect
            missing += other.missing
        }

        func area(id: String?, name: String, budget: BudgetMonth.Row, location: SourceLocation, tolerance: Double,
                  log: inout DiagnosticLog) -> Area {
            let note = missing.isEmpty ? nil : "not available: " + missing.joined(separator: "; ")
            let isSuspect = suspect || budget.suspect
            var lines = id == nil ? [] : self.lines
            lines.append(CalculationRow("Budgeted establishment cost (\(name))", inputs: [],
                                        formula: "sum of the groups' budgeted establishment costs", result: budgeted,
                                        unit: .pounds, note: note, suspect: isSuspect))
            let establishment = Reconciliation.compare(budgeted, with: budget.staffingBudget, costName: "budgeted establishment cost",
                                                       budgetName: "staffing budget", area: name, tolerance: tolerance,
                                                       location: location, log: &log)
            lines.append(establishment.line)
            lines.append(CalculationRow("Current annual cost (\(name))", inputs: [],
                                        formula: "sum of the groups' current annual costs", result: current, unit: .pounds,
                                        note: note, suspect: isSuspect))
            let forecast = Reconciliation.compare(current, with: budget.forecastOutturn, costName: "current annual cost",
                                                  budgetName: "forecast outturn", area: name, tolerance: tolerance,
                                                  location: location, log: &log)
            lines.append(forecast.line)
            lines.append(CalculationRow("Agency premium (\(name))", inputs: [], formula: "sum of the groups' agency premiums",
                                        result: premium, unit: .pounds, note: note, suspect: isSuspect))
            return Area(areaID: id, areaName: name, lines: lines, budgetedEstablishmentCost: budgeted,
                        staffingBudget: budget.staffingBudget, currentAnnualCost: current, forecastOutturn: budget.forecastOutturn,
                        agencyPremium: premium, establishmentDifference: establishment.difference,
                        forecastDifference: forecast.difference, establishmentBeyondTolerance: establishment.beyond,
                        forecastBeyondTolerance: forecast.beyond, suspect: isSuspect)
        }
    }

    /// Cost − budget, and whether it is beyond the tolerance (a warning at `location` when so).
    static func compare(_ cost: Double?, with budget: Double?, costName: String, budgetName: String, area: String,
                        tolerance: Double, location: SourceLocation,
                        log: inout DiagnosticLog) -> (line: CalculationRow, difference: Double?, beyond: Bool) {
        let label = "Difference from the \(budgetName) (\(area))"
        guard let cost, let budget else {
            return (CalculationRow(label, inputs: [], formula: "\(costName) − \(budgetName)", result: nil, unit: .pounds,
                                   note: "not available: \(cost == nil ? "the \(costName)" : "the \(budgetName)") is not available"), nil, false)
        }
        let difference = cost - budget
        let inputs: [CalculationRow.Input] = [.init(costName, cost, .pounds), .init(budgetName, budget, .pounds)]
        var beyond = false
        var note: String?
        if budget == 0 {
            beyond = difference != 0
            note = "the \(budgetName) is £0: no percentage can be worked out"
        } else {
            beyond = abs(difference) / budget * 100 > tolerance + 1e-9
        }
        if beyond {
            let percent = budget == 0 ? "" : " (\(WorkforceNumber.percent(difference / budget * 100)) of it)"
            log.warning(location,
                        "\(area): the \(costName) is \(PlanningAmount.poundsText(cost)) but the \(budgetName) is \(PlanningAmount.poundsText(budget)): a difference of \(PlanningAmount.poundsText(difference))\(percent), beyond the tolerance of \(WorkforceNumber.percent(tolerance))",
                        code: PlanningDiagnosticCode.reconciliation)
        }
        return (CalculationRow(label, inputs: inputs, formula: "\(costName) − \(budgetName)", result: difference, unit: .pounds,
                               note: note), difference, beyond)
    }
}

extension SourceLocation {
    func at(line: Int, column: Int = 1) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }
}

import Foundation
import QuorumContent
import QuorumSupport

/// Projects a scenario month by month from the latest snapshot.
///
/// Each month, for each area and staff group, in this order:
/// 1. leavers = employee FTE × (annual turnover rate − retention reductions) ÷ 100 ÷ 12;
///    agency cover = leavers × agency cover % ÷ 100;
/// 2. converted = the conversions of the month (never more than the agency FTE there is);
/// 3. employee FTE = employee FTE − leavers + starters + converted;
///    agency FTE = agency FTE + agency cover − converted; budgeted FTE = budgeted FTE + establishment changes;
/// 4. vacant FTE = budgeted − employee FTE (a negative vacant FTE is reported at the change
///    that causes it, and kept);
/// 5. cost = (employee FTE × permanent annual cost + agency FTE × agency annual cost) ÷ 12.
/// Then the directorate: sums, rates, caseload, retention payments (per head × heads ÷ 12)
/// and the budget (annual staffing budget + budget changes, ÷ 12).
struct ScenarioProjector {
    let snapshot: Snapshot
    let config: PlanningConfig
    let budget: BudgetMonth?

    /// One row of the establishment as the projection carries it.
    private struct State {
        let key: RowKey
        let label: String
        let areaName: String
        var budgeted: Double
        var employees: Double
        var agency: Double
        let cost: CostModel.GroupCost?
    }

    /// Nil (with located errors) when the snapshot lacks a figure or a group lacks a cost.
    func project(_ scenario: Scenario, log: inout DiagnosticLog) -> Projection? {
        let at = SourceLocation(path: scenario.path)
        var errors = DiagnosticLog()
        var reported: Set<String> = []
        var states: [State] = []
        // A budget whose total did not add up, or had an unreadable cell, leaves every month's budget in doubt.
        var suspect = snapshot.isSuspect || budget?.total.suspect == true
        for area in snapshot.areas {
            for row in area.groups {
                let b = row.figure(.budgetedFTE), e = row.figure(.employeeFTE), a = row.figure(.agencyFTE)
                suspect = suspect || [b, e, a].contains { $0?.suspect == true }
                guard let budgeted = b?.value, let employees = e?.value, let agency = a?.value else {
                    errors.error(at, "the latest snapshot (\(snapshot.path)) has no readable budgeted, employee and agency FTE for \(row.label), so the scenario cannot be projected",
                                 code: PlanningDiagnosticCode.scenario)
                    continue
                }
                var cost: CostModel.GroupCost?
                if budgeted != 0 || employees != 0 || agency != 0 || scenario.changes.contains(where: { $0.applies(to: row.key) }) {
                    cost = config.cost(of: row.key.group ?? "", groupName: row.groupName, neededBy: "the scenario '\(scenario.title)'",
                                       at: at, reported: &reported, log: &errors)
                }
                states.append(State(key: row.key, label: row.label, areaName: area.name, budgeted: budgeted, employees: employees,
                                    agency: agency, cost: cost))
            }
        }
        // A change into an area and group the snapshot has no row for has nowhere to go.
        for change in scenario.changes where change.groupID != nil && change.areaID != nil
            && !states.contains(where: { change.applies(to: $0.key) }) {
            errors.error(change.location, "the latest snapshot has no \(change.groupID!) row in \(change.areaID!) for the \(change.kind.name) to change",
                         code: PlanningDiagnosticCode.scenario)
        }
        for change in scenario.changes {
            if case .budgetChange = change.kind, let area = change.areaID, budget != nil, budget?.row(area: area)?.staffingBudget == nil {
                errors.error(change.location, "the budget monitoring for \(budget!.month) gives no staffing budget for \(area) to change",
                             code: PlanningDiagnosticCode.scenario)
            }
        }
        log.append(contentsOf: errors)
        guard !errors.hasErrors else { return nil }

        let opening = summarise(month: CalendarMonth(snapshot.asAt), states: states, scenario: scenario, retentionCost: 0, lines: [],
                                includeBudgetChanges: false)
        var months: [Projection.Month] = []
        var warnedShort: Set<SourceLocation> = []
        for index in 0..<scenario.months {
            let month = scenario.start.adding(months: index)
            var lines: [CalculationRow] = []
            for i in states.indices {
                step(&states[i], month: month, scenario: scenario, lines: &lines, warnedShort: &warnedShort, log: &log)
            }
            var retention = 0.0
            for change in scenario.changes where change.isActive(in: month) {
                guard case let .retention(perHead, heads, _) = change.kind else { continue }
                let cost = perHead * heads / 12
                // Named as the other lines are: "Referral & Assessment / Social workers".
                let group = states.first { $0.key.group == change.groupID && (change.areaID == nil || $0.key.area == change.areaID) }
                let groupName = group.map { $0.label.hasPrefix($0.areaName + " / ") ? String($0.label.dropFirst($0.areaName.count + 3)) : $0.label }
                    ?? change.groupID ?? ""
                let who = change.areaID == nil ? "every area / \(groupName)" : group.map(\.label) ?? groupName
                lines.append(CalculationRow("Retention payment (\(who))",
                                            inputs: [.init("payment a head a year", perHead, .pounds), .init("heads", heads, .heads)],
                                            formula: "payment a head a year × heads ÷ 12", result: cost, unit: .pounds, note: change.note))
                retention += cost
            }
            months.append(summarise(month: month, states: states, scenario: scenario, retentionCost: retention, lines: lines,
                                    includeBudgetChanges: true))
        }
        return Projection(scenarioID: scenario.id, title: scenario.title, from: snapshot.asAt, budgetMonth: budget?.month,
                          opening: opening, months: months, suspect: suspect)
    }

    /// One month of one row: leavers, starters, conversions, establishment changes, cost.
    private func step(_ state: inout State, month: CalendarMonth, scenario: Scenario, lines: inout [CalculationRow],
                      warnedShort: inout Set<SourceLocation>, log: inout DiagnosticLog) {
        let group = state.key.group ?? ""
        let active = scenario.changes.filter { $0.applies(to: state.key) && $0.isActive(in: month) }
        let vacantBefore = state.budgeted - state.employees

        // 1. Leavers at the turnover rate, less any retention effect.
        let baseRate = scenario.turnoverRate(of: group)
        var reduction = 0.0
        for change in active { if case let .retention(_, _, r) = change.kind { reduction += r } }
        let rate = baseRate - reduction
        let leavers = state.employees * rate / 100 / 12
        if baseRate != 0 {
            var inputs: [CalculationRow.Input] = [.init("employee FTE", state.employees, .fte), .init("annual turnover rate", baseRate, .percent)]
            var formula = "employee FTE × annual turnover rate ÷ 100 ÷ 12"
            if reduction != 0 {
                inputs.append(.init("retention reduction", reduction, .percent))
                formula = "employee FTE × (annual turnover rate − retention reduction) ÷ 100 ÷ 12"
            }
            lines.append(CalculationRow("Leavers (\(state.label))", inputs: inputs, formula: formula, result: leavers, unit: .fte))
        }

        let agencyBefore = state.agency
        let cover = leavers * scenario.agencyCover / 100
        if cover != 0 {
            lines.append(CalculationRow("Agency cover for leavers (\(state.label))",
                                        inputs: [.init("leavers", leavers, .fte), .init("agency cover", scenario.agencyCover, .percent)],
                                        formula: "leavers × agency cover ÷ 100", result: cover, unit: .fte))
            state.agency += cover
        }

        // 2. Starters, conversions and establishment changes of the month.
        var starters = 0.0, wanted = 0.0, establishment = 0.0
        for change in active {
            switch change.kind {
            case let .recruit(fte): starters += fte
            case let .convert(fte): wanted += fte
            case let .establishmentChange(fte) where change.month == month: establishment += fte
            default: break
            }
        }
        let converted = min(wanted, max(state.agency, 0))
        if converted < wanted - 1e-9 {
            for change in active where change.kind.isConversion {
                guard warnedShort.insert(change.location).inserted else { continue }
                log.warning(change.location,
                            "\(state.label): in \(month) the conversion asks for \(WorkforceNumber.text(wanted)) agency FTE but only \(WorkforceNumber.text(state.agency)) remain; \(WorkforceNumber.text(converted)) are converted",
                            code: PlanningDiagnosticCode.conversionShort)
            }
        }

        // 3. The new position.
        let employees = state.employees - leavers + starters + converted
        if leavers != 0 || starters != 0 || converted != 0 {
            lines.append(CalculationRow("Employee FTE (\(state.label))",
                                        inputs: [.init("employee FTE", state.employees, .fte), .init("leavers", leavers, .fte),
                                                 .init("starters", starters, .fte), .init("converted from agency", converted, .fte)],
                                        formula: "employee FTE − leavers + starters + converted from agency", result: employees, unit: .fte))
        }
        if converted != 0 || cover != 0 {
            lines.append(CalculationRow("Agency FTE (\(state.label))",
                                        inputs: [.init("agency FTE", agencyBefore, .fte), .init("agency cover", cover, .fte),
                                                 .init("converted to permanent", converted, .fte)],
                                        formula: "agency FTE + agency cover − converted to permanent", result: state.agency - converted, unit: .fte,
                                        note: converted < wanted - 1e-9 ? "only the agency FTE there was could be converted" : nil))
        }
        if establishment != 0 {
            lines.append(CalculationRow("Budgeted FTE (\(state.label))",
                                        inputs: [.init("budgeted FTE", state.budgeted, .fte), .init("establishment change", establishment, .fte)],
                                        formula: "budgeted FTE + establishment change", result: state.budgeted + establishment, unit: .fte))
        }
        state.employees = employees
        state.agency -= converted
        state.budgeted += establishment

        // 4. Vacant FTE: over establishment is reported at the change that causes it.
        let vacant = state.budgeted - state.employees
        if vacant != vacantBefore || leavers != 0 {
            lines.append(CalculationRow("Vacant FTE (\(state.label))",
                                        inputs: [.init("budgeted FTE", state.budgeted, .fte), .init("employee FTE", state.employees, .fte)],
                                        formula: "budgeted FTE − employee FTE", result: vacant, unit: .fte,
                                        note: vacant < -1e-9 ? "negative: over establishment" : nil))
        }
        if vacant < -1e-9, vacantBefore >= -1e-9 {
            let cause = active.first { change in
                switch change.kind {
                case .recruit, .convert: true
                case .establishmentChange: change.month == month
                default: false
                }
            }
            log.warning(cause?.location ?? SourceLocation(path: scenario.path),
                        "\(state.label): in \(month) employee FTE (\(WorkforceNumber.text(state.employees))) exceeds budgeted FTE (\(WorkforceNumber.text(state.budgeted))): vacant FTE is \(WorkforceNumber.text(vacant)), over establishment",
                        code: PlanningDiagnosticCode.overEstablishment)
        }

        // 5. The month's cost.
        if let cost = state.cost {
            lines.append(CalculationRow("Staffing cost of the month (\(state.label))",
                                        inputs: [.init("employee FTE", state.employees, .fte), .init("permanent annual cost", cost.permanentAnnual, .pounds),
                                                 .init("agency FTE", state.agency, .fte), .init("agency annual cost", cost.agency.annualCost, .pounds)],
                                        formula: "(employee FTE × permanent annual cost + agency FTE × agency annual cost) ÷ 12",
                                        result: monthlyCost(state), unit: .pounds))
        }
    }

    private func monthlyCost(_ state: State) -> Double {
        guard let cost = state.cost else { return 0 }
        return (state.employees * cost.permanentAnnual + state.agency * cost.agency.annualCost) / 12
    }

    /// The areas and the directorate at the end of a month, with the directorate's lines.
    private func summarise(month: CalendarMonth, states: [State], scenario: Scenario, retentionCost: Double,
                           lines: [CalculationRow], includeBudgetChanges: Bool) -> Projection.Month {
        var lines = lines
        let holdingGroup = config.caseHoldingGroup
        func caseHolders(_ rows: [State]) -> Double {
            rows.filter { $0.key.group == holdingGroup }.reduce(0) { $0 + $1.employees + $1.agency }
        }
        func monthlyBudget(area: String?) -> Double? {
            guard let budget = self.budget else { return nil }
            var annual: Double?
            if let area { annual = budget.row(area: area)?.staffingBudget } else { annual = budget.total.staffingBudget }
            guard var annual else { return nil }
            if includeBudgetChanges {
                for change in scenario.changes where change.isActive(in: month) && (area == nil || change.areaID == area) {
                    if case let .budgetChange(pounds) = change.kind { annual += pounds }
                }
            }
            return annual / 12
        }
        func position(_ id: String?, _ name: String, _ rows: [State], snapshotArea: SnapshotArea, extra: Double) -> Projection.Position {
            let cases = snapshotArea.total.figure(.cases)?.value, holders = snapshotArea.total.figure(.caseHoldersFTE)?.value
            let startRows = snapshotArea.groups.filter { $0.key.group == holdingGroup }
            let startHolding = startRows.reduce(0.0) { $0 + ($1.figure(.employeeFTE)?.value ?? 0) + ($1.figure(.agencyFTE)?.value ?? 0) }
            var caseload: Double?
            if let cases, let holders {
                let now = holders + caseHolders(rows) - startHolding
                caseload = now > 0 ? cases / now : nil
            }
            return Projection.Position(areaID: id, areaName: name, budgetedFTE: rows.reduce(0) { $0 + $1.budgeted },
                                       employeeFTE: rows.reduce(0) { $0 + $1.employees }, agencyFTE: rows.reduce(0) { $0 + $1.agency },
                                       caseload: caseload, staffingCost: rows.reduce(0) { $0 + monthlyCost($1) } + extra,
                                       budget: monthlyBudget(area: id))
        }
        let areas = snapshot.areas.map { area in
            position(area.id, area.name, states.filter { $0.key.area == area.id }, snapshotArea: area, extra: 0)
        }
        let directorate = position(nil, snapshot.directorate.name, states, snapshotArea: snapshot.directorate, extra: retentionCost)
        let d = directorate
        let name = d.areaName
        lines.append(CalculationRow("Vacancy rate (\(name))", inputs: [.init("vacant FTE", d.vacantFTE, .fte), .init("budgeted FTE", d.budgetedFTE, .fte)],
                                    formula: "vacant FTE ÷ budgeted FTE × 100", result: d.vacancyRate, unit: .percent,
                                    note: d.vacancyRate == nil ? "the budgeted FTE is 0" : nil))
        lines.append(CalculationRow("Agency rate (\(name))", inputs: [.init("agency FTE", d.agencyFTE, .fte), .init("employee FTE", d.employeeFTE, .fte)],
                                    formula: "agency FTE ÷ (agency FTE + employee FTE) × 100", result: d.agencyRate, unit: .percent,
                                    note: d.agencyRate == nil ? "no agency or employee FTE" : nil))
        let cases = snapshot.directorate.total.figure(.cases)?.value, holders = snapshot.directorate.total.figure(.caseHoldersFTE)?.value
        let startHolding = states.isEmpty ? 0 : snapshot.directorate.groups.filter { $0.key.group == holdingGroup }
            .reduce(0.0) { $0 + ($1.figure(.employeeFTE)?.value ?? 0) + ($1.figure(.agencyFTE)?.value ?? 0) }
        lines.append(CalculationRow("Caseload (\(name))",
                                    inputs: [cases.map { .init("cases at the snapshot", $0, .cases) }, holders.map { .init("case holders FTE at the snapshot", $0, .fte) },
                                             .init("\(holdingGroup) employee + agency FTE now", caseHolders(states), .fte),
                                             .init("\(holdingGroup) employee + agency FTE at the snapshot", startHolding, .fte)].compactMap { $0 },
                                    formula: "cases ÷ (case holders FTE at the snapshot + change in case-holding employee and agency FTE)",
                                    result: d.caseload, unit: .cases,
                                    note: d.caseload == nil ? "the snapshot gives no cases or case holders, or none are left" : "cases are held at the snapshot's figure"))
        let groupCost = d.staffingCost - retentionCost
        lines.append(CalculationRow("Staffing cost of the month (\(name))",
                                    inputs: [.init("employee and agency cost", groupCost, .pounds), .init("retention payments", retentionCost, .pounds)],
                                    formula: "sum of the groups' costs + retention payments", result: d.staffingCost, unit: .pounds))
        if let monthly = d.budget {
            lines.append(CalculationRow("Budget for the month (\(name))", inputs: [.init("annual staffing budget with changes", monthly * 12, .pounds)],
                                        formula: "annual staffing budget ÷ 12", result: monthly, unit: .pounds))
            lines.append(CalculationRow("Variance (\(name))", inputs: [.init("staffing cost", d.staffingCost, .pounds), .init("budget", monthly, .pounds)],
                                        formula: "staffing cost − budget", result: d.variance, unit: .pounds,
                                        note: monthly == 0 ? "the budget is £0: every pound spent is over it" : nil))
        } else {
            lines.append(CalculationRow("Budget for the month (\(name))", inputs: [], formula: "annual staffing budget ÷ 12", result: nil,
                                        unit: .pounds, note: "not available: there is no budget monitoring for the snapshot's month or before"))
        }
        return Projection.Month(month: month, directorate: directorate, areas: areas, retentionCost: retentionCost, lines: lines)
    }
}

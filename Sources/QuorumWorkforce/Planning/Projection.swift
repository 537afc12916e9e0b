import Foundation
import QuorumContent
import QuorumSupport

/// A scenario projected month by month from the latest snapshot: the figures of each month,
/// with every line of arithmetic behind them. Nothing is rounded here.
package struct Projection: Sendable {
    /// One area's (or the directorate's) position at the end of a month.
    package struct Position: Sendable, Hashable {
        /// The config's area id; nil for the directorate.
        package let areaID: String?
        package let areaName: String
        package let budgetedFTE: Double
        package let employeeFTE: Double
        package let agencyFTE: Double
        /// Budgeted − employee FTE; negative means over establishment (reported, not clamped).
        package var vacantFTE: Double { budgetedFTE - employeeFTE }
        /// Vacant ÷ budgeted × 100; nil when the budgeted FTE is 0.
        package var vacancyRate: Double? { budgetedFTE == 0 ? nil : vacantFTE / budgetedFTE * 100 }
        /// Agency ÷ (agency + employees) × 100 (DfE); nil when both are 0.
        package var agencyRate: Double? { agencyFTE + employeeFTE == 0 ? nil : agencyFTE / (agencyFTE + employeeFTE) * 100 }
        /// Cases ÷ case holders (the snapshot's case holders, changed by the case-holding
        /// group's employee + agency FTE since); nil without cases or case holders.
        package let caseload: Double?
        /// Staffing cost of the month (employees and agency, plus retention payments), in pounds.
        package let staffingCost: Double
        /// The month's share of the annual staffing budget; nil without budget monitoring.
        package let budget: Double?
        /// Cost − budget: positive is an overspend.
        package var variance: Double? { budget.map { staffingCost - $0 } }
    }

    package struct Month: Sendable {
        package let month: CalendarMonth
        package let directorate: Position
        package let areas: [Position]
        /// Retention payments in the month (included in the directorate's staffing cost).
        package let retentionCost: Double
        package let lines: [CalculationRow]
    }

    package let scenarioID: String
    package let title: String
    /// The snapshot projected from.
    package let from: CalendarDate
    /// The budget monitoring month the budget comes from; nil when there is none.
    package let budgetMonth: CalendarMonth?
    /// The position at the snapshot (its cost as a month's share of the annual cost).
    package let opening: Month
    package let months: [Month]
    /// True when a figure it starts from is in doubt.
    package let suspect: Bool

    /// The staffing cost over the horizon.
    package var totalCost: Double { months.reduce(0) { $0 + $1.directorate.staffingCost } }
    /// The budget over the horizon; nil without budget monitoring.
    package var totalBudget: Double? {
        let budgets = months.map(\.directorate.budget)
        return budgetMonth == nil || budgets.contains(nil) ? nil : budgets.reduce(0) { $0 + $1! }
    }

    package func month(_ month: CalendarMonth) -> Month? { months.first { $0.month == month } }
}

/// A scenario set beside the "no change" baseline (the latest snapshot held as it is: every
/// leaver replaced, agency unchanged, the budget unchanged), month by month.
package struct ScenarioComparison: Sendable {
    package struct Difference: Sendable {
        package let month: CalendarMonth
        /// Scenario − baseline.
        package let employeeFTE: Double
        package let agencyFTE: Double
        package let vacantFTE: Double
        package let staffingCost: Double
    }

    package let scenario: Scenario
    package let projection: Projection
    package let baseline: Projection
    package let differences: [Difference]
    /// Scenario cost − baseline cost over the horizon.
    package var costDifference: Double { projection.totalCost - baseline.totalCost }

    init(scenario: Scenario, projection: Projection, baseline: Projection) {
        self.scenario = scenario
        self.projection = projection
        self.baseline = baseline
        differences = zip(projection.months, baseline.months).map { s, b in
            Difference(month: s.month, employeeFTE: s.directorate.employeeFTE - b.directorate.employeeFTE,
                       agencyFTE: s.directorate.agencyFTE - b.directorate.agencyFTE,
                       vacantFTE: s.directorate.vacantFTE - b.directorate.vacantFTE,
                       staffingCost: s.directorate.staffingCost - b.directorate.staffingCost)
        }
    }
}

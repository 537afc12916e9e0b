/// A scenario projected month by month from the latest snapshot: the figures of each month,
/// with every line of arithmetic behind them. Nothing is rounded here.
public struct Projection: Sendable {
    /// One area's (or the directorate's) position at the end of a month.
    public struct Position: Sendable, Hashable {
        /// The config's area id; nil for the directorate.
        public let areaID: String?
        public let areaName: String
        public let budgetedFTE: Double
        public let employeeFTE: Double
        public let agencyFTE: Double
        /// Budgeted − employee FTE; negative means over establishment (reported, not clamped).
        public var vacantFTE: Double { budgetedFTE - employeeFTE }
        /// Vacant ÷ budgeted × 100; nil when the budgeted FTE is 0.
        public var vacancyRate: Double? { budgetedFTE == 0 ? nil : vacantFTE / budgetedFTE * 100 }
        /// Agency ÷ (agency + employees) × 100 (DfE); nil when both are 0.
        public var agencyRate: Double? { agencyFTE + employeeFTE == 0 ? nil : agencyFTE / (agencyFTE + employeeFTE) * 100 }
        /// Cases ÷ case holders (the snapshot's case holders, changed by the case-holding
        /// group's employee + agency FTE since); nil without cases or case holders.
        public let caseload: Double?
        /// Staffing cost of the month (employees and agency, plus retention payments), in pounds.
        public let staffingCost: Double
        /// The month's share of the annual staffing budget; nil without budget monitoring.
        public let budget: Double?
        /// Cost − budget: positive is an overspend.
        public var variance: Double? { budget.map { staffingCost - $0 } }
    }

    public struct Month: Sendable {
        public let month: CalendarMonth
        public let directorate: Position
        public let areas: [Position]
        /// Retention payments in the month (included in the directorate's staffing cost).
        public let retentionCost: Double
        public let lines: [CalculationRow]
    }

    public let scenarioID: String
    public let title: String
    /// The snapshot projected from.
    public let from: CalendarDate
    /// The budget monitoring month the budget comes from; nil when there is none.
    public let budgetMonth: CalendarMonth?
    /// The position at the snapshot (its cost as a month's share of the annual cost).
    public let opening: Month
    public let months: [Month]
    /// True when a figure it starts from is in doubt.
    public let suspect: Bool

    /// The staffing cost over the horizon.
    public var totalCost: Double { months.reduce(0) { $0 + $1.directorate.staffingCost } }
    /// The budget over the horizon; nil without budget monitoring.
    public var totalBudget: Double? {
        let budgets = months.map(\.directorate.budget)
        return budgetMonth == nil || budgets.contains(nil) ? nil : budgets.reduce(0) { $0 + $1! }
    }

    public func month(_ month: CalendarMonth) -> Month? { months.first { $0.month == month } }
}

/// A scenario set beside the "no change" baseline (the latest snapshot held as it is: every
/// leaver replaced, agency unchanged, the budget unchanged), month by month.
public struct ScenarioComparison: Sendable {
    public struct Difference: Sendable {
        public let month: CalendarMonth
        /// Scenario − baseline.
        public let employeeFTE: Double
        public let agencyFTE: Double
        public let vacantFTE: Double
        public let staffingCost: Double
    }

    public let scenario: Scenario
    public let projection: Projection
    public let baseline: Projection
    public let differences: [Difference]
    /// Scenario cost − baseline cost over the horizon.
    public var costDifference: Double { projection.totalCost - baseline.totalCost }

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

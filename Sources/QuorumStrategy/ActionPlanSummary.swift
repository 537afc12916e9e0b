import QuorumSupport

/// The action plan's state as at a date: what the board and the committee read.
package struct ActionPlanSummary: Sendable {
    /// Counts for one priority, or for the whole plan.
    package struct Row: Sendable {
        package let title: String
        package let lead: String
        package let counts: [ActionStatus: Int]
        package let total: Int
        package let overdue: Int
        package let slipped: Int
        package let completedInPeriod: Int

        package func count(_ status: ActionStatus) -> Int { counts[status, default: 0] }

        /// Done as a share of the actions still meant to happen (dropped ones are left out);
        /// nil when there are none.
        package var percentComplete: Double? {
            let live = total - count(.dropped)
            guard live > 0 else { return nil }
            return Double(count(.done)) / Double(live) * 100
        }
    }

    package let asOf: CalendarDate
    package let period: ClosedRange<CalendarDate>?
    package let rows: [Row]
    package let overall: Row
    /// Overdue actions, most overdue first.
    package let overdueActions: [Action]

    package init(plan: ActionPlan, priorities: [Priority], asOf: CalendarDate, period: ClosedRange<CalendarDate>? = nil) {
        self.asOf = asOf
        self.period = period
        func row(_ title: String, _ lead: String, _ actions: [Action]) -> Row {
            var counts: [ActionStatus: Int] = [:]
            for action in actions { counts[action.status(asOf: asOf), default: 0] += 1 }
            return Row(
                title: title, lead: lead, counts: counts, total: actions.count,
                overdue: actions.count { $0.isOverdue(asOf: asOf) },
                slipped: actions.count(where: \.hasSlipped),
                completedInPeriod: period.map { p in actions.count { $0.wasCompleted(in: p) } } ?? 0
            )
        }
        rows = priorities.map { row($0.title, $0.lead, plan.actions(for: $0)) }
        overall = row("All priorities", "", plan.actions)
        overdueActions = plan.actions.filter { $0.isOverdue(asOf: asOf) }
            .sorted { ($0.due, $0.title) < ($1.due, $1.title) }
    }
}

/// One action of the workforce strategy's action plan.
public struct Action: Sendable {
    public let title: String
    public let priorityID: String
    public let owner: String
    public let due: CalendarDate
    /// Earlier due dates, oldest first: an action whose date moved has slipped.
    public let previousDueDates: [CalendarDate]
    public let status: ActionStatus
    /// When a done action was completed, if the plan says.
    public let completed: CalendarDate?
    /// The measure the action is meant to move, e.g. `social-worker-agency-rate`.
    public let measure: String?
    public let notes: [ProgressNote]
    public let location: SourceLocation

    /// Due date passed and not finished (done and dropped actions are never overdue).
    public func isOverdue(asOf date: CalendarDate) -> Bool {
        due < date && status != .done && status != .dropped
    }

    public var hasSlipped: Bool { !previousDueDates.isEmpty }

    public func wasCompleted(in period: ClosedRange<CalendarDate>) -> Bool {
        guard status == .done, let completed else { return false }
        return period.contains(completed)
    }
}

/// A dated line of progress beneath an action.
public struct ProgressNote: Sendable {
    public let date: CalendarDate
    public let text: String
}

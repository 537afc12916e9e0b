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

    /// The status as at `date`: the plan holds only the current status, so an action
    /// completed after `date` was still in progress then. This keeps papers about earlier
    /// dates right when they are rebuilt later.
    public func status(asOf date: CalendarDate) -> ActionStatus {
        if status == .done, let completed, completed > date { return .inProgress }
        return status
    }

    /// Due date passed and not finished as at `date` (done and dropped actions are never overdue).
    public func isOverdue(asOf date: CalendarDate) -> Bool {
        let current = status(asOf: date)
        return due < date && current != .done && current != .dropped
    }

    /// The latest progress note written on or before `date`.
    public func latestNote(asOf date: CalendarDate) -> ProgressNote? {
        notes.last { $0.date <= date }
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

import QuorumSupport

/// One action of the workforce strategy's action plan.
package struct Action: Sendable {
    package let title: String
    package let priorityID: String
    package let owner: String
    package let due: CalendarDate
    /// Earlier due dates, oldest first: an action whose date moved has slipped.
    package let previousDueDates: [CalendarDate]
    package let status: ActionStatus
    /// When a done action was completed, if the plan says.
    package let completed: CalendarDate?
    /// The measure the action is meant to move, e.g. `social-worker-agency-rate`.
    package let measure: String?
    package let notes: [ProgressNote]
    package let location: SourceLocation

    /// The status as at `date`: the plan holds only the current status, so an action
    /// completed after `date` was still in progress then. This keeps papers about earlier
    /// dates right when they are rebuilt later.
    package func status(asOf date: CalendarDate) -> ActionStatus {
        if status == .done, let completed, completed > date { return .inProgress }
        return status
    }

    /// Due date passed and not finished as at `date` (done and dropped actions are never overdue).
    package func isOverdue(asOf date: CalendarDate) -> Bool {
        let current = status(asOf: date)
        return due < date && current != .done && current != .dropped
    }

    /// The latest progress note written on or before `date`.
    package func latestNote(asOf date: CalendarDate) -> ProgressNote? {
        notes.last { $0.date <= date }
    }

    package var hasSlipped: Bool { !previousDueDates.isEmpty }

    package func wasCompleted(in period: ClosedRange<CalendarDate>) -> Bool {
        guard status == .done, let completed else { return false }
        return period.contains(completed)
    }
}

/// A dated line of progress beneath an action.
package struct ProgressNote: Sendable {
    package let date: CalendarDate
    package let text: String
}

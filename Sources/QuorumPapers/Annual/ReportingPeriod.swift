import QuorumSupport

/// The period an annual update reports on.
///
/// Given dates win. Otherwise it runs from the day after the previous update's meeting
/// (so that no day is reported twice or missed) to this update's meeting; the first
/// update covers the twelve months up to its meeting.
package struct ReportingPeriod: Sendable, Equatable {
    package let from: CalendarDate
    package let to: CalendarDate

    package init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    package static func choose(meeting: CalendarDate, previousMeeting: CalendarDate?) -> ReportingPeriod {
        if let previousMeeting, previousMeeting < meeting {
            return ReportingPeriod(from: previousMeeting.adding(days: 1), to: meeting)
        }
        return ReportingPeriod(from: meeting.addingYears(-1).adding(days: 1), to: meeting)
    }

    package var range: ClosedRange<CalendarDate> { from...to }
}

extension CalendarDate {
    /// The same day `years` later or earlier; 29 February becomes 28 February.
    package func addingYears(_ years: Int) -> CalendarDate {
        CalendarDate(year: year + years, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year + years)))!
    }
}

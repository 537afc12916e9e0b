import QuorumSupport

/// How far apart two snapshots are, in the words a report's heading uses ("since last
/// week", "over 6 months"), and which snapshot is "a year earlier" for weekly, monthly or
/// yearly data.
package struct SnapshotPeriod: Sendable, Hashable {
    package let from: CalendarDate
    package let to: CalendarDate

    package init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    package var days: Int { to.dayNumber - from.dayNumber }

    /// "since last week" for 7 days; otherwise the real period: "over 3 weeks" (a whole number
    /// of weeks up to 12), "over 6 months" or "over 1 year" (the same day of the month, or
    /// both month ends), else "over 10 days".
    package var words: String {
        if days == 7 { return "since last week" }
        if days > 0, days % 7 == 0, days <= 84 { return "over \(days / 7) weeks" }
        if let months, months > 0 {
            return months % 12 == 0 ? "over \(plural(months / 12, "year"))" : "over \(plural(months, "month"))"
        }
        return "over \(plural(days, "day"))"
    }

    /// Whole calendar months from `from` to `to` when both are the same day of the month or
    /// both the last day of their month (31 March to 30 September is 6 months); else nil.
    var months: Int? {
        let isMonthEnd = { (date: CalendarDate) in date.day == CalendarDate.daysIn(month: date.month, year: date.year) }
        guard from.day == to.day || (isMonthEnd(from) && isMonthEnd(to)) else { return nil }
        return (to.year - from.year) * 12 + to.month - from.month
    }

    /// The same week a year earlier is 364 days before (52 weeks: the same weekday); a
    /// snapshot counts as "a year earlier" within this many days of that, so that data
    /// taken on a calendar date (30 September, a month end: 365 or 366 days) finds its own,
    /// while a weekly series of 52 files (51 weeks, 357 days) does not pass its first off as one.
    package static let yearTolerance = 3
    package static let yearDays = 364

    /// Of `dates` (any order), the one nearest to 364 days before `date`, within the
    /// tolerance; on a tie the later one (the more recent figures).
    package static func yearEarlier(than date: CalendarDate, in dates: [CalendarDate]) -> CalendarDate? {
        let target = date.dayNumber - yearDays
        return dates.filter { abs($0.dayNumber - target) <= yearTolerance }
            .min { (abs($0.dayNumber - target), -$0.dayNumber) < (abs($1.dayNumber - target), -$1.dayNumber) }
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}

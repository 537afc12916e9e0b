import Testing
import QuorumSupport
@testable import QuorumWorkforce

/// The words a report gives the gap between two snapshots, and the snapshot "a year earlier".
@Suite struct SnapshotPeriodTests {
    func words(_ from: String, _ to: String) -> String {
        SnapshotPeriod(from: CalendarDate(from)!, to: CalendarDate(to)!).words
    }

    @Test func sevenDaysIsLastWeekAndOtherGapsSayTheirPeriod() {
        #expect(words("2018-11-02", "2018-11-09") == "since last week")
        #expect(words("2018-10-26", "2018-11-09") == "over 2 weeks")
        #expect(words("2018-03-31", "2018-09-30") == "over 6 months")  // both month ends
        #expect(words("2018-09-30", "2019-09-30") == "over 1 year")
        #expect(words("2017-09-30", "2019-09-30") == "over 2 years")
        #expect(words("2018-01-15", "2018-02-15") == "over 1 month")
        #expect(words("2018-11-01", "2018-11-11") == "over 10 days")
        #expect(words("2018-11-08", "2018-11-09") == "over 1 day")
        #expect(words("2018-01-01", "2018-12-24") == "over 357 days")  // 51 weeks: beyond 12 weeks, in days
    }

    @Test func theYearEarlierSnapshotIsNearest364DaysBeforeWithinThreeDays() {
        let latest = CalendarDate("2018-11-09")!
        let weekly = (0...52).map { latest.adding(days: -7 * $0) }
        #expect(SnapshotPeriod.yearEarlier(than: latest, in: weekly) == CalendarDate("2017-11-10"))
        // 52 files are 51 weeks: the first is not the same week a year earlier.
        #expect(SnapshotPeriod.yearEarlier(than: latest, in: Array(weekly.prefix(52))) == nil)
        // Calendar-date data: 365 and 366 days before are found; a tie goes to the later one.
        #expect(SnapshotPeriod.yearEarlier(than: CalendarDate("2019-09-30")!, in: [CalendarDate("2018-09-30")!])
                    == CalendarDate("2018-09-30"))
        #expect(SnapshotPeriod.yearEarlier(than: CalendarDate("2020-02-29")!, in: [CalendarDate("2019-02-28")!])
                    == CalendarDate("2019-02-28"))
        #expect(SnapshotPeriod.yearEarlier(than: latest, in: [latest.adding(days: -363), latest.adding(days: -365)])
                    == latest.adding(days: -363))
        #expect(SnapshotPeriod.yearEarlier(than: latest, in: [latest.adding(days: -368)]) == nil)
    }
}

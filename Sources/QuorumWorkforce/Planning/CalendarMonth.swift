import Foundation
import QuorumContent
import QuorumSupport

/// A month of the calendar, `2019-10`: the unit of budget monitoring and of projections.
package struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int

    package init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Accepts only `YYYY-MM`.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The month a date falls in: a snapshot's budget month.
    package init(_ date: CalendarDate) {
        year = date.year
        month = date.month
    }

    package func adding(months: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) + months
        return CalendarMonth(year: index / 12, month: index % 12 + 1)!
    }

    /// Whole months from `self` to `other` (positive when `other` is later).
    package func months(to other: CalendarMonth) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }

    package static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `2019-10`
    package var description: String {
        (year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "") + "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    /// `October 2019`, the way papers write a month.
    package var longForm: String { "\(CalendarDate(year: year, month: month, day: 1)!.monthName) \(year)" }
}

import Foundation

/// How a workbook counts dates: days since 1900 (Windows Excel) or since 1904 (`date1904`,
/// old Mac Excel). A date cell holds such a serial number; its fraction is the time of day.
package enum DateSystem: Equatable, Sendable {
    case from1900
    case from1904

    /// The calendar date and time of a serial number (UTC, no time zone in a workbook); nil
    /// for a negative serial, for 1900's serial 60 (Excel's 29 February 1900, a day that never
    /// was) and for serials past 9999-12-31.
    package func dateComponents(fromSerial serial: Double) -> DateComponents? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = serial.rounded(.down)
        // Round to the millisecond first, so 0.999999 of a day is not shown as 23:59:59.
        var milliseconds = ((serial - days) * 86_400_000).rounded()
        if milliseconds >= 86_400_000 {
            days += 1
            milliseconds = 0
        }
        let epoch: DateComponents
        switch self {
        case .from1904:
            epoch = DateComponents(year: 1904, month: 1, day: 1)
        case .from1900:
            // Excel counts 1900 as a leap year (Lotus 1-2-3's bug): serial 1 is 1900-01-01,
            // serial 60 is the missing 29 February, and from 61 on dates count from 1899-12-30.
            if days == 60 { return nil }
            epoch = days < 60 ? DateComponents(year: 1899, month: 12, day: 31)
                              : DateComponents(year: 1899, month: 12, day: 30)
        }
        guard let start = Self.calendar.date(from: epoch),
              let date = Self.calendar.date(byAdding: .day, value: Int(days), to: start)?
                  .addingTimeInterval(milliseconds / 1000) else { return nil }
        var components = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        components.calendar = nil
        components.timeZone = nil
        return components
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}

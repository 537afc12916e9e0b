import QuorumContent
import QuorumSupport

/// A recruitment fair, open day or online information session: one markdown file in `events/`.
/// An event is listed until its last day has passed.
package struct RecruitmentEvent: Sendable {
    package let source: MarkdownSource
    package let title: String
    /// `recruitment-fair`, `open-day` or `online-session`.
    package let kind: String
    package let date: CalendarDate
    /// The last day, for an event over several days.
    package let end: CalendarDate?
    /// Free text such as "10am to 3pm".
    package let time: String
    /// Where it is, or "Online".
    package let venue: String
    package let bookingURL: String?

    package static let folder = "events"
    static let kinds = ["recruitment-fair", "open-day", "online-session"]
    static let keys: Set<String> = ["title", "kind", "date", "end", "time", "venue", "booking_url"]

    package var lastDay: CalendarDate { end ?? date }

    package static func loadAll(from content: ContentFolder, log: inout DiagnosticLog) -> [RecruitmentEvent] {
        content.files(in: folder, extensions: ["md", "markdown"]).compactMap { load($0, log: &log) }
    }

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> RecruitmentEvent? {
        guard let source = MarkdownSource.read(file, keys: keys, log: &log) else { return nil }
        let meta = source.frontMatter
        let errorsBefore = log.errorCount
        let title = meta.string("title", required: true, log: &log)
        let kind = meta.choice("kind", from: kinds, required: true, code: "event-kind", log: &log)
        let date = meta.date("date", required: true, log: &log)
        let end = meta.date("end", log: &log)
        let time = meta.string("time", required: true, log: &log)
        let venue = meta.string("venue", required: true, log: &log)
        let booking = meta.webAddress("booking_url", mail: true, code: "event-booking-url", log: &log)
        if let date, let end, end < date {
            log.error(meta.location(of: "end"), "the event ends (\(end)) before it starts (\(date))", code: "event-dates")
        }
        guard log.errorCount == errorsBefore, let title, let kind, let date, let time, let venue else { return nil }
        return RecruitmentEvent(source: source, title: title, kind: kind, date: date, end: end, time: time,
                                venue: venue, bookingURL: booking)
    }
}

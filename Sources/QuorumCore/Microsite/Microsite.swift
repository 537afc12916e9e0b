/// The recruitment microsite's own content: job adverts, staff testimonials and events.
/// Its pages (home, value proposition, careers, reward, accessibility) are ordinary `Page`s.
public struct Microsite: Sendable {
    public let vacancies: [Vacancy]
    public let testimonials: [Testimonial]
    public let events: [RecruitmentEvent]

    /// A content folder with none of them.
    public static let empty = Microsite(vacancies: [], testimonials: [], events: [])

    public static func load(_ content: ContentFolder, log: inout DiagnosticLog) -> Microsite {
        Microsite(vacancies: Vacancy.loadAll(from: content, log: &log),
                  testimonials: Testimonial.loadAll(from: content, log: &log),
                  events: RecruitmentEvent.loadAll(from: content, log: &log))
    }
}

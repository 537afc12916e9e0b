import QuorumContent
import QuorumSupport

/// The recruitment microsite's own content: job adverts, staff testimonials and events.
/// Its pages (home, value proposition, careers, reward, accessibility) are ordinary `Page`s.
package struct Microsite: Sendable {
    package let vacancies: [Vacancy]
    package let testimonials: [Testimonial]
    package let events: [RecruitmentEvent]

    /// A content folder with none of them.
    package static let empty = Microsite(vacancies: [], testimonials: [], events: [])

    package static func load(_ content: ContentFolder, log: inout DiagnosticLog) -> Microsite {
        Microsite(vacancies: Vacancy.loadAll(from: content, log: &log),
                  testimonials: Testimonial.loadAll(from: content, log: &log),
                  events: RecruitmentEvent.loadAll(from: content, log: &log))
    }
}

import QuorumSupport

/// The analyse step of the microsite: what may be published on the build's as-at date.
///
/// - adverts that are posted and not past their closing date, soonest closing first, rolling last;
/// - testimonials whose consent is valid; each one left out is reported at its file (a note, or a
///   warning when its consent ended more than a month ago and the file still holds the words);
/// - events whose last day has not passed, soonest first.
package struct Publication: Sendable {
    package let asOf: CalendarDate
    package let vacancies: [Vacancy]
    package let testimonials: [Testimonial]
    package let events: [RecruitmentEvent]

    package init(_ microsite: Microsite, asOf: CalendarDate, log: inout DiagnosticLog) {
        self.asOf = asOf
        vacancies = microsite.vacancies.filter { $0.isOpen(on: asOf) }.sorted { a, b in
            switch (a.closes, b.closes) {
            case let (.on(x), .on(y)) where x != y: x < y
            case (.on, .rolling): true
            case (.rolling, .on): false
            default: (a.title, a.slug) < (b.title, b.slug)
            }
        }
        var valid: [Testimonial] = []
        for testimonial in microsite.testimonials {
            if let (reason, code, severity) = testimonial.consent.reasonLeftOut(on: asOf) {
                log.report(Diagnostic(severity, testimonial.source.frontMatter.location(of: "consent"),
                                      "this testimonial is left out of the site: \(reason)", code: code))
            } else {
                valid.append(testimonial)
            }
        }
        testimonials = valid
        events = microsite.events.filter { $0.lastDay >= asOf }.sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    }
}

import Foundation
import QuorumMicrosite
import QuorumSupport

/// The plain values the microsite's templates receive. URLs are relative to the site root:
/// templates write `{{root}}{{url}}`.
struct VacancyView {
    let title: String
    let url: String
    let team: String
    let teamURL: String
    let grade: String
    let salary: String
    let salaryNote: String?
    let hours: String
    let workingPattern: String
    let contract: String
    let contractURL: String
    let office: String
    let address: String
    let posted: String
    let postedISO: String
    let closes: String?
    let closesISO: String?
    let rolling: Bool
    let reference: String
    let applyURL: String
    let applyByEmail: Bool
    let registration: String?

    init(_ vacancy: Vacancy) {
        title = vacancy.title
        url = "vacancies/\(vacancy.slug).html"
        team = vacancy.team
        teamURL = VacancyFilter.team(vacancy.team).path
        grade = vacancy.grade
        salary = "\(Pounds.format(vacancy.salaryMin)) to \(Pounds.format(vacancy.salaryMax)) a year"
        salaryNote = vacancy.salaryNote
        hours = vacancy.hours
        workingPattern = vacancy.workingPattern == "part-time" ? "Part time" : "Full time"
        contract = VacancyFilter.contract(vacancy.contract).label
        contractURL = VacancyFilter.contract(vacancy.contract).path
        office = vacancy.location.office
        address = [vacancy.location.street, vacancy.location.town, vacancy.location.postcode].joined(separator: ", ")
        posted = vacancy.posted.longForm
        postedISO = vacancy.posted.description
        if case .on(let date) = vacancy.closes {
            closes = date.longForm
            closesISO = date.description
            rolling = false
        } else {
            closes = nil
            closesISO = nil
            rolling = true
        }
        reference = vacancy.reference
        applyURL = vacancy.applyURL
        applyByEmail = vacancy.applyURL.lowercased().hasPrefix("mailto:")
        registration = vacancy.registration
    }
}

/// A separate listing page per team and per contract type: filtering that needs no JavaScript.
enum VacancyFilter: Hashable {
    case team(String)
    case contract(String)

    var path: String {
        switch self {
        case .team(let team): "vacancies/team/\(Slug.make(team)).html"
        case .contract(let contract): "vacancies/contract/\(Slug.make(contract)).html"
        }
    }

    var label: String {
        switch self {
        case .team(let team): team
        case .contract(let contract): contract == "fixed-term" ? "Fixed term" : "Permanent"
        }
    }
}

struct FilterLink {
    let label: String
    let url: String
    let count: Int
    let current: Bool
}

struct TestimonialView {
    let name: String
    let role: String
    let team: String
    let years: String
    let quote: String
    let url: String
    let photo: String?
    let photoAlt: String?
    let videoURL: String?
    let transcript: [String]

    init(_ testimonial: Testimonial) {
        name = testimonial.name
        role = testimonial.role
        team = testimonial.team
        years = testimonial.years == 0 ? "less than a year"
            : testimonial.years == 1 ? "1 year" : "\(testimonial.years) years"
        quote = testimonial.quote
        url = "testimonials/\(testimonial.slug).html"
        photo = testimonial.photo?.path
        photoAlt = testimonial.photo?.alt
        videoURL = testimonial.video?.url
        transcript = testimonial.video.map {
            $0.transcript.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        } ?? []
    }
}

struct EventView {
    let title: String
    let kind: String
    let when: String
    let dateISO: String
    let time: String
    let venue: String
    let bookingURL: String?
    let description: String

    /// `description` is the event's markdown body as HTML.
    init(_ event: RecruitmentEvent, description: String) {
        title = event.title
        kind = ["recruitment-fair": "Recruitment fair", "open-day": "Open day", "online-session": "Online session"][event.kind]
            ?? event.kind
        if let end = event.end, end != event.date {
            when = "\(event.date.weekday) \(event.date.longForm) to \(end.weekday) \(end.longForm)"
        } else {
            when = "\(event.date.weekday) \(event.date.longForm)"
        }
        dateISO = event.date.description
        time = event.time
        venue = event.venue
        bookingURL = event.bookingURL
        self.description = description
    }
}

extension CalendarDate {
    /// `Saturday`: 1 January 1970 was a Thursday.
    var weekday: String {
        let names = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
        return names[((dayNumber % 7) + 7) % 7]
    }
}

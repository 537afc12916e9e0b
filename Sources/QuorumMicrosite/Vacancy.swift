import QuorumContent
import QuorumSupport

/// A job advert: one markdown file in `vacancies/`, the advert text as its body.
///
/// An advert is published from `posted` until the end of its `closes` date; a rolling advert
/// (`closes: rolling`) has no closing date and stays until its file is removed.
package struct Vacancy: Sendable {
    package enum Closing: Sendable, Equatable {
        case on(CalendarDate)
        case rolling
    }

    package struct Location: Sendable {
        package let office: String
        package let street: String
        package let town: String
        package let postcode: String
    }

    package let source: MarkdownSource
    package let slug: String
    package let title: String
    package let team: String
    package let grade: String
    package let salaryMin: Int
    package let salaryMax: Int
    package let salaryNote: String?
    package let hours: String
    /// `full-time` or `part-time`.
    package let workingPattern: String
    /// `permanent` or `fixed-term`.
    package let contract: String
    package let location: Location
    package let posted: CalendarDate
    package let closes: Closing
    package let reference: String
    package let applyURL: String
    /// The regulator the post holder must be registered with, or nil when none is required.
    package let registration: String?

    package static let folder = "vacancies"
    static let patterns = ["full-time", "part-time"]
    static let contracts = ["permanent", "fixed-term"]
    static let keys: Set<String> = [
        "title", "team", "grade", "salary_min", "salary_max", "salary_note", "hours", "working_pattern",
        "contract", "location", "posted", "closes", "reference", "apply_url", "registration", ContentSlug.key,
    ]

    /// Open on `date`: already posted, and not past its closing date.
    package func isOpen(on date: CalendarDate) -> Bool {
        guard posted <= date else { return false }
        if case .on(let closing) = closes { return closing >= date }
        return true
    }

    package static func loadAll(from content: ContentFolder, log: inout DiagnosticLog) -> [Vacancy] {
        var adverts: [Vacancy] = []
        // Each team has a listing page named after it: two spellings of one name (`Team A`,
        // `team-a`) would share it, and one team's adverts would vanish from it.
        var teams: [String: Vacancy] = [:]
        for advert in content.files(in: folder, extensions: ["md", "markdown"]).compactMap({ load($0, log: &log) }) {
            let teamSlug = Slug.make(advert.team)
            if let other = teams[teamSlug], other.team != advert.team {
                log.error(advert.source.frontMatter.location(of: "team"),
                          "team '\(advert.team)' and team '\(other.team)' of \(other.source.file.path) would share the page vacancies/team/\(teamSlug).html; spell the team the same way in both",
                          code: "vacancy-team-spelling")
                continue
            }
            teams[teamSlug] = teams[teamSlug] ?? advert
            adverts.append(advert)
        }
        var references: [String: String] = [:]
        for advert in adverts {
            if let first = references[advert.reference] {
                log.error(advert.source.frontMatter.location(of: "reference"),
                          "reference '\(advert.reference)' is already used by \(first)", code: "vacancy-reference")
            } else {
                references[advert.reference] = advert.source.file.path
            }
        }
        return adverts
    }

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> Vacancy? {
        guard let source = MarkdownSource.read(file, keys: keys, log: &log) else { return nil }
        let meta = source.frontMatter
        let errorsBefore = log.errorCount
        let title = meta.string("title", required: true, log: &log)
        let team = meta.string("team", required: true, log: &log)
        let grade = meta.string("grade", required: true, log: &log)
        let salaryMin = meta.pounds("salary_min", required: true, code: "vacancy-salary", log: &log)
        let salaryMax = meta.pounds("salary_max", required: true, code: "vacancy-salary", log: &log)
        let hours = meta.string("hours", required: true, log: &log)
        let pattern = meta.choice("working_pattern", from: patterns, required: true, code: "vacancy-working-pattern", log: &log)
        let contract = meta.choice("contract", from: contracts, required: true, code: "vacancy-contract", log: &log)
        let location = readLocation(meta, log: &log)
        let posted = meta.date("posted", required: true, log: &log)
        let closes = readClosing(meta, log: &log)
        let reference = meta.string("reference", required: true, log: &log)
        let apply = meta.webAddress("apply_url", required: true, mail: true, code: "vacancy-apply-url", log: &log)
        let registration = meta.string("registration", required: true, log: &log)
        if let salaryMin, let salaryMax, salaryMin > salaryMax {
            log.error(meta.location(of: "salary_max"),
                      "'salary_max' (\(salaryMax)) is less than 'salary_min' (\(salaryMin))", code: "vacancy-salary")
        }
        if let posted, case .on(let closing)? = closes, closing < posted {
            log.error(meta.location(of: "closes"),
                      "the advert closes (\(closing)) before it is posted (\(posted))", code: "vacancy-dates")
        }
        let slug = ContentSlug.read(source, kind: "vacancy", log: &log)
        if let team, Slug.make(team).isEmpty {
            log.error(meta.location(of: "team"),
                      "team '\(team)' has no letters or digits to make the address of its vacancies page from",
                      code: "vacancy-team-slug")
        }
        guard log.errorCount == errorsBefore, let slug, let title, let team, let grade, let salaryMin, let salaryMax,
              let hours, let pattern, let contract, let location, let posted, let closes, let reference,
              let apply, let registration
        else { return nil }
        return Vacancy(
            source: source, slug: slug, title: title, team: team, grade: grade, salaryMin: salaryMin,
            salaryMax: salaryMax, salaryNote: meta.string("salary_note", log: &log), hours: hours,
            workingPattern: pattern, contract: contract, location: location, posted: posted, closes: closes,
            reference: reference, applyURL: apply,
            registration: registration.lowercased() == "none" ? nil : registration
        )
    }

    static func readClosing(_ meta: FrontMatter, log: inout DiagnosticLog) -> Closing? {
        guard let text = meta.string("closes", required: true, log: &log) else { return nil }
        if text.lowercased() == "rolling" { return .rolling }
        guard let date = CalendarDate(text) else {
            log.error(meta.location(of: "closes"),
                      "'closes' must be a date written YYYY-MM-DD or 'rolling', not '\(text)'", code: "vacancy-closes")
            return nil
        }
        return .on(date)
    }

    static func readLocation(_ meta: FrontMatter, log: inout DiagnosticLog) -> Location? {
        guard let place = meta.mapping("location", required: true, log: &log) else { return nil }
        place.warnAboutUnknownKeys(allowed: ["office", "street", "town", "postcode"], log: &log)
        let office = place.string("office", required: true, log: &log)
        let street = place.string("street", required: true, log: &log)
        let town = place.string("town", required: true, log: &log)
        let postcode = place.string("postcode", required: true, log: &log)
        guard let office, let street, let town, let postcode else { return nil }
        return Location(office: office, street: street, town: town, postcode: postcode)
    }
}

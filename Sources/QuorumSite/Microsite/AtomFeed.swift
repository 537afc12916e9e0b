import QuorumContent
import QuorumMicrosite
import QuorumSupport

/// The Atom feed of open vacancies, `feeds/vacancies.xml`, for job boards and feed readers.
/// Atom needs absolute addresses, so the feed is written only when `base_url` is set.
struct AtomFeed {
    static let path = "feeds/vacancies.xml"

    struct Entry {
        let title: String
        let id: String
        let url: String
        let updated: String
        let summary: String
        let contentHTML: String
    }

    let id: String
    let selfURL: String
    let listingURL: String
    let updated: String
    let entries: [Entry]

    /// Nil when the site has no `base_url`.
    init?(_ publication: Publication, bodies: [String], config: SiteConfig) {
        guard !config.baseURL.isEmpty else { return nil }
        let base = config.baseURL
        id = base + "/" + AtomFeed.path
        selfURL = id
        listingURL = base + "/vacancies.html"
        // The newest posting date: the feed changes only when an advert is added.
        updated = AtomFeed.timestamp(publication.vacancies.map(\.posted).max() ?? publication.asOf)
        entries = zip(publication.vacancies, bodies).map { vacancy, body in
            let view = VacancyView(vacancy)
            let closing = view.closes.map { "Closes \($0)." } ?? "Rolling advert: no closing date."
            return Entry(title: vacancy.title, id: base + "/" + view.url, url: base + "/" + view.url,
                         updated: AtomFeed.timestamp(vacancy.posted),
                         summary: "\(vacancy.team), \(view.salary). \(closing) Ref \(vacancy.reference).",
                         contentHTML: body)
        }
    }

    static func timestamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}

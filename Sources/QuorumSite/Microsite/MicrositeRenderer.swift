import QuorumMarkdown
import QuorumMicrosite
import QuorumSupport

/// The render stage of the microsite: a page per advert and per testimonial, the vacancy
/// listings by team and by contract type, the Atom feed, and the values every page shares
/// (open adverts, testimonials, upcoming events, footer links) for the home and listing pages.
///
/// The listing pages themselves are markdown pages with `template: vacancies`,
/// `template: testimonials` or `template: events`, so their wording stays in content.
struct MicrositeRenderer: Sendable {
    let site: Site
    let context: RenderContext
    let publication: Publication
    /// The upcoming events as templates see them, their descriptions rendered once.
    let events: [EventView]

    /// `context` comes back with the events' links (`context.sharedLinks`): every page that
    /// has the shared values may show an event's description.
    init(site: Site, context: RenderContext, log: inout DiagnosticLog) {
        self.site = site
        publication = Publication(site.microsite, asOf: context.asOf, log: &log)
        let descriptions = publication.events.map { MarkdownDocument.rendered($0.source.body) }
        events = zip(publication.events, descriptions).map { EventView($0, description: $1.html) }
        var context = context
        let links = zip(publication.events, descriptions).flatMap { $0.source.sourceLinks($1.links) }
        context.sharedLinks = links.isEmpty ? nil : SharedContentLinks(links)
        self.context = context
    }

    var vacancies: [VacancyView] { publication.vacancies.map(VacancyView.init) }

    /// The vacancies feed is written for a site that has adverts or a vacancies page, with a `base_url`.
    static func hasFeed(_ site: Site) -> Bool {
        !site.config.baseURL.isEmpty
            && (!site.microsite.vacancies.isEmpty || site.pageTemplates.contains("vacancies"))
    }

    var hasFeed: Bool { context.feed != nil }

    /// Values every page receives.
    var sharedValues: [String: Any] {
        let testimonials = publication.testimonials.map(TestimonialView.init)
        let featured = publication.testimonials.firstIndex(where: \.featured) ?? testimonials.indices.first
        var values: [String: Any] = [
            "listing": vacancies, "latestVacancies": Array(vacancies.prefix(3)), "vacancyCount": vacancies.count, "hasVacancies": !vacancies.isEmpty,
            "teamFilters": filterLinks(current: nil).teams, "contractFilters": filterLinks(current: nil).contracts,
            "testimonials": testimonials, "hasTestimonials": !testimonials.isEmpty,
            "events": events, "hasEvents": !events.isEmpty, "nextEvents": Array(events.prefix(2)),
        ]
        if let featured { values["featuredTestimonial"] = testimonials[featured] }
        return values
    }

    func render(log: inout DiagnosticLog) -> [OutputFile] {
        reportMissingListingPages(log: &log)
        let shared = sharedValues
        let rendered = publication.vacancies.map { MarkdownDocument.rendered($0.source.body) }
        let bodies = rendered.map(\.html)
        var files: [OutputFile?] = []
        for (vacancy, body) in zip(publication.vacancies, rendered) {
            let view = VacancyView(vacancy)
            let posting = JobPosting(vacancy, descriptionHTML: body.html, config: context.config,
                                     url: context.canonicalURL(view.url))
            files.append(context.page("vacancy", at: view.url, title: vacancy.title,
                                      description: "\(vacancy.team), \(view.salary). Ref \(vacancy.reference).",
                                      content: body.html, values: shared.merging(["vacancy": view, "jobPosting": posting.json]) { $1 },
                                      source: vacancy.source.file.location(), links: vacancy.source.sourceLinks(body.links), log: &log))
        }
        files += filterPages(shared: shared, log: &log)
        for testimonial in publication.testimonials {
            let view = TestimonialView(testimonial)
            let body = MarkdownDocument.rendered(testimonial.source.body)
            files.append(context.page("testimonial", at: view.url, title: "\(testimonial.name), \(testimonial.role)",
                                      description: testimonial.quote, content: body.html,
                                      values: shared.merging(["testimonial": view]) { $1 }, source: testimonial.source.file.location(),
                                      links: testimonial.source.sourceLinks(body.links), log: &log))
        }
        if hasFeed, let feed = AtomFeed(publication, bodies: bodies, config: context.config) {
            files.append(context.page("atom", at: AtomFeed.path, title: "", values: ["feed": feed],
                                      source: SourceLocation(path: "site.yaml"), log: &log))
        }
        return files.compactMap { $0 }
    }

    /// `vacancies/team/NAME.html` and `vacancies/contract/NAME.html`, one per value in use.
    func filterPages(shared: [String: Any], log: inout DiagnosticLog) -> [OutputFile?] {
        let filters = Set(publication.vacancies.flatMap { [VacancyFilter.team($0.team), .contract($0.contract)] })
        return filters.sorted { $0.path < $1.path }.map { filter in
            let listing = vacancies.filter { view in
                switch filter {
                case .team(let team): view.team == team
                case .contract: view.contractURL == filter.path
                }
            }
            let links = filterLinks(current: filter)
            let title = switch filter {
            case .team(let team): "Vacancies in \(team)"
            case .contract: "\(filter.label) vacancies"
            }
            return context.page("vacancies", at: filter.path, title: title,
                                description: "\(listing.count) open \(listing.count == 1 ? "vacancy" : "vacancies").",
                                values: shared.merging(["listing": listing, "vacancyCount": listing.count, "filtered": true,
                                                        "teamFilters": links.teams, "contractFilters": links.contracts]) { $1 },
                                source: SourceLocation(path: "vacancies"), log: &log)
        }
    }

    func filterLinks(current: VacancyFilter?) -> (teams: [FilterLink], contracts: [FilterLink]) {
        func links(_ filters: [VacancyFilter]) -> [FilterLink] {
            Set(filters).sorted { $0.label < $1.label }.map { filter in
                FilterLink(label: filter.label, url: filter.path, count: filters.count { $0 == filter },
                           current: filter == current)
            }
        }
        return (links(publication.vacancies.map { .team($0.team) }), links(publication.vacancies.map { .contract($0.contract) }))
    }

    /// Adverts, testimonials or events with no page to list them would be unreachable.
    func reportMissingListingPages(log: inout DiagnosticLog) {
        let templates = site.pageTemplates
        let needs = [("vacancies", site.microsite.vacancies.first?.source.file),
                     ("testimonials", site.microsite.testimonials.first?.source.file),
                     ("events", site.microsite.events.first?.source.file)]
        for case let (template, file?) in needs where !templates.contains(template) {
            log.warning(file.location(), "no page lists the \(template): add pages/\(template).md with 'template: \(template)'",
                        code: "microsite-listing-page")
        }
    }
}

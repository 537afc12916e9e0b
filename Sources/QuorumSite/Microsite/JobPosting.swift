import Foundation
import QuorumContent
import QuorumMicrosite

/// schema.org `JobPosting` structured data for one advert, so that job search engines list it.
/// Written as JSON-LD inside `<script type="application/ld+json">` on the advert's page.
package struct JobPosting: Encodable {
    struct Organization: Encodable {
        let type = "Organization"
        let name: String
        let sameAs: String?
        let logo: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, sameAs, logo }
    }

    struct Address: Encodable {
        let type = "PostalAddress"
        let streetAddress: String
        let addressLocality: String
        let postalCode: String
        let addressCountry = "GB"
        enum CodingKeys: String, CodingKey {
            case type = "@type", streetAddress, addressLocality, postalCode, addressCountry
        }
    }

    struct Place: Encodable {
        let type = "Place"
        let name: String
        let address: Address
        enum CodingKeys: String, CodingKey { case type = "@type", name, address }
    }

    struct Amount: Encodable {
        struct Range: Encodable {
            let type = "QuantitativeValue"
            let minValue: Int
            let maxValue: Int
            let unitText = "YEAR"
            enum CodingKeys: String, CodingKey { case type = "@type", minValue, maxValue, unitText }
        }
        let type = "MonetaryAmount"
        let currency = "GBP"
        let value: Range
        enum CodingKeys: String, CodingKey { case type = "@type", currency, value }
    }

    struct Identifier: Encodable {
        let type = "PropertyValue"
        let name: String
        let value: String
        enum CodingKeys: String, CodingKey { case type = "@type", name, value }
    }

    let context = "https://schema.org"
    let type = "JobPosting"
    let title: String
    /// The advert text as HTML, as schema.org allows.
    let description: String
    let datePosted: String
    /// The closing date; absent for a rolling advert.
    let validThrough: String?
    let employmentType: [String]
    let hiringOrganization: Organization
    let jobLocation: Place
    let baseSalary: Amount
    let identifier: Identifier
    let url: String?
    let directApply = false

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", title, description, datePosted, validThrough, employmentType,
             hiringOrganization, jobLocation, baseSalary, identifier, url, directApply
    }

    package init(_ vacancy: Vacancy, descriptionHTML: String, config: SiteConfig, url: String?) {
        title = vacancy.title
        description = descriptionHTML
        datePosted = vacancy.posted.description
        if case .on(let date) = vacancy.closes { validThrough = date.description } else { validThrough = nil }
        employmentType = [vacancy.workingPattern == "part-time" ? "PART_TIME" : "FULL_TIME"]
            + (vacancy.contract == "fixed-term" ? ["TEMPORARY"] : [])
        let base = config.baseURL.isEmpty ? nil : config.baseURL
        hiringOrganization = Organization(name: config.council, sameAs: base,
                                          logo: base.flatMap { b in config.logo.map { b + "/" + $0 } })
        let place = vacancy.location
        jobLocation = Place(name: place.office, address: Address(streetAddress: place.street, addressLocality: place.town,
                                                                 postalCode: place.postcode))
        baseSalary = Amount(value: .init(minValue: vacancy.salaryMin, maxValue: vacancy.salaryMax))
        identifier = Identifier(name: config.council, value: vacancy.reference)
        self.url = url
    }

    /// The JSON, safe to place inside a `<script>` element: `<`, `>` and `&` are written as
    /// `\u003c`, `\u003e` and `\u0026`, so no content can close the element.
    package var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}

import QuorumContent
import QuorumSupport

/// A person's consent to publish their testimonial: when it was given, what it covers, when it
/// ends, and whether it has been withdrawn. Testimonials are personal data (UK GDPR): one is
/// published only while its consent is valid on the build's as-at date.
package struct Consent: Sendable {
    package let given: CalendarDate
    /// Where the words may appear: `website`, `social-media`, `print`, `video`.
    package let scope: [String]
    /// The expiry or review date: consent ends at the start of this day unless renewed.
    package let expires: CalendarDate
    /// The day consent was withdrawn, if it was.
    package let withdrawn: CalendarDate?

    package static let scopes = ["website", "social-media", "print", "video"]
    /// The scope this site needs.
    package static let websiteScope = "website"

    package enum Status: Sendable, Equatable {
        case valid
        case notYetGiven(CalendarDate)
        case expired(CalendarDate)
        case withdrawn(CalendarDate)
        case outOfScope
    }

    package func status(on date: CalendarDate) -> Status {
        if let withdrawn, withdrawn <= date { return .withdrawn(withdrawn) }
        if given > date { return .notYetGiven(given) }
        if expires <= date { return .expired(expires) }
        if !scope.contains(Consent.websiteScope) { return .outOfScope }
        return .valid
    }

    /// How long a file may still hold a person's words after their consent ended: the month
    /// UK GDPR gives to act on a request to erase personal data.
    package static let graceDays = 30

    /// Why a testimonial is left out, for the diagnostic that names its file; nil when it is valid.
    ///
    /// Leaving out a testimonial whose consent ended is the system working, so it is a note;
    /// it becomes a warning once the file has kept the person's words past the grace period,
    /// because then someone has to delete them. Consent dated in the future or not covering
    /// the website is a mistake in the file, so it is a warning at once.
    package func reasonLeftOut(on date: CalendarDate) -> (message: String, code: String, severity: Diagnostic.Severity)? {
        func ended(_ what: String, _ day: CalendarDate, code: String) -> (String, String, Diagnostic.Severity) {
            let days = date.dayNumber - day.dayNumber
            guard days > Consent.graceDays else { return (what, code, .note) }
            return ("\(what), \(days) days ago: delete this file (or the person's words in it); "
                        + "personal data should not be kept more than \(Consent.graceDays) days after consent ends", code, .warning)
        }
        switch status(on: date) {
        case .valid: return nil
        case .notYetGiven(let day): return ("consent is dated \(day), after the as-at date \(date)", "consent-not-yet-given", .warning)
        case .expired(let day): return ended("consent expired on \(day)", day, code: "consent-expired")
        case .withdrawn(let day): return ended("consent was withdrawn on \(day)", day, code: "consent-withdrawn")
        case .outOfScope:
            return ("consent does not cover the website (scope must include '\(Consent.websiteScope)')", "consent-scope", .warning)
        }
    }

    /// Reads the `consent:` mapping; every missing or malformed part is an error.
    static func read(_ meta: FrontMatter, log: inout DiagnosticLog) -> Consent? {
        guard let consent = meta.mapping("consent", required: true, log: &log) else { return nil }
        consent.warnAboutUnknownKeys(allowed: ["given", "scope", "expires", "withdrawn"], log: &log)
        let given = consent.date("given", required: true, log: &log)
        let expires = consent.date("expires", required: true, log: &log)
        let withdrawn = consent.date("withdrawn", log: &log)
        var scope: [String]?
        if let listed = consent.stringList("scope", required: true, log: &log) {
            scope = listed.map { $0.lowercased() }
            for unknown in scope! where !scopes.contains(unknown) {
                log.error(consent.location(of: "scope"),
                          "unknown consent scope '\(unknown)'; use \(scopes.map { "'\($0)'" }.joined(separator: ", "))",
                          code: "consent-scope")
                scope = nil
            }
        }
        if let given, let expires, expires <= given {
            log.error(consent.location(of: "expires"), "consent expires (\(expires)) before it was given (\(given))",
                      code: "consent-dates")
            return nil
        }
        guard let given, let expires, let scope else { return nil }
        return Consent(given: given, scope: scope, expires: expires, withdrawn: withdrawn)
    }
}

import Testing
import QuorumSupport
@testable import QuorumMicrosite

/// Consent on its own, without building a site: when a testimonial may be published, and
/// how its leaving out is reported (a note within the month after consent ends, then a
/// warning to delete the person's words).
@Suite struct ConsentTests {
    static let consent = Consent(given: CalendarDate("2026-01-01")!, scope: ["website"],
                                 expires: CalendarDate("2026-10-01")!, withdrawn: nil)

    @Test func validFromTheDayGivenUntilTheDayBeforeItExpires() {
        #expect(Self.consent.status(on: CalendarDate("2025-12-31")!) == .notYetGiven(CalendarDate("2026-01-01")!))
        #expect(Self.consent.status(on: CalendarDate("2026-01-01")!) == .valid)
        #expect(Self.consent.status(on: CalendarDate("2026-09-30")!) == .valid)
        #expect(Self.consent.status(on: CalendarDate("2026-10-01")!) == .expired(CalendarDate("2026-10-01")!))
        #expect(Self.consent.reasonLeftOut(on: CalendarDate("2026-09-30")!) == nil)
    }

    @Test func endedConsentIsANoteForThirtyDaysThenAWarning() throws {
        // Expired 2026-10-01: 30 days later (2026-10-31) is still within the grace period.
        let within = try #require(Self.consent.reasonLeftOut(on: CalendarDate("2026-10-31")!))
        #expect(within.severity == .note && within.code == "consent-expired")
        #expect(within.message == "consent expired on 2026-10-01")
        // 31 days later: the file has kept the words too long.
        let past = try #require(Self.consent.reasonLeftOut(on: CalendarDate("2026-11-01")!))
        #expect(past.severity == .warning && past.code == "consent-expired")
        #expect(past.message.hasPrefix("consent expired on 2026-10-01, 31 days ago: delete this file"))
    }

    @Test func withdrawalWinsAndFollowsTheSameGracePeriod() throws {
        let withdrawn = Consent(given: CalendarDate("2026-01-01")!, scope: ["website"],
                                expires: CalendarDate("2027-01-01")!, withdrawn: CalendarDate("2026-06-01")!)
        let early = try #require(withdrawn.reasonLeftOut(on: CalendarDate("2026-06-01")!))
        #expect(early.severity == .note && early.code == "consent-withdrawn")
        let late = try #require(withdrawn.reasonLeftOut(on: CalendarDate("2026-08-01")!))
        #expect(late.severity == .warning && late.message.contains("61 days ago"))
    }

    @Test func mistakesInTheFileAreWarningsAtOnce() throws {
        let printOnly = Consent(given: CalendarDate("2026-01-01")!, scope: ["print"],
                                expires: CalendarDate("2027-01-01")!, withdrawn: nil)
        #expect(try #require(printOnly.reasonLeftOut(on: CalendarDate("2026-03-01")!)).severity == .warning)
        #expect(try #require(Self.consent.reasonLeftOut(on: CalendarDate("2025-06-01")!)).severity == .warning)
    }
}

import Testing
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Figures that cannot be true: each limit with a hit at its cell and a near miss that stays
/// silent. A figure out of range is left out, so nothing is computed from it.
@Suite struct FigureLimitsTests {
    typealias T = WorkforceTesting
    let h = WorkforceTesting.header
    let socialWorkers = RowKey(area: "alpha", group: "social-workers")

    func codes(_ d: [Diagnostic]) -> [String] { d.map(\.code) }

    @Test func negativeBudgetedOrEmployeeFTEIsAnErrorAndGivesNoRate() throws {
        // Budget -20.0, employees 24.0: the vacancy rate would be -220%.
        let line = "Alpha,Social workers,-20.0,24.0,-44.0,-220.0%,0.0,0.0%"
        let (snapshot, d) = T.load([h, line])
        #expect(codes(d) == [WorkforceDiagnosticCode.negativeFigure])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == T.column(of: 2, in: line))
        #expect(diagnostic.message.contains("'Budgeted FTE' is -20.0; it cannot be negative"), "\(diagnostic.message)")
        let rate = try #require(snapshot?.value(of: .vacancyRate, for: socialWorkers))
        #expect(rate.value == nil && rate.suspect)

        let employees = T.load([h, "Alpha,Social workers,20.0,-4.0,24.0,120.0%,0.0,0.0%"]).diagnostics
        #expect(codes(employees) == [WorkforceDiagnosticCode.negativeFigure, WorkforceDiagnosticCode.rateOutOfRange])
        // Zero is a figure: a post with no one in it.
        #expect(T.load([h, "Alpha,Social workers,20.0,0.0,20.0,100.0%,0.0,0.0%"]).diagnostics.isEmpty)
    }

    @Test func negativeVacantFTEIsOverEstablishmentNotAnError() {
        // Budget 20.0, employees 22.0: vacant -2.0, -10.0%: a warning, as before.
        let d = T.load([h, "Alpha,Social workers,20.0,22.0,-2.0,-10.0%,0.0,0.0%"]).diagnostics
        #expect(codes(d) == [WorkforceDiagnosticCode.overEstablishment])
        // Beyond the FTE limit it is a typing slip.
        let slip = T.load([h, "Alpha,Social workers,20.0,22.0,-200000,-10.0%,0.0,0.0%"]).diagnostics
        #expect(codes(slip) == [WorkforceDiagnosticCode.figureTooLarge, WorkforceDiagnosticCode.overEstablishment])
    }

    @Test func aHugeOrEndlessNumberIsAnErrorAtItsCell() throws {
        let digits = String(repeating: "9", count: 401)
        let line = "Alpha,Social workers,20.0,16.0,4.0,20.0%,\(digits),15.8%"
        let (snapshot, d) = T.load([h, line])
        #expect(codes(d) == [WorkforceDiagnosticCode.figureTooLarge])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.location.column == T.column(of: 6, in: line))
        #expect(diagnostic.message.contains("(401 characters), above the limit of 100,000"), "\(diagnostic.message)")
        #expect(diagnostic.message.count < 300)
        let agency = try #require(snapshot?.value(of: .agencyRate, for: socialWorkers))
        #expect(agency.value == nil)
        // 100,000 FTE is the default limit, and allowed.
        let atLimit = T.load([h, "Alpha,Social workers,100000,99990,10.0,0.0%,0.0,0.0%"]).diagnostics
        #expect(!codes(atLimit).contains(WorkforceDiagnosticCode.figureTooLarge))
        #expect(codes(T.load([h, "Alpha,Social workers,100000.1,99990,10.1,0.0%,0.0,0.0%"]).diagnostics)
            .contains(WorkforceDiagnosticCode.figureTooLarge))
    }

    @Test func theLimitOfAColumnIsSetInTheConfig() throws {
        let file = SourceFile(path: "Content/workforce/config.yaml", relativePath: "workforce/config.yaml",
                              text: "limits:\n  budgeted_fte: 50\n  cases: lots\n  budget: 3\n")
        var log = DiagnosticLog()
        let config = WorkforceConfig.load(file, log: &log)
        #expect(config.limits.ceilings[.budgetedFTE] == 50)
        #expect(config.limits.ceilings[.cases] == 1_000_000)
        // `lots` is not a number (line 3); `budget` is not a column (line 4).
        #expect(log.entries.map(\.code) == ["front-matter-unknown-key", WorkforceDiagnosticCode.configLimit])
        #expect(log.entries.map(\.location.line) == [4, 3])
        var limited = T.config
        limited.limits = config.limits
        let d = T.load([h, "Alpha,Social workers,60.0,56.0,4.0,6.7%,0.0,0.0%"], config: limited).diagnostics
        #expect(codes(d) == [WorkforceDiagnosticCode.figureTooLarge])
        #expect(d.first?.message.contains("set 'budgeted_fte' under 'limits'") == true)
        #expect(T.load([h, "Alpha,Social workers,50.0,46.0,4.0,8.0%,0.0,0.0%"], config: limited).diagnostics.isEmpty)
    }

    @Test func aTypedRateIsAPercentage() throws {
        let line = "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,150%"
        let d = T.load([h, line]).diagnostics
        #expect(codes(d) == [WorkforceDiagnosticCode.rateOutOfRange])
        #expect(d.first?.location.column == T.column(of: 7, in: line))
        #expect(codes(T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,-1%"]).diagnostics)
            == [WorkforceDiagnosticCode.rateOutOfRange])
        // 100% is a rate: no one but agency workers (and then a mismatch with the figures, not a range error).
        #expect(codes(T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,100%"]).diagnostics)
            == [WorkforceDiagnosticCode.rateMismatch])
    }

    @Test func aHeaderWithNoRowsIsAnErrorAtTheFile() throws {
        let d = T.load([h]).diagnostics
        #expect(codes(d) == [WorkforceDiagnosticCode.noRows])
        #expect(d.first?.location.line == 1)
        #expect(d.first?.severity == .error)
        // One row is a snapshot.
        #expect(T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"]).diagnostics.isEmpty)
    }

    @Test func ratiosAreNeverInfiniteOrNaN() {
        #expect(MeasureValue(value: .infinity).value == nil)
        #expect(MeasureValue(value: -.nan).value == nil)
        #expect(MeasureValue(value: -.infinity).unavailableReason == "the figures give no finite value")
        #expect(MeasureValue(value: 12.5).value == 12.5)
        // A zero denominator is "not available": no employees, no turnover.
        let (snapshot, _) = T.load([
            "Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %,Leavers FTE",
            "Alpha,Social workers,0.0,0.0,0.0,,0.0,,1.0",
        ])
        let turnover = snapshot?.value(of: .turnoverRate, for: socialWorkers)
        #expect(turnover?.value == nil && turnover?.unavailableReason == "'Employee FTE' is 0")
    }
}

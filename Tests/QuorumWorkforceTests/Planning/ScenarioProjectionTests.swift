import Testing
@testable import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Each projection rule with its figures worked out by hand. The fixture (PlanningTesting):
/// Alpha managers B 2 E 2 A 0; Alpha social workers B 12 E 9 A 2 (180 cases, 10 case holders);
/// Beta managers B 1 E 1 A 0; Beta social workers B 6 E 6 A 0 (60 cases, 6 case holders).
/// Costs a year: managers £80,000 (agency £100,000); social workers £60,000 (agency £80,000).
/// Budget: £1,320,000 a year (Alpha £880,000, Beta £440,000), so £110,000 a month.
@Suite struct ScenarioProjectionTests {
    typealias T = PlanningTesting

    func project(_ frontMatter: String, extra: [String: String?] = [:]) -> (T.Loaded, ScenarioComparison?) {
        var files = extra
        files["scenarios/test.md"] = T.scenario(frontMatter)
        let loaded = T.load(files)
        return (loaded, loaded.planning.scenario("test"))
    }

    @Test func turnoverRecruitmentAndOverEstablishment() throws {
        let (loaded, comparison) = project("""
            title: Turnover and a cohort
            start: 2019-10
            months: 3
            turnover:
              social-workers: 12%
            changes:
              - month: 2019-11
                recruit: 4
                group: social-workers
                area: Beta
                note: ASYE cohort
            """)
        let c = try #require(comparison, "\(loaded.diagnostics)")
        let p = c.projection
        #expect(p.months.map(\.month.description) == ["2019-10", "2019-11", "2019-12"])
        func sw(_ month: Int, _ area: String) -> Projection.Position? { p.months[month].areas.first { $0.areaID == area } }

        // Turnover 12% a year is 1% a month of employee FTE (12 ÷ 100 ÷ 12 = 0.01).
        // Alpha social workers: Oct 9 − 0.09 = 8.91; Nov 8.91 − 0.0891 = 8.8209; Dec 8.8209 − 0.088209 = 8.732691.
        // Beta social workers: Oct 6 − 0.06 = 5.94; Nov 5.94 − 0.0594 + 4 = 9.8806; Dec 9.8806 − 0.098806 = 9.781794.
        // Managers have no turnover rate: 2 and 1 throughout.
        #expect(T.close(sw(0, "alpha")?.employeeFTE, 2 + 8.91))
        #expect(T.close(sw(1, "beta")?.employeeFTE, 1 + 9.8806))
        let december = p.months[2].directorate
        #expect(T.close(december.employeeFTE, 2 + 8.732691 + 1 + 9.781794))  // 21.514485
        // Vacant: 21 budgeted − 21.514485 = −0.514485, kept negative (over establishment).
        #expect(december.budgetedFTE == 21 && T.close(december.vacantFTE, -0.514485))
        // Beta in November: 7 budgeted − (1 + 9.8806) = −3.8806.
        #expect(T.close(sw(1, "beta")?.vacantFTE, -3.8806))
        // Vacancy rate: −0.514485 ÷ 21 × 100 = −2.449929%; agency rate: 2 ÷ (2 + 21.514485) × 100 = 8.505395%.
        #expect(T.close(december.vacancyRate, -0.514485 / 21 * 100) && T.close(december.agencyRate, 2 / 23.514485 * 100))

        // The over-establishment is a warning at the recruitment's value (the fence is line 1,
        // `    recruit: 4` line 9, the 4 in column 14), once, when Beta's social workers go over.
        let over = loaded.diagnostics(PlanningDiagnosticCode.overEstablishment)
        #expect(over.map(\.location.description) == ["Content/scenarios/test.md:9:14"])
        #expect(over.first?.message == "Beta / Social workers: in 2019-11 employee FTE (9.88) exceeds budgeted FTE (6.0): vacant FTE is -3.88, over establishment")
        let vacantLine = try #require(p.months[1].lines.first { $0.label == "Vacant FTE (Beta / Social workers)" })
        #expect(vacantLine.note == "negative: over establishment" && T.close(vacantLine.result, -3.8806))

        // Cost in December: (2 × 80,000 + 8.732691 × 60,000 + 2 × 80,000 + 1 × 80,000 + 9.781794 × 60,000) ÷ 12
        // = (160,000 + 523,961.46 + 160,000 + 80,000 + 586,907.64) ÷ 12 = 1,510,869.10 ÷ 12 = 125,905.758333.
        #expect(T.close(december.staffingCost, 1_510_869.1 / 12))
        // Budget £1,320,000 ÷ 12 = £110,000; variance 125,905.758333 − 110,000 = 15,905.758333.
        #expect(december.budget == 110_000 && T.close(december.variance, 1_510_869.1 / 12 - 110_000))

        // Caseload: 240 cases ÷ (16 case holders + (8.732691 + 2 + 9.781794) − (9 + 2 + 6))
        // = 240 ÷ (16 + 3.514485) = 240 ÷ 19.514485 = 12.298558.
        #expect(T.close(december.caseload, 240 / 19.514485))
        // Alpha alone: 180 ÷ (10 + (8.732691 + 2) − (9 + 2)) = 180 ÷ 9.732691 = 18.494367.
        #expect(T.close(p.months[2].areas[0].caseload, 180 / 9.732691))

        // The leavers line a finance officer reads.
        let leavers = try #require(p.months[0].lines.first { $0.label == "Leavers (Alpha / Social workers)" })
        #expect(leavers.formula == "employee FTE × annual turnover rate ÷ 100 ÷ 12")
        #expect(leavers.inputs.map(\.value) == [9, 12] && T.close(leavers.result, 0.09))
    }

    @Test func noChangeBaselineHoldsTheSnapshot() throws {
        let (_, comparison) = project("title: Turnover\nstart: 2019-10\nmonths: 2\nturnover: 12%")
        let c = try #require(comparison)
        // Baseline: 18 employees, 2 agency, cost (160,000 + 700,000 + 80,000 + 360,000) ÷ 12
        // = 1,300,000 ÷ 12 = 108,333.333333 every month.
        for month in c.baseline.months {
            #expect(month.directorate.employeeFTE == 18 && month.directorate.agencyFTE == 2)
            #expect(T.close(month.directorate.staffingCost, 1_300_000 / 12))
        }
        #expect(T.close(c.baseline.opening.directorate.staffingCost, 1_300_000 / 12))
        // With 12% for every group: October employees 18 − 18 × 0.01 = 17.82; difference −0.18.
        #expect(T.close(c.differences[0].employeeFTE, -0.18))
        // Cost difference in October: −0.18 split as managers (2 + 1) × 0.01 = 0.03 × 80,000 ÷ 12 = −200
        // and social workers (9 + 6) × 0.01 = 0.15 × 60,000 ÷ 12 = −750: −950.
        #expect(T.close(c.differences[0].staffingCost, -950))
    }

    @Test func conversionsMoveAgencyToPermanentAndStopWhenAgencyRunsOut() throws {
        let (loaded, comparison) = project("""
            title: Convert
            start: 2019-10
            months: 4
            changes:
              - month: 2019-10
                convert: 1
                for_months: 3
                group: social-workers
                area: Alpha
            """)
        let p = try #require(comparison).projection
        func alpha(_ i: Int) -> Projection.Position { p.months[i].areas[0] }
        // Oct: E 2 + 10, A 1; Nov: E 2 + 11, A 0; Dec: 1 asked, 0 left: nothing; Jan: no conversion.
        #expect(alpha(0).employeeFTE == 12 && alpha(0).agencyFTE == 1)
        #expect(alpha(1).employeeFTE == 13 && alpha(1).agencyFTE == 0)
        #expect(alpha(2).employeeFTE == 13 && alpha(3).agencyFTE == 0)
        // Each FTE converted saves (80,000 − 60,000) ÷ 12 = 1,666.67 a month against the baseline.
        let c = try #require(comparison)
        #expect(T.close(c.differences[0].staffingCost, -20000.0 / 12) && T.close(c.differences[3].staffingCost, -40000.0 / 12))
        let short = loaded.diagnostics(PlanningDiagnosticCode.conversionShort)
        #expect(short.count == 1 && short.first?.location.line == 7)
        #expect(short.first?.message == "Alpha / Social workers: in 2019-12 the conversion asks for 1.0 agency FTE but only 0.0 remain; 0.0 are converted")
    }

    @Test func retentionPaymentCostsAndReducesTurnover() throws {
        let (_, comparison) = project("""
            title: Retention
            start: 2019-10
            months: 3
            turnover:
              social-workers: 12%
            changes:
              - month: 2019-10
                retention_payment: £3,000
                heads: 10
                turnover_reduction: 2%
                for_months: 2
                group: social-workers
                area: Alpha
            """)
        let p = try #require(comparison).projection
        // Alpha social workers, Oct: 9 × (12 − 2) ÷ 100 ÷ 12 = 0.075 leave → 8.925;
        // Nov: 8.925 × 10 ÷ 1,200 = 0.074375 → 8.850625; Dec (payment over): 8.850625 × 0.01 = 0.08850625 → 8.76211875.
        #expect(T.close(p.months[0].areas[0].employeeFTE, 2 + 8.925))
        #expect(T.close(p.months[2].areas[0].employeeFTE, 2 + 8.76211875))
        // Beta social workers keep 12%: 6 − 0.06 = 5.94.
        #expect(T.close(p.months[0].areas[1].employeeFTE, 1 + 5.94))
        // Payment: £3,000 × 10 ÷ 12 = £2,500 a month for two months, then none.
        #expect(p.months.map(\.retentionCost) == [2500, 2500, 0])
        // October cost: (160,000 + 8.925 × 60,000 + 160,000 + 80,000 + 5.94 × 60,000) ÷ 12 + 2,500
        // = (160,000 + 535,500 + 160,000 + 80,000 + 356,400) ÷ 12 + 2,500 = 1,291,900 ÷ 12 + 2,500 = 110,158.333333.
        #expect(T.close(p.months[0].directorate.staffingCost, 1_291_900.0 / 12 + 2500))
        let leavers = try #require(p.months[0].lines.first { $0.label == "Leavers (Alpha / Social workers)" })
        #expect(leavers.formula == "employee FTE × (annual turnover rate − retention reduction) ÷ 100 ÷ 12")
    }

    @Test func budgetAndEstablishmentChangesPersistFromTheirMonth() throws {
        let (_, comparison) = project("""
            title: Budget
            start: 2019-10
            months: 3
            changes:
              - month: 2019-11
                budget_change: "-£120,000"
                area: Alpha
              - month: 2019-11
                establishment_change: -3
                group: social-workers
                area: Alpha
            """)
        let p = try #require(comparison).projection
        // Budget: Oct 1,320,000 ÷ 12 = 110,000; from Nov (1,320,000 − 120,000) ÷ 12 = 100,000.
        #expect(p.months.map(\.directorate.budget) == [110_000, 100_000, 100_000])
        // Alpha's own: 880,000 ÷ 12 = 73,333.33, then 760,000 ÷ 12 = 63,333.33.
        #expect(T.close(p.months[2].areas[0].budget, 760_000.0 / 12))
        // Establishment: Alpha budgeted 14 → 11 from November, vacant 11 − 11 = 0.
        #expect(p.months.map { $0.areas[0].budgetedFTE } == [14, 11, 11] && p.months[2].areas[0].vacantFTE == 0)
        // Variance in December: cost 1,300,000 ÷ 12 = 108,333.33 − 100,000 = 8,333.33.
        #expect(T.close(p.months[2].directorate.variance, 1_300_000.0 / 12 - 100_000))
    }

    @Test func aZeroBudgetGivesAVarianceOfTheWholeCost() throws {
        let budget = "Area,Staffing budget,Spend to date,Forecast outturn\nAlpha,0,0,0\nBeta,0,0,0\n"
        let (_, comparison) = project("title: Zero\nstart: 2019-10\nmonths: 1", extra: ["workforce/budget/2019-09.csv": budget])
        let month = try #require(comparison).projection.months[0]
        // 1,300,000 ÷ 12 − 0.
        #expect(month.directorate.budget == 0 && T.close(month.directorate.variance, 1_300_000.0 / 12))
        #expect(month.lines.first { $0.label.hasPrefix("Variance") }?.note == "the budget is £0: every pound spent is over it")
    }

    @Test func withoutBudgetMonitoringTheBudgetIsNotAvailable() throws {
        let (_, comparison) = project("title: No budget\nstart: 2019-10\nmonths: 1", extra: ["workforce/budget/2019-09.csv": nil])
        let p = try #require(comparison).projection
        #expect(p.budgetMonth == nil && p.months[0].directorate.budget == nil && p.months[0].directorate.variance == nil)
        #expect(p.totalBudget == nil)
        // An earlier month's budget is used when the snapshot's own month has none.
        let (_, earlier) = project("title: Earlier\nstart: 2019-10\nmonths: 1",
                                   extra: ["workforce/budget/2019-09.csv": nil, "workforce/budget/2019-06.csv": T.budget])
        #expect(try #require(earlier).projection.budgetMonth?.description == "2019-06")
    }

    @Test func monthsPastTheHorizonAreNotProjected() throws {
        let (loaded, comparison) = project("""
            title: Horizon
            start: 2019-10
            months: 2
            changes:
              - month: 2020-01
                recruit: 5
                group: social-workers
                area: Alpha
              - month: 2019-11
                recruit: 1
                for_months: 6
                group: social-workers
                area: Beta
            """)
        let p = try #require(comparison).projection
        // Only October and November; Beta's recruit of 1 lands in November only: 6 + 1 = 7.
        #expect(p.months.count == 2 && p.months[1].areas[1].employeeFTE == 1 + 7)
        #expect(p.months[1].areas[0].employeeFTE == 11)
        let warnings = loaded.diagnostics(PlanningDiagnosticCode.pastHorizon)
        #expect(warnings.map(\.location.line) == [7, 11])
        #expect(warnings[0].message == "the recruitment in 2020-01 is after the horizon (2019-10 to 2019-11); it is not projected")
        #expect(warnings[1].message.contains("runs to 2020-04, after the horizon ends (2019-11)"))
    }

    @Test func agencyCoverReplacesAShareOfLeavers() throws {
        let (_, comparison) = project("title: Cover\nstart: 2019-10\nmonths: 2\nturnover:\n  social-workers: 12%\nagency_cover: 50%")
        let p = try #require(comparison).projection
        // Alpha social workers, Oct: 0.09 leave, 0.09 × 50 ÷ 100 = 0.045 agency cover → agency 2.045;
        // Nov: 8.91 × 0.01 = 0.0891 leave, cover 0.04455 → agency 2.08955.
        // Beta: Oct 0.06 leave, cover 0.03; Nov 5.94 × 0.01 = 0.0594, cover 0.0297 → 0.0597.
        #expect(T.close(p.months[0].areas[0].agencyFTE, 2.045) && T.close(p.months[1].areas[0].agencyFTE, 2.08955))
        #expect(T.close(p.months[1].areas[1].agencyFTE, 0.0597))
        let line = try #require(p.months[0].lines.first { $0.label == "Agency FTE (Alpha / Social workers)" })
        #expect(line.formula == "agency FTE + agency cover − converted to permanent" && line.inputs[0].value == 2)
        #expect(T.close(line.inputs[1].value, 0.045) && line.inputs[2].value == 0)
    }

    @Test func anUnreadableBudgetTotalLeavesTheBudgetNotAvailableAndInDoubt() throws {
        let budget = T.budget.replacingOccurrences(of: "Total,\"£1,320,000\"", with: "Total,lots")
        let (loaded, comparison) = project("title: Doubt\nstart: 2019-10\nmonths: 2", extra: ["workforce/budget/2019-09.csv": budget])
        #expect(loaded.diagnostics(PlanningDiagnosticCode.budgetUnreadable).map(\.location.line) == [4])
        let p = try #require(comparison).projection
        // No directorate budget a month, so no total over the horizon (never a sum that leaves months out).
        #expect(p.months.allSatisfy { $0.directorate.budget == nil } && p.totalBudget == nil && p.suspect)
        // The areas' own budgets are still there: 880,000 ÷ 12.
        #expect(T.close(p.months[0].areas[0].budget, 880_000.0 / 12))
    }
}

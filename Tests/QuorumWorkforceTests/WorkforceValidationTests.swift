import Testing
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Each validation rule: a hit, and a near miss inside the tolerance that must stay silent.
/// Expected figures are worked out by hand in the comments.
@Suite struct WorkforceValidationTests {
    typealias T = WorkforceTesting
    let h = WorkforceTesting.header

    func codes(_ d: [Diagnostic]) -> [String] { d.map(\.code) }

    // Alpha / Social workers: budget 20.0, employees 16.0 -> vacant 4.0, 4 / 20 = 20.0%;
    // agency 3.0 -> 3 / (3 + 16) = 15.79%.
    @Test func vacantThatIsNotBudgetMinusEmployees() throws {
        let line = "Alpha,Social workers,20.0,16.0,4.2,20.0%,3.0,15.8%"
        let (_, d) = T.load([h, line])
        #expect(codes(d) == [WorkforceDiagnosticCode.vacantMismatch])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == T.column(of: 4, in: line))
        for part in ["Alpha / Social workers", "'Vacant FTE' is 4.2", "20.0", "16.0", "= 4.0", "difference 0.2"] {
            #expect(diagnostic.message.contains(part), "\(diagnostic.message)")
        }
        // 4.1 is 0.1 FTE off: rounding.
        #expect(T.load([h, "Alpha,Social workers,20.0,16.0,4.1,20.0%,3.0,15.8%"]).diagnostics.isEmpty)
    }

    @Test func typedRateThatDoesNotMatchItsFigures() throws {
        let line = "Alpha,Social workers,20.0,16.0,4.0,21.0%,3.0,15.8%"
        let (_, d) = T.load([h, line])
        #expect(codes(d) == [WorkforceDiagnosticCode.rateMismatch])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.location.column == T.column(of: 5, in: line))
        for part in ["Alpha / Social workers", "'Vacancy rate %' is 21.0%", "= 20.0%", "difference 1.0"] {
            #expect(diagnostic.message.contains(part), "\(diagnostic.message)")
        }
        // 20.1% is within 0.1 points of 20.0%.
        #expect(T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.1%,3.0,15.8%"]).diagnostics.isEmpty)
        // A rate typed to whole percent is allowed half a point: 4.1 / 20 = 20.5%, typed 21%.
        #expect(T.load([h, "Alpha,Social workers,20.0,15.9,4.1,21%,3.0,15.9%"]).diagnostics.isEmpty)
        #expect(codes(T.load([h, "Alpha,Social workers,20.0,15.9,4.1,22%,3.0,15.9%"]).diagnostics)
            == [WorkforceDiagnosticCode.rateMismatch])
    }

    @Test func agencyRateUsesAgencyPlusEmployeesNotBudget() {
        // 3 / (3 + 16) = 15.8%, whereas 3 / 20 (the budget) would be 15.0%.
        let (_, d) = T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.0%"])
        #expect(codes(d) == [WorkforceDiagnosticCode.rateMismatch])
        #expect(d.first?.message.contains("3.0 / (3.0 + 16.0) = 15.79%") == true)
    }

    @Test func rateTypedAsAFraction() throws {
        let line = "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,0.158"
        let (snapshot, d) = T.load([h, line])
        #expect(codes(d) == [WorkforceDiagnosticCode.rateAsFraction])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.location.column == T.column(of: 7, in: line))
        for part in ["Alpha / Social workers", "'Agency %' is 0.158", "15.8%", "15.79%"] {
            #expect(diagnostic.message.contains(part), "\(diagnostic.message)")
        }
        // The figures are fine, so the recomputed agency rate is not suspect.
        let rate = try #require(snapshot?.value(of: .agencyRate, for: RowKey(area: "alpha", group: "social-workers")))
        #expect(!rate.suspect)
        // 0.3 is neither 15.8% nor 0.158: a plain mismatch, not a fraction.
        #expect(codes(T.load([h, "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,0.3"]).diagnostics)
            == [WorkforceDiagnosticCode.rateMismatch])
        // With a % sign, 0.2% is a (wrong) percentage, not a fraction.
        #expect(codes(T.load([h, "Alpha,Social workers,20.0,16.0,4.0,0.2%,3.0,15.8%"]).diagnostics)
            == [WorkforceDiagnosticCode.rateMismatch])
    }

    // Alpha's groups: managers 5.0/4.0/1.0, agency 1.0 (1 / 5 = 20.0%);
    // social workers as above; others 10.0/9.0/1.0, agency 0.0.
    // Sums: budget 35.0, employees 29.0, vacant 6.0 (6 / 35 = 17.1%), agency 4.0 (4 / 33 = 12.1%).
    var alphaGroups: [String] {
        ["Alpha,Total managers,5.0,4.0,1.0,20.0%,1.0,20.0%",
         "Alpha,Total social workers,20.0,16.0,4.0,20.0%,3.0,15.8%",
         "Alpha,Total 'others' (non sw posts),10.0,9.0,1.0,10.0%,0.0,0.0%"]
    }

    @Test func groupsThatDoNotSumToTheirAreaTotal() throws {
        // Agency 4.4 against a sum of 4.0: 0.4 off, more than 0.1 x 3 rows. 4.4 / 33.4 = 13.2%.
        let total = "Alpha,Total,35.0,29.0,6.0,17.1%,4.4,13.2%"
        let (snapshot, d) = T.load([h] + alphaGroups + [total])
        #expect(codes(d) == [WorkforceDiagnosticCode.groupSum])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.location.line == 5 && diagnostic.location.column == T.column(of: 6, in: total))
        for part in ["Alpha / Total", "'Agency FTE' is 4.4", "sum to 4.0", "1.0 + ", "3.0 + ", "0.0", "difference 0.4", "allowed 0.3"] {
            #expect(diagnostic.message.contains(part), "\(diagnostic.message)")
        }
        // Both the total and its groups are in doubt; the vacancy figures are not.
        let alpha = try #require(snapshot?.areas.first)
        #expect(alpha.total.measure(.agencyRate).suspect)
        #expect(alpha.groups.allSatisfy { $0.measure(.agencyRate).suspect })
        #expect(!alpha.total.measure(.vacancyRate).suspect)
        // 4.3 is 0.3 off: within 0.1 per summed row. 4.3 / 33.3 = 12.9%.
        #expect(T.load([h] + alphaGroups + ["Alpha,Total,35.0,29.0,6.0,17.1%,4.3,12.9%"]).diagnostics.isEmpty)
    }

    // Beta: one social workers row 10.0/8.0/2.0 (20.0%), agency 2.0 (2 / 10 = 20.0%).
    // Grand total: budget 45.0, employees 37.0, vacant 8.0 (17.8%), agency 6.0 (6 / 43 = 14.0%).
    var twoAreas: [String] {
        alphaGroups + ["Alpha,Total,35.0,29.0,6.0,17.1%,4.0,12.1%", "Beta,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%"]
    }

    @Test func areasThatDoNotSumToTheGrandTotal() throws {
        // Agency 6.3: 0.3 off, more than 0.1 x 2 areas. 6.3 / 43.3 = 14.5%.
        let grand = "Grand Total for all CSC,,45.0,37.0,8.0,17.8%,6.3,14.5%"
        let (snapshot, d) = T.load([h] + twoAreas + [grand])
        #expect(codes(d) == [WorkforceDiagnosticCode.areaSum])
        let diagnostic = try #require(d.first)
        #expect(diagnostic.location.line == 7 && diagnostic.location.column == T.column(of: 6, in: grand))
        for part in ["'Agency FTE' is 6.3", "the 2 area totals sum to 6.0", "Alpha 4.0 + Beta 2.0", "allowed 0.2"] {
            #expect(diagnostic.message.contains(part), "\(diagnostic.message)")
        }
        #expect(snapshot?.grandTotal.measure(.agencyRate).suspect == true)
        // 6.2 is within 0.2. 6.2 / 43.2 = 14.35 -> 14.4%.
        #expect(T.load([h] + twoAreas + ["Grand Total for all CSC,,45.0,37.0,8.0,17.8%,6.2,14.4%"]).diagnostics.isEmpty)
    }

    @Test func directorateGroupRowsAreCheckedAgainstTheAreas() throws {
        // Social workers over both areas: agency 3.0 + 2.0 = 5.0; typed 5.5 is 0.5 off (allowed 0.2).
        // 5.5 / (5.5 + 24) = 18.6%; budget 30, employees 24 -> 20.0%.
        let given = "Grand total,Total social workers,30.0,24.0,6.0,20.0%,5.5,18.6%"
        let (snapshot, d) = T.load([h] + twoAreas + [given])
        #expect(codes(d) == [WorkforceDiagnosticCode.areaSum])
        #expect(d.first?.message.contains("the 2 areas' Social workers rows sum to 5.0") == true)
        #expect(snapshot?.value(of: .agencyRate, for: RowKey(group: "social-workers")).suspect == true)
        // 5.0 / 29 = 17.2%: clean, and the directorate's social workers come from the given row.
        let (clean, d2) = T.load([h] + twoAreas + ["Grand total,Total social workers,30.0,24.0,6.0,20.0%,5.0,17.2%"])
        #expect(d2.isEmpty)
        #expect(clean?.directorate.group("social-workers")?.isComputed == false)
    }

    @Test func totalsThatAreLeftOutAreComputed() throws {
        let (snapshot, d) = T.load([h] + alphaGroups + ["Beta,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%"])
        #expect(d.isEmpty)
        let s = try #require(snapshot)
        #expect(s.areas[0].total.isComputed && s.grandTotal.isComputed)
        #expect(s.areas[0].total.figure(.budgetedFTE)?.value == 35.0)
        #expect(s.grandTotal.figure(.agencyFTE)?.value == 6.0)
        // Directorate social workers: 20 + 10 budget, 16 + 8 employees -> 6 / 30 = 20%.
        #expect(s.value(of: .vacancyRate, for: RowKey(group: "social-workers")).value == 20.0)
    }

    @Test func duplicateRows() throws {
        let row = "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"
        let (snapshot, d) = T.load([h, row, "Beta,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%", row])
        #expect(codes(d) == [WorkforceDiagnosticCode.duplicateRow])
        #expect(d.first?.location.line == 4 && d.first?.location.column == 1)
        #expect(d.first?.message.contains("Alpha / Social workers") == true)
        #expect(d.first?.message.contains("line 2") == true)
        #expect(snapshot?.value(of: .vacancyRate, for: RowKey(area: "alpha", group: "social-workers")).suspect == true)
        // The same group in another area is not a duplicate.
        #expect(T.load([h, row, "Beta,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%"]).diagnostics.isEmpty)
    }

    @Test func missingAndUnreadableCells() throws {
        let missing = "Alpha,Social workers,20.0,16.0,4.0,20.0%,,15.8%"
        let (s1, d1) = T.load([h, missing])
        #expect(codes(d1) == [WorkforceDiagnosticCode.missingCell])
        #expect(d1.first?.location.column == T.column(of: 6, in: missing))
        #expect(d1.first?.message.contains("Alpha / Social workers: 'Agency FTE' is not given") == true)
        #expect(s1?.value(of: .agencyRate, for: RowKey(area: "alpha", group: "social-workers")).suspect == true)

        let stray = "Alpha,Social workers,20.0,16.0,4.0,20.0%,12.5 fte,15.8%"
        let (s2, d2) = T.load([h, stray])
        #expect(codes(d2) == [WorkforceDiagnosticCode.unreadableCell])
        #expect(d2.first?.location.column == T.column(of: 6, in: stray))
        #expect(d2.first?.message.contains("'Agency FTE' is '12.5 fte'") == true)
        let agency = try #require(s2?.value(of: .agencyRate, for: RowKey(area: "alpha", group: "social-workers")))
        #expect(agency.value == nil && agency.suspect)
        // The vacancy rate does not use agency FTE: still sound.
        #expect(s2?.value(of: .vacancyRate, for: RowKey(area: "alpha", group: "social-workers")).suspect == false)

        // Near misses: separators, spaces and "-" in a typed rate are fine.
        #expect(T.load([h, "Alpha,Social workers,\" 1,020.0 \",1016.0,4.0,0.4%,3.0,-"]).diagnostics.isEmpty)
    }

    @Test func snapshotDatesAndFileNames() {
        let row = "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"
        let (future, d) = T.load([h, row], name: "2020-01-02.csv", asOf: CalendarDate("2020-01-01")!)
        #expect(codes(d) == [WorkforceDiagnosticCode.futureSnapshot])
        #expect(d.first?.message.contains("2020-01-02") == true && d.first?.message.contains("2020-01-01") == true)
        #expect(future?.isSuspect == true && future?.grandTotal.measure(.vacancyRate).suspect == true)
        #expect(T.load([h, row], name: "2020-01-01.csv", asOf: CalendarDate("2020-01-01")!).diagnostics.isEmpty)

        let (none, d2) = T.load([h, row], name: "june-2017.csv")
        #expect(none == nil && codes(d2) == [WorkforceDiagnosticCode.fileName])
        #expect(codes(T.load([h, row], name: "2017-02-30.csv").diagnostics) == [WorkforceDiagnosticCode.fileName])
    }

    @Test func overEstablishmentIsAWarning() throws {
        let line = "Alpha,Social workers,10.0,10.5,-0.5,-5.0%,0.0,0.0%"
        let (_, d) = T.load([h, line])
        #expect(codes(d) == [WorkforceDiagnosticCode.overEstablishment])
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.contains("10.5 is above 'Budgeted FTE' 10.0 (vacant -0.5 FTE)") == true)
        #expect(T.load([h, "Alpha,Social workers,10.0,10.0,0.0,0.0%,0.0,0.0%"]).diagnostics.isEmpty)
    }

    @Test func agencyAboveVacantIsAWarning() {
        // Vacant 2.0; agency 2.5 -> 2.5 / 10.5 = 23.8%.
        let (_, d) = T.load([h, "Alpha,Social workers,10.0,8.0,2.0,20.0%,2.5,23.8%"])
        #expect(codes(d) == [WorkforceDiagnosticCode.agencyAboveVacant])
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.contains("'Agency FTE' 2.5 is above the vacant FTE 2.0") == true)
        #expect(T.load([h, "Alpha,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%"]).diagnostics.isEmpty)
    }

    @Test func unknownAreasGroupsAndColumnsAreWarnings() {
        let (snapshot, d) = T.load([h + ",Notes", "Gamma,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%,new team",
                                    "Alpha,Business support,10.0,8.0,2.0,20.0%,2.0,20.0%,"])
        #expect(Set(codes(d)) == [WorkforceDiagnosticCode.unknownColumn, WorkforceDiagnosticCode.unknownArea,
                                  WorkforceDiagnosticCode.unknownGroup])
        #expect(d.allSatisfy { $0.severity == .warning })
        #expect(d.first { $0.code == WorkforceDiagnosticCode.unknownColumn }?.location.column == h.count + 2)
        #expect(d.first { $0.code == WorkforceDiagnosticCode.unknownArea }?.message.contains("'Gamma'") == true)
        #expect(d.first { $0.code == WorkforceDiagnosticCode.unknownGroup }?.message.contains("'Business support'") == true)
        // Still analysed: the unknown area comes after the known ones.
        #expect(snapshot?.areas.map(\.name) == ["Alpha", "Gamma"])
        // Near misses: other spellings of known names.
        #expect(T.load([h, " ALPHA ,Total Social Workers,10.0,8.0,2.0,20.0%,2.0,20.0%"]).diagnostics.isEmpty)
    }

    @Test func missingAndDuplicateColumns() {
        let (_, d) = T.load(["Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE",
                             "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0"])
        #expect(codes(d) == [WorkforceDiagnosticCode.missingColumn])
        #expect(d.first?.message.contains("'Agency %'") == true)
        let (_, d2) = T.load([h + ",Agency FTE", "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%,3.0"])
        #expect(codes(d2) == [WorkforceDiagnosticCode.duplicateColumn])
    }

    @Test func fixtureFilesEachWithOneDefect() {
        #expect(T.loadFixture("valid.csv").diagnostics.isEmpty)
        #expect(codes(T.loadFixture("stray-text.csv").diagnostics) == [WorkforceDiagnosticCode.unreadableCell])
        // Alpha's wrong agency total is also checked against the grand total, which says so.
        let groups = T.loadFixture("groups-do-not-sum.csv").diagnostics
        #expect(codes(groups) == [WorkforceDiagnosticCode.groupSum, WorkforceDiagnosticCode.areaSum])
        #expect(groups.last?.message.hasSuffix("; the Alpha row is itself in doubt") == true)
        #expect(codes(T.loadFixture("rate-as-fraction.csv").diagnostics) == [WorkforceDiagnosticCode.rateAsFraction])
    }
}

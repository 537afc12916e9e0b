import Testing
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Sum checks that do not hide each other (issue 15, point 5): every given total is checked
/// in every summed column whatever else failed, and says which of its parts are already in
/// doubt; a total cell that is not given is an error, and the other columns are still
/// checked. No cell is reported twice.
@Suite struct SnapshotTotalsTests {
    typealias T = WorkforceTesting
    let h = WorkforceTesting.header

    // Alpha: managers 5.0/4.0/1.0, agency 1.0; social workers 20.0/16.0/4.0, agency 3.0;
    // others 10.0/9.0/1.0, agency 0.0. Total 35.0/29.0/6.0 (17.1%), agency 4.0 (4 / 33 = 12.1%).
    // Beta: social workers 10.0/8.0/2.0 (20.0%), agency 2.0 (20.0%), and its total.
    static let managers = "Alpha,Total managers,5.0,4.0,1.0,20.0%,1.0,20.0%"
    static let socialWorkers = "Alpha,Total social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"
    static let others = "Alpha,Total 'others' (non sw posts),10.0,9.0,1.0,10.0%,0.0,0.0%"
    static let alphaTotal = "Alpha,Total,35.0,29.0,6.0,17.1%,4.0,12.1%"
    static let beta = ["Beta,Social workers,10.0,8.0,2.0,20.0%,2.0,20.0%", "Beta,Total,10.0,8.0,2.0,20.0%,2.0,20.0%"]

    /// `line:column` of each finding, and no cell named twice.
    func places(_ d: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let places = d.map { "\($0.location.line):\($0.location.column)" }
        #expect(Set(places).count == places.count, "a cell is reported twice: \(d.map(\.formatted))", sourceLocation: sourceLocation)
        return places
    }

    func column(_ index: Int, _ line: String) -> Int { T.column(of: index, in: line) }

    // The case: the grand total's Employee FTE is 1.0 off the sum of the areas, while
    // another cell of that column (Alpha's social workers) cannot be read.
    @Test func grandTotalOffItsAreasIsReportedWhenAnotherCellOfTheColumnFailed() throws {
        let unreadable = "Alpha,Total social workers,20.0,16.0 fte,4.0,20.0%,3.0,15.8%"
        // 45.0 − 38.0 = 7.0 (15.6%); 6 / 44 = 13.6%: sound in itself, but 38 ≠ 29 + 8 and 7 ≠ 6 + 2.
        let grand = "Grand total,Total,45.0,38.0,7.0,15.6%,6.0,13.6%"
        let (snapshot, d) = T.load([h, Self.managers, unreadable, Self.others, Self.alphaTotal] + Self.beta + [grand])
        #expect(places(d) == ["3:\(column(3, unreadable))", "8:\(column(3, grand))", "8:\(column(4, grand))"],
                "\(d.map(\.formatted))")
        #expect(d.map(\.code) == [WorkforceDiagnosticCode.unreadableCell, WorkforceDiagnosticCode.areaSum,
                                  WorkforceDiagnosticCode.areaSum])
        #expect(d[1].message == "Grand total / Total: 'Employee FTE' is 38.0 but the 2 area totals sum to 37.0 (Alpha 29.0 + Beta 8.0; difference 1.0; allowed 0.2); the Alpha row is itself in doubt")
        // Alpha's vacant FTE is not in doubt, so its message says nothing of it.
        #expect(d[2].message == "Grand total / Total: 'Vacant FTE' is 7.0 but the 2 area totals sum to 8.0 (Alpha 6.0 + Beta 2.0; difference 1.0; allowed 0.2)")
        let total = try #require(snapshot?.grandTotal)
        #expect(total.figures[.employeeFTE]?.suspect == true && total.figures[.vacantFTE]?.suspect == true)
        #expect(total.figures[.budgetedFTE]?.suspect == false)
        #expect(snapshot?.areas.allSatisfy { $0.total.figures[.employeeFTE]?.suspect == true } == true)
    }

    @Test func groupRowsToTheirAreaTotalWithAGroupInDoubt() throws {
        // Social workers' vacancy rate is wrong (25.0% for 20.0%): their budget and employees are in doubt.
        let doubtful = "Alpha,Total social workers,20.0,16.0,4.0,25.0%,3.0,15.8%"
        // 35.0 − 30.0 = 5.0 (14.3%); 4 / 34 = 11.8%: 30 ≠ 4 + 16 + 9 and 5 ≠ 1 + 4 + 1.
        let total = "Alpha,Total,35.0,30.0,5.0,14.3%,4.0,11.8%"
        let (snapshot, d) = T.load([h, Self.managers, doubtful, Self.others, total])
        #expect(d.map(\.code) == [WorkforceDiagnosticCode.rateMismatch, WorkforceDiagnosticCode.groupSum,
                                  WorkforceDiagnosticCode.groupSum], "\(d.map(\.formatted))")
        #expect(places(d) == ["3:\(column(5, doubtful))", "5:\(column(3, total))", "5:\(column(4, total))"])
        #expect(d[1].message.hasPrefix("Alpha / Total: 'Employee FTE' is 30.0 but its 3 staff group rows sum to 29.0"))
        #expect(d[1].message.hasSuffix("; the Social workers row is itself in doubt"))
        #expect(!d[2].message.contains("in doubt"))
        // The budget adds up, but rests on a figure in doubt: it is in doubt too, never sound.
        let alpha = try #require(snapshot?.areas.first)
        #expect(alpha.total.figures[.budgetedFTE]?.suspect == true)
        #expect(alpha.total.figures[.agencyFTE]?.suspect == false)
    }

    @Test func aStaffGroupAcrossTheAreasWithAnAreaInDoubt() throws {
        // Beta's social workers' vacancy rate is wrong (25.0% for 20.0%).
        let beta = ["Beta,Social workers,10.0,8.0,2.0,25.0%,2.0,20.0%", "Beta,Total,10.0,8.0,2.0,20.0%,2.0,20.0%"]
        // Social workers over both areas: 30.0 budgeted, 24.0 employees, 6.0 vacant, 5.0 agency.
        // Given: 25.0 employees and 5.0 vacant (30 − 25 = 5, 16.7%; 5 / 30 = 16.7%).
        let given = "Grand total,Total social workers,30.0,25.0,5.0,16.7%,5.0,16.7%"
        let (snapshot, d) = T.load([h, Self.managers, Self.socialWorkers, Self.others, Self.alphaTotal] + beta + [given])
        #expect(d.map(\.code) == [WorkforceDiagnosticCode.rateMismatch, WorkforceDiagnosticCode.areaSum,
                                  WorkforceDiagnosticCode.areaSum], "\(d.map(\.formatted))")
        #expect(places(d) == ["6:\(column(5, beta[0]))", "8:\(column(3, given))", "8:\(column(4, given))"])
        #expect(d[1].message == "Grand total / Social workers: 'Employee FTE' is 25.0 but the 2 areas' Social workers rows sum to 24.0 (Alpha 16.0 + Beta 8.0; difference 1.0; allowed 0.2); the Beta row is itself in doubt")
        #expect(snapshot?.directorate.group("social-workers")?.figures[.agencyFTE]?.suspect == false)
    }

    @Test func aTotalCellThatIsNotGivenIsAnErrorAndTheOtherColumnsAreStillChecked() throws {
        let header = h + ",Headcount"
        let groups = [Self.managers + ",5", Self.socialWorkers + ",17", Self.others + ",9"]
        // No headcount (the groups give 31), and agency 5.0 for 4.0 (5 / 34 = 14.7%).
        let total = "Alpha,Total,35.0,29.0,6.0,17.1%,5.0,14.7%,"
        let (snapshot, d) = T.load([header] + groups + [total])
        #expect(d.map(\.code) == [WorkforceDiagnosticCode.groupSum, WorkforceDiagnosticCode.groupSum], "\(d.map(\.formatted))")
        #expect(places(d) == ["5:\(column(6, total))", "5:\(column(8, total))"])
        #expect(d[1].message == "Alpha / Total: 'Headcount' is not given, but its 3 staff group rows give it and sum to 31.0 (Managers 5.0 + Social workers 17.0 + Others (non social work posts) 9.0); a total needs every figure its rows give")
        let alpha = try #require(snapshot?.areas.first)
        #expect(alpha.total.figures[.headcount]?.value == nil && alpha.total.figures[.headcount]?.suspect == true)

        // A required figure left out is reported once, by the reader, and the agency is still checked.
        let noEmployees = "Alpha,Total,35.0,,6.0,17.1%,5.0,14.7%,31"
        let (_, d2) = T.load([header] + groups + [noEmployees])
        #expect(d2.map(\.code) == [WorkforceDiagnosticCode.missingCell, WorkforceDiagnosticCode.groupSum], "\(d2.map(\.formatted))")
        #expect(places(d2) == ["5:\(column(3, noEmployees))", "5:\(column(6, noEmployees))"])
    }

    @Test func aPartThatIsNotKnownStillBoundsItsTotal() throws {
        let unreadable = "Alpha,Total social workers,20.0,16.0,4.0,20.0%,3.0 fte,15.8%"
        // Agency 0.5, but managers and others alone give 1.0 + 0.0 (0.5 / 29.5 = 1.7%).
        let total = "Alpha,Total,35.0,29.0,6.0,17.1%,0.5,1.7%"
        let (snapshot, d) = T.load([h, Self.managers, unreadable, Self.others, total])
        #expect(d.map(\.code) == [WorkforceDiagnosticCode.unreadableCell, WorkforceDiagnosticCode.groupSum], "\(d.map(\.formatted))")
        #expect(places(d) == ["3:\(column(6, unreadable))", "5:\(column(6, total))"])
        #expect(d[1].message == "Alpha / Total: 'Agency FTE' is 0.5 but the other rows already sum to more, 1.0 (Managers 1.0 + Others (non social work posts) 0.0; allowed 0.3), without the Social workers row, whose figure is not known")
        #expect(snapshot?.areas.first?.total.figures[.agencyFTE]?.suspect == true)
        // 4.0 leaves room for the unknown 3.0: nothing to report, but the total is in doubt.
        let (bounded, d2) = T.load([h, Self.managers, unreadable, Self.others, Self.alphaTotal])
        #expect(d2.map(\.code) == [WorkforceDiagnosticCode.unreadableCell])
        #expect(bounded?.areas.first?.total.figures[.agencyFTE]?.suspect == true)
    }

    // Row checks run on figures already in doubt too, and say so.
    @Test func rowChecksRunWhateverElseFailedAndSaySo() throws {
        // Employees typed 17.0 for 16.0: vacant 4.0 ≠ 3.0, and 20.0% ≠ 15.0%.
        let line = "Alpha,Social workers,20.0,17.0,4.0,20.0%,3.0,15.0%"
        let (_, d) = T.load([h, line])
        #expect(d.map(\.code) == [WorkforceDiagnosticCode.vacantMismatch, WorkforceDiagnosticCode.rateMismatch],
                "\(d.map(\.formatted))")
        #expect(places(d) == ["2:\(column(4, line))", "2:\(column(5, line))"])
        #expect(!d[0].message.contains("in doubt"))
        #expect(d[1].message.hasSuffix("; 'Budgeted FTE' and 'Employee FTE' are themselves in doubt"))
    }
}

import Testing
import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// HR's own header names: built-in spellings, and the council's own under `columns:` in
/// `workforce/config.yaml` (`SnapshotColumnNames`), checked when the config is read.
@Suite struct SnapshotColumnAliasTests {
    typealias T = WorkforceTesting

    func config(_ yaml: String) -> (config: WorkforceConfig, diagnostics: [String]) {
        let file = SourceFile(path: "Content/workforce/config.yaml", relativePath: "workforce/config.yaml", text: yaml)
        var log = DiagnosticLog()
        let config = WorkforceConfig.load(file, log: &log)
        return (config, log.entries.map(\.formatted))
    }

    /// The June 2017 return of issue 15: every header is a built-in one.
    @Test func theHeadersOfARealReturnAreKnown() {
        let headers = ["Area", "Budgeted FTE", "Employee FTE", "Vacant FTE", "Vacancy rate %", "Agency FTE", "Agency %"]
        #expect(headers.map(SnapshotColumn.matching) == [.area, .budgetedFTE, .employeeFTE, .vacantFTE, .vacancyRate,
                                                         .agencyFTE, .agencyRate])
        let common: [(String, SnapshotColumn)] = [
            ("Establishment FTE", .budgetedFTE), ("Budget (FTE)", .budgetedFTE), ("FTE in post", .employeeFTE),
            ("Staff in post FTE", .employeeFTE), ("Vacancies (FTE)", .vacantFTE), ("% Vacant", .vacancyRate),
            ("Agency staff FTE", .agencyFTE), ("% agency", .agencyRate), ("Head count", .headcount),
            ("Staff category", .staffGroup),
        ]
        for (header, column) in common { #expect(SnapshotColumn.matching(header) == column, "\(header)") }
        // Names that could mean something else are left for the council to map.
        for header in ["Budget", "Starters", "Caseload", "Vacancies"] { #expect(SnapshotColumn.matching(header) == nil) }
    }

    @Test func aCouncilsOwnHeadersAreReadThroughItsAliases() throws {
        let (config, diagnostics) = config("""
            areas:
              - name: Alpha
            columns:
              area: [Service]
              staff_group: Role
              Budgeted FTE: ["Posts (FTE)", "Posts"]
              employee_fte: ["In post"]
              vacant_fte: [Gaps]
            """)
        #expect(diagnostics.isEmpty)
        #expect(config.columnNames.configured[.budgetedFTE] == ["Posts (FTE)", "Posts"])
        let lines = ["Service,Role,POSTS,In Post,Gaps,Vacancy rate %,Agency FTE,Agency %",
                     "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"]
        let (snapshot, snapshotDiagnostics) = T.load(lines, config: config)
        #expect(snapshotDiagnostics.isEmpty, "\(snapshotDiagnostics.map(\.formatted))")
        let row = try #require(snapshot?.row(RowKey(area: "alpha", group: "social-workers")))
        #expect(row.figures[.budgetedFTE]?.value == 20 && row.figures[.employeeFTE]?.value == 16
            && row.figures[.vacantFTE]?.value == 4)
    }

    @Test func anAliasForNoColumnOrForTwoIsALocatedError() {
        let yaml = """
            columns:
              employe_fte: [Staff]
              budgeted_fte: [Posts, FTE]
              employee_fte: [FTE, Employees]
              vacant_fte: ["Employee FTE", Vacant]
              agency_rate: ["--"]
            """
        let (config, diagnostics) = config(yaml)
        #expect(diagnostics == [
            "Content/workforce/config.yaml:2:3: error: 'employe_fte' under 'columns' is not one of Quorum's columns (did you mean 'employee_fte'?); they are: area, staff_group, budgeted_fte, employee_fte, vacant_fte, vacancy_rate, agency_fte, agency_rate, headcount, starters_fte, leavers_fte, cases, case_holders_fte, days_lost, asye [workforce-config-column]",
            "Content/workforce/config.yaml:4:17: error: the alias 'FTE' is claimed by two columns: 'budgeted_fte' (line 3) and 'employee_fte'; a header can name one column only [workforce-config-column]",
            "Content/workforce/config.yaml:5:15: error: the alias 'Employee FTE' of 'vacant_fte' is already a header of 'employee_fte' ('Employee FTE'); a header can name one column only [workforce-config-column]",
            "Content/workforce/config.yaml:6:16: error: the alias '--' of 'agency_rate' has no letter or digit to match a header by [workforce-config-column]",
        ])
        // The first claim stands; the refused ones name nothing.
        #expect(config.columnNames.column(named: "FTE") == .budgetedFTE)
        #expect(config.columnNames.column(named: "Employees") == .employeeFTE)
        #expect(config.columnNames.column(named: "Employee FTE") == .employeeFTE)
        #expect(config.columnNames.column(named: "Staff") == nil)
    }

    @Test func anUnknownHeaderNamesTheNearestSpellingAliasesIncluded() {
        let (config, _) = config("columns:\n  budgeted_fte: [Posts in budget]\n")
        let lines = [T.header + ",Post in budget,Employee FTEs,Notes", "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%,1,2,x"]
        let warnings = T.load(lines, config: config).diagnostics.filter { $0.code == WorkforceDiagnosticCode.unknownColumn }
        #expect(warnings.map(\.formatted) == [
            "Content/workforce/snapshots/2019-09-30.csv:1:\(T.header.count + 2): warning: unknown column 'Post in budget' is ignored (did you mean 'Posts in budget', read as 'Budgeted FTE'?) [workforce-unknown-column]",
            "Content/workforce/snapshots/2019-09-30.csv:1:\(T.header.count + 17): warning: unknown column 'Employee FTEs' is ignored (did you mean 'Employee FTE'?) [workforce-unknown-column]",
            "Content/workforce/snapshots/2019-09-30.csv:1:\(T.header.count + 31): warning: unknown column 'Notes' is ignored; if it is one of Quorum's columns under another name, map it under 'columns' in workforce/config.yaml [workforce-unknown-column]",
        ])
    }
}

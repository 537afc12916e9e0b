import Foundation
import Testing
import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// The outline (pivot) layout of HR returns (issue 15, point 3): area rows followed by their
/// staff group rows, which carry no area name, read as the tidy file with the same figures,
/// from a CSV or a workbook, with findings at the outline's own cells.
@Suite struct OutlineLayoutTests {
    typealias T = WorkforceTesting

    static let header = "Area,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %"
    static let grandTotal = "Grand Total for all CSC,350.4,260.3,90.1,25.7%,108.0,29.3%"
    /// The issue's return: its first area as given, and a second area so that the grand total adds up.
    static let childrenInNeed = [
        "Children In Need,139.0,79.0,60.0,43.14%,60.0,43.2%",
        "Total managers,25.0,13.0,12.0,48.00%,11.0,45.8%",
        "Total social workers,113.0,65.0,48.0,42.48%,49.0,43.0%",
        "Total 'others' (non sw posts),1.0,1.0,0.0,0.00%,0.0,0.0%",
    ]
    static let referral = [
        "Referral and Assessment,211.4,181.3,30.1,14.24%,48.0,20.9%",
        "Total managers,30.0,25.0,5.0,16.67%,3.0,10.7%",
        "Total social workers,150.4,127.3,23.1,15.36%,40.0,23.9%",
        "Total 'others' (non sw posts),31.0,29.0,2.0,6.45%,5.0,14.7%",
    ]
    static let outline = [header, grandTotal] + childrenInNeed + referral

    /// The same return in the tidy layout, as a user rebuilds it by hand today.
    static func tidy(_ outline: [String]) -> [String] {
        var area = ""
        return ["Area,Staff group," + outline[0].dropFirst("Area,".count)] + outline.dropFirst().map { line in
            let label = String(line.prefix { $0 != "," }), figures = line.dropFirst(label.count)
            if label.hasPrefix("Total ") { return area + "," + label + figures }
            area = label
            return label + ",Total" + figures
        }
    }

    /// The issue's example needs no config: no areas, the default groups.
    static let noConfig = WorkforceConfig()

    /// Every row's figures (value and suspect flag): what the reports are built from.
    func figures(_ snapshot: Snapshot?) -> [String] {
        (snapshot?.rows ?? []).map { row in
            row.label + ": " + row.figures.columns.map { column in
                let figure = row.figures[column]!
                return "\(column.header)=\(figure.value.map { "\($0)" } ?? "-")\(figure.suspect ? "†" : "")"
            }.joined(separator: ", ")
        }
    }

    func load(_ lines: [String], config: WorkforceConfig = noConfig) -> (snapshot: Snapshot?, diagnostics: [Diagnostic]) {
        T.load(lines, config: config)
    }

    func at(_ line: Int, _ column: Int = 1) -> String { "Content/workforce/snapshots/2019-09-30.csv:\(line):\(column)" }

    /// The findings other than the warnings the issue's own figures give: its agency FTE is
    /// above its vacancies in five rows.
    func findings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code != WorkforceDiagnosticCode.agencyAboveVacant }
    }

    @Test func issueExampleIsReadAsItsTidyFile() throws {
        let (snapshot, diagnostics) = load(Self.outline)
        // Only the note that says how the file is read, at the Area header.
        #expect(findings(diagnostics).map(\.code) == [WorkforceDiagnosticCode.outlineLayout], "\(diagnostics)")
        #expect(diagnostics.first?.severity == .note && "\(diagnostics[0].location)" == at(1))
        #expect(diagnostics.filter { $0.code == WorkforceDiagnosticCode.agencyAboveVacant }.map(\.location.line) == [2, 5, 7, 9, 10])
        let (tidy, tidyDiagnostics) = load(Self.tidy(Self.outline))
        #expect(findings(tidyDiagnostics).isEmpty, "\(tidyDiagnostics)")
        #expect(figures(snapshot) == figures(tidy))

        let s = try #require(snapshot)
        #expect(s.areas.map(\.name) == ["Children In Need", "Referral and Assessment"])
        #expect(s.areas[0].groups.map(\.groupName) == ["Managers", "Social workers", "Others (non social work posts)"])
        #expect(s.areas[0].total.line == 3 && s.areas[0].groups.map(\.line) == [4, 5, 6])
        #expect(s.grandTotal.line == 2 && s.grandTotal.figures[.employeeFTE]?.value == 260.3)
        // Typed percentages are read as percentages (25.7%, 43.14%) and checked, never used;
        // Vacant FTE is read as typed and checked against budgeted − employees.
        #expect(s.grandTotal.figures[.vacancyRate]?.value == 25.7)
        #expect(s.areas[0].total.figures[.vacancyRate]?.value == 43.14)
        #expect(s.areas[0].total.figures[.vacantFTE]?.value == 60)
        let rate = s.value(of: .vacancyRate)
        #expect(!rate.suspect && abs((rate.value ?? 0) - 90.1 / 350.4 * 100) < 1e-9)
        // The directorate's groups are summed over the areas.
        #expect(s.row(RowKey(group: "social-workers"))?.figures[.budgetedFTE]?.value == 263.4)
    }

    @Test func grandTotalLastGivesTheSameFigures() {
        let last = [Self.header] + Self.childrenInNeed + Self.referral + [Self.grandTotal]
        let (snapshot, diagnostics) = load(last)
        #expect(findings(diagnostics).map(\.code) == [WorkforceDiagnosticCode.outlineLayout], "\(diagnostics)")
        #expect(figures(snapshot) == figures(load(Self.outline).snapshot))
        #expect(snapshot?.grandTotal.line == 10)
    }

    // Blank lines are skipped, a blank rate is recomputed, a short row's missing cells are not
    // given; a blank required figure is an error at its own cell, and nothing is summed from it.
    @Test func blankCellsAreNotGivenAndReportedAtTheirCell() throws {
        var lines = Self.outline
        lines[4] = "Total social workers,113.0,65.0,48.0,,,43.0%"          // line 5: no rate, no Agency FTE
        lines[5] = "Total 'others' (non sw posts),1.0,1.0,0.0,0.00%,0.0"   // line 6 ends early
        lines.insert("", at: 6)                                            // line 7 is blank
        let (snapshot, diagnostics) = load(lines)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map { "\($0.location)" } == [at(5, 39)], "\(diagnostics)")
        #expect(errors.first?.message == "Children In Need / Social workers: 'Agency FTE' is not given; every row needs it")
        let s = try #require(snapshot)
        let sw = try #require(s.areas[0].group("social-workers"))
        #expect(sw.figures[.agencyFTE]?.value == nil && sw.figures[.agencyFTE]?.suspect == true)
        #expect(sw.figures[.vacancyRate]?.value == nil && sw.measure(.vacancyRate).value != nil)
        #expect(s.areas[0].group("others")?.figures[.agencyRate]?.value == nil)
        #expect(s.areas[1].total.line == 8)
        // The area's agency total cannot be checked against its groups: it is in doubt, and so
        // is everything summed over it; the other columns are checked and sound.
        #expect(s.areas[0].total.figures[.agencyFTE]?.suspect == true)
        #expect(s.row(RowKey(group: "social-workers"))?.figures[.agencyFTE]?.suspect == true)
        #expect(s.areas[0].total.figures[.employeeFTE]?.suspect == false)
        #expect(s.grandTotal.figures[.employeeFTE]?.suspect == false)
    }

    @Test func groupRowBeforeAnyAreaIsAnErrorWithTheConfigKeys() throws {
        let lines = [Self.header] + Self.childrenInNeed.dropFirst() + Self.referral
        let (snapshot, diagnostics) = load(lines)
        let errors = diagnostics.filter { $0.code == WorkforceDiagnosticCode.outlineGroupBeforeArea }
        #expect(errors.map { "\($0.location)" } == [at(2), at(3), at(4)])
        let message = try #require(errors.first?.message)
        #expect(message.hasPrefix("'Total managers' on line 2 is a staff group row, but no area row comes before it"))
        #expect(message.contains("'groups' and 'group_label_prefixes' in workforce/config.yaml"))
        #expect(errors.allSatisfy { $0.severity == .error })
        #expect(snapshot?.areas.map(\.name) == ["Referral and Assessment"])
    }

    @Test func unknownLabelWhenAreasAreConfiguredIsAnErrorAndItsGroupsAreIgnored() throws {
        let config = WorkforceConfig(areas: [ServiceArea(id: "cin", name: "Children in need"),
                                             ServiceArea(id: "ra", name: "Referral & Assessment")])
        var lines = Self.outline
        lines[2] = "Fostering" + lines[2].dropFirst("Children In Need".count)
        let (snapshot, diagnostics) = load(lines, config: config)
        let error = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.outlineUnknownLabel })
        #expect("\(error.location)" == at(3))
        #expect(error.message == "cannot tell whether 'Fostering' on line 3 is an area or a staff group: it is neither an area nor a staff group of workforce/config.yaml (add it under 'areas', or to a group's 'aliases' under 'groups'); it and the 3 staff group rows after it (lines 4–6) are ignored")
        // Its groups are not given to the area before it, nor reported again.
        #expect(!diagnostics.contains { (4...6).contains($0.location.line) }, "\(diagnostics)")
        #expect(snapshot?.areas.map(\.id) == ["ra"])
        #expect(snapshot?.areas.first?.groups.map(\.line) == [8, 9, 10])
        // The grand total does not add up without it, and says so.
        #expect(diagnostics.contains { $0.code == WorkforceDiagnosticCode.areaSum && $0.location.line == 2 })
    }

    @Test func labelThatNamesBothAnAreaAndAGroupIsAnError() throws {
        let config = WorkforceConfig(areas: [ServiceArea(id: "cin", name: "Children In Need"),
                                             ServiceArea(id: "sw", name: "Social work", aliases: ["Social workers"])])
        var lines = Self.outline
        lines[4] = "Social workers" + lines[4].dropFirst("Total social workers".count)
        let (_, diagnostics) = load(lines, config: config)
        let error = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.outlineUnknownLabel })
        #expect("\(error.location)" == at(5))
        #expect(error.message.contains("it names both the area 'Social work' and the staff group 'Social workers' in workforce/config.yaml; keep it under one of 'areas' and 'groups' only; it and the staff group row after it (line 6) are ignored"),
                "\(error.message)")
    }

    // A tidy file whose `Staff group` header has a typo is reported as such, not read as an outline.
    @Test func misspeltStaffGroupHeaderIsNotAnOutline() {
        let (_, diagnostics) = load(["Area,Staf group" + T.header.dropFirst("Area,Staff group".count),
                                     "Alpha,Social workers,20.0,16.0,4.0,20.0%,3.0,15.8%"])
        #expect(diagnostics.map(\.code) == [WorkforceDiagnosticCode.unknownColumn, WorkforceDiagnosticCode.missingColumn])
        #expect(diagnostics.first?.message.contains("did you mean 'Staff group'?") == true)
    }

    @Test func rowWithoutALabelIsAnErrorAtItsFirstCell() throws {
        var lines = Self.outline
        lines[3] = "" + lines[3].dropFirst("Total managers".count)
        let (snapshot, diagnostics) = load(lines)
        let error = try #require(diagnostics.first { $0.location.line == 4 })
        #expect("\(error.location)" == at(4) && error.code == WorkforceDiagnosticCode.missingCell)
        #expect(error.message == "the row on line 4 has no label in 'Area': each row of an outline names an area or a staff group; it is ignored")
        #expect(snapshot?.areas[0].group("managers") == nil)
    }

    @Test func labelPrefixesAndSuffixesComeFromTheConfig() throws {
        let yaml = """
            group_label_prefixes: [Sum of]
            group_label_suffixes: [FTE]
            """
        var log = DiagnosticLog()
        let config = WorkforceConfig.load(SourceFile(path: "Content/workforce/config.yaml", relativePath: WorkforceConfig.path,
                                                     text: yaml), log: &log)
        #expect(log.entries.isEmpty, "\(log.entries)")
        let lines = Self.outline.map { line in
            line.replacingOccurrences(of: "Total managers", with: "Sum of managers FTE")
                .replacingOccurrences(of: "Total social workers", with: "Social workers FTE")
                .replacingOccurrences(of: "Total 'others' (non sw posts)", with: "Sum of Others")
        }
        let (snapshot, diagnostics) = load(lines, config: config)
        #expect(!findings(diagnostics).contains { $0.severity != .note }, "\(diagnostics)")
        #expect(snapshot?.areas.map { $0.groups.map(\.key.group) } == [["managers", "social-workers", "others"],
                                                                        ["managers", "social-workers", "others"]])
        #expect(figures(snapshot) == figures(load(Self.outline).snapshot))
        // The default "Total" is replaced: "Total managers" would now be an area's name.
        #expect(config.group(named: "Total managers") == nil && config.group(named: "Sum of managers") != nil)
    }

    @Test func unknownGroupWithAGroupPrefixIsAWarnedGroup() throws {
        var lines = Self.outline
        lines.insert("Total business support,0.0,0.0,0.0,,0.0,", at: 6)
        let (snapshot, diagnostics) = load(lines)
        let warning = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.unknownGroup })
        #expect("\(warning.location)" == at(7) && warning.severity == .warning)
        #expect(warning.message.hasPrefix("unknown staff group 'business support' for Children In Need"))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(snapshot?.areas[0].groups.last?.groupName == "business support")
        #expect(snapshot?.areas[0].groups.last?.line == 7)
    }

    // Group rows after the grand total are the directorate's: checked against the areas'.
    @Test func groupRowsAfterTheGrandTotalAreTheDirectoratesGroups() throws {
        let directorate = [
            "Total managers,55.0,38.0,17.0,,14.0,",
            "Total social workers,263.4,192.3,71.1,,89.0,",
            "Total 'others' (non sw posts),32.0,30.0,2.0,,6.0,",   // the areas' agency is 5.0
        ]
        let lines = [Self.header, Self.grandTotal] + directorate + Self.childrenInNeed + Self.referral
        let (snapshot, diagnostics) = load(lines)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map { "\($0.location)" } == [at(5, 46)], "\(diagnostics)")
        #expect(errors.first?.code == WorkforceDiagnosticCode.areaSum)
        #expect(snapshot?.row(RowKey(group: "social-workers"))?.line == 4)
    }

    // MARK: Workbooks

    /// The outline as a workbook: labels as text, figures as numbers, rates as fractions
    /// under percent styles (`0.00%` and `0.0%`), blank cells as no cell.
    static func workbook(_ lines: [String]) -> TestSnapshotWorkbook {
        TestSnapshotWorkbook(rows: lines.map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { field -> TestSnapshotWorkbook.Value in
                let text = String(field)
                if text.isEmpty { return .blank }
                if text.hasSuffix("%"), let fraction = Double(text.dropLast() + "e-2") {
                    return .percent(fraction, decimals: text.split(separator: ".").last?.count == 3 ? 2 : 1)
                }
                return Double(text).map { .number($0) } ?? .text(text)
            }
        })
    }

    func loadWorkbook(_ lines: [String]) throws -> (snapshot: Snapshot?, diagnostics: [Diagnostic]) {
        let url = try Self.workbook(lines).write()
        defer { try? FileManager.default.removeItem(at: url) }
        let file = SourceFile(path: "Content/workforce/snapshots/2019-09-30.xlsx",
                              relativePath: "workforce/snapshots/2019-09-30.xlsx", text: "")
        var log = DiagnosticLog()
        let snapshot = Snapshot.load(file, workbook: url, config: Self.noConfig, asOf: T.asOf, log: &log)
        return (snapshot, log.entries)
    }

    @Test func outlineWorkbookWithPercentStylesGivesTheCSVsFigures() throws {
        var lines = [Self.header] + Self.childrenInNeed + Self.referral + [Self.grandTotal]
        lines[2] = "Total managers,25.0,13.0,12.0,,11.0,45.8%"   // a blank cell: no rate typed
        let (snapshot, diagnostics) = try loadWorkbook(lines)
        #expect(findings(diagnostics).map(\.code) == [WorkforceDiagnosticCode.outlineLayout], "\(diagnostics)")
        #expect(diagnostics.first?.location.cell == "Sheet1!A1")
        #expect(figures(snapshot) == figures(load(lines).snapshot))
        // 0.4314 under 0.00% is 43.14%, and 0.257 under 0.0% is 25.7%: percentages, not fractions.
        #expect(snapshot?.areas.first?.total.figures[.vacancyRate]?.value == 43.14)
        #expect(snapshot?.grandTotal.figures[.vacancyRate]?.value == 25.7)
        #expect(snapshot?.grandTotal.line == 10)
    }

    @Test func outlineWorkbookErrorsNameTheirSheetCell() throws {
        var lines = [Self.header] + Self.childrenInNeed.dropFirst() + Self.referral
        lines[5] = "Total social workers,150.4,127.3,23.1,15.36%,,23.9%"   // row 6: no Agency FTE
        let (_, diagnostics) = try loadWorkbook(lines)
        let orphan = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.outlineGroupBeforeArea })
        #expect(orphan.location.cell == "Sheet1!A2" && orphan.location.line == 2 && orphan.location.column == 1)
        #expect(orphan.formatted.hasPrefix("Content/workforce/snapshots/2019-09-30.xlsx:Sheet1!A2: error: 'Total managers' on row 2 is a staff group row"))
        let missing = try #require(diagnostics.first { $0.code == WorkforceDiagnosticCode.missingCell })
        #expect(missing.location.cell == "Sheet1!F6")
        #expect(missing.message == "Referral and Assessment / Social workers: 'Agency FTE' is not given; every row needs it")
    }

    /// A council whose return calls its label column "Service" maps it under `columns:`, and
    /// the outline is still recognised by that name.
    @Test func anOutlineWhoseLabelColumnHasTheCouncilsOwnName() throws {
        let file = SourceFile(path: "Content/workforce/config.yaml", relativePath: "workforce/config.yaml",
                              text: "columns:\n  area: [Service]\n")
        var log = DiagnosticLog()
        let config = WorkforceConfig.load(file, log: &log)
        #expect(log.entries.isEmpty, "\(log.entries)")
        let renamed = ["Service" + Self.header.dropFirst("Area".count)] + Self.outline.dropFirst()
        let (snapshot, diagnostics) = load(renamed, config: config)
        #expect(findings(diagnostics).map(\.code) == [WorkforceDiagnosticCode.outlineLayout], "\(diagnostics)")
        #expect(figures(snapshot) == figures(load(Self.outline).snapshot))
    }
}

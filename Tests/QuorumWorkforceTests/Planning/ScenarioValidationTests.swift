import Testing
@testable import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// Bad scenarios: each gets a located error and no projection (so nothing is written from it).
@Suite struct ScenarioValidationTests {
    typealias T = PlanningTesting

    func load(_ frontMatter: String, extra: [String: String?] = [:]) -> (loaded: T.Loaded, projected: Bool) {
        var files = extra
        files["scenarios/bad.md"] = T.scenario(frontMatter)
        let loaded = T.load(files)
        return (loaded, loaded.planning.scenario("bad") != nil)
    }

    func errors(_ loaded: T.Loaded) -> [String] {
        loaded.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.code)" }
    }

    @Test func unknownAreaAndGroup() {
        let (loaded, projected) = load("""
            title: Bad names
            start: 2019-10
            months: 2
            turnover:
              wizards: 10%
            changes:
              - month: 2019-10
                recruit: 2
                group: social-workers
                area: Alpah
              - month: 2019-10
                recruit: 2
                group: wizards
                area: Beta
            """)
        #expect(!projected)
        #expect(errors(loaded) == ["6:3 \(PlanningDiagnosticCode.unknownGroup)", "11:11 \(PlanningDiagnosticCode.unknownArea)",
                                   "14:12 \(PlanningDiagnosticCode.unknownGroup)"])
        #expect(loaded.diagnostics.contains { $0.message == "unknown area 'Alpah': it is not in workforce/config.yaml (did you mean 'Alpha'?)" })
    }

    @Test func startBeforeOrInTheLatestSnapshotMonth() {
        for start in ["2019-09", "2019-03"] {
            let (loaded, projected) = load("title: Early\nstart: \(start)\nmonths: 2")
            #expect(!projected)
            #expect(errors(loaded) == ["3:8 \(PlanningDiagnosticCode.scenarioStart)"])
            #expect(loaded.diagnostics.first?.message == "the scenario starts in \(start), but it projects from the latest snapshot (2019-09-30): start in 2019-10 or later")
        }
        // A change before the scenario's start.
        let (loaded, _) = load("title: Early change\nstart: 2019-10\nmonths: 2\nchanges:\n  - month: 2019-09\n    recruit: 1\n    group: managers\n    area: Beta")
        #expect(errors(loaded) == ["7:14 \(PlanningDiagnosticCode.scenarioStart)"])
    }

    @Test func negativeRatesAndAmounts() {
        let (loaded, projected) = load("""
            title: Negative
            start: 2019-10
            months: 2
            turnover: -5%
            changes:
              - month: 2019-10
                recruit: -2
                group: social-workers
                area: Alpha
              - month: 2019-10
                retention_payment: £1,000
                heads: 5
                turnover_reduction: -1%
                group: social-workers
            """)
        #expect(!projected)
        #expect(errors(loaded) == ["5:11 \(PlanningDiagnosticCode.negative)", "8:14 \(PlanningDiagnosticCode.negative)",
                                   "14:25 \(PlanningDiagnosticCode.negative)"])
    }

    @Test func retentionCannotTakeTurnoverBelowNothing() {
        // 12% − 15 points would be −3%.
        let (loaded, projected) = load("""
            title: Too much
            start: 2019-10
            months: 2
            turnover: 12%
            changes:
              - month: 2019-10
                retention_payment: £1,000
                heads: 5
                turnover_reduction: 15%
                group: social-workers
            """)
        #expect(!projected)
        #expect(errors(loaded) == ["8:24 \(PlanningDiagnosticCode.negative)"])
        #expect(loaded.diagnostics(PlanningDiagnosticCode.negative).first?.message.contains("takes 15.0 points off a turnover rate of 12.0%") == true)
    }

    @Test func aGroupWithNoCostConfigured() {
        // Others have no cost; the snapshot has an Others row in Beta, so the scenario needs one.
        let snapshot = T.snapshot + "Beta,Others,1.0,1.0,0.0,0.0%,0.0,0.0%,-,-\n"
        let (loaded, projected) = load("title: Others\nstart: 2019-10\nmonths: 2",
                                       extra: ["workforce/snapshots/2019-09-30.csv": snapshot])
        #expect(!projected)
        let missing = loaded.diagnostics(PlanningDiagnosticCode.missingCost).filter { $0.location.path.hasSuffix("bad.md") }
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("the scenario 'Others' needs the cost of Others (non social work posts), but Content/workforce/config.yaml gives none: add 'others' under 'costs:'") == true)
    }

    @Test func noCostModelAtAll() {
        let config = T.config.components(separatedBy: "costs:")[0]
        let (loaded, projected) = load("title: Uncosted\nstart: 2019-10\nmonths: 2",
                                       extra: ["workforce/config.yaml": config, "workforce/budget/2019-09.csv": nil])
        #expect(!projected)
        #expect(errors(loaded) == ["1:1 \(PlanningDiagnosticCode.missingCost)"])
    }

    @Test func shapeOfTheFrontMatter() {
        let (loaded, projected) = load("""
            title: Shapes
            start: October
            months: 0
            changes:
              - month: 2019-10
                recruit: 1
                convert: 1
                group: social-workers
                area: Alpha
              - month: 2019-10
                recruit: 1
                group: managers
                area: Alpha
                for_months: 0
            """)
        #expect(!projected)
        #expect(errors(loaded) == ["3:8 \(PlanningDiagnosticCode.scenario)", "4:9 \(PlanningDiagnosticCode.scenario)",
                                   "6:5 \(PlanningDiagnosticCode.scenario)", "15:17 \(PlanningDiagnosticCode.scenario)"])
    }

    @Test func aChangeIntoAGroupTheAreaDoesNotHave() {
        let (loaded, projected) = load("title: Others\nstart: 2019-10\nmonths: 2\nchanges:\n  - month: 2019-10\n    recruit: 1\n    group: others\n    area: Alpha")
        #expect(!projected)
        #expect(errors(loaded) == ["7:14 \(PlanningDiagnosticCode.scenario)"])
    }

    @Test func aGoodScenarioHasNoFindingsBesideTheFixturesOwn() {
        let (loaded, projected) = load("title: Fine\nstart: 2019-10\nmonths: 12\nadopted: yes\nturnover:\n  all: 10%\n  social-workers: 15%")
        #expect(projected)
        #expect(loaded.diagnostics.filter { $0.location.path.hasSuffix("bad.md") }.isEmpty)
        #expect(loaded.planning.adopted?.scenario.id == "bad")
        #expect(loaded.planning.scenario("bad")?.scenario.turnoverRate(of: "managers") == 10)
        #expect(loaded.planning.scenario("bad")?.scenario.body == "The officer's text.\n")
    }

    @Test func ratesAboveAHundredPercentAndHorizonsBeyondTenYears() {
        // 1,300% a year would take more than every employee in a month (13 ÷ 12 > 1).
        let (loaded, projected) = load("""
            title: Impossible
            start: 2019-10
            months: 121
            turnover:
              social-workers: 1300%
            agency_cover: 150%
            changes:
              - month: 2019-10
                recruit: 1
                for_months: 99999999
                group: social-workers
                area: Alpha
            """)
        #expect(!projected)
        #expect(errors(loaded) == ["4:9 \(PlanningDiagnosticCode.scenario)", "6:19 \(PlanningDiagnosticCode.badNumber)",
                                   "7:15 \(PlanningDiagnosticCode.badNumber)", "11:17 \(PlanningDiagnosticCode.scenario)"])
    }
}

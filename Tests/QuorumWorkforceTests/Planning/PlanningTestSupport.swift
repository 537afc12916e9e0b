import Foundation
@testable import QuorumContent
import QuorumSupport
import QuorumTestSupport
@testable import QuorumWorkforce

/// A small content tree for planning tests: two areas (Alpha, Beta), the default groups,
/// a snapshot at 2019-09-30, a cost model and a budget for 2019-09. Tests replace or add files.
enum PlanningTesting {
    static let asOf = CalendarDate("2020-01-01")!

    /// Managers: £80,000 permanent; agency £500 a day × 200 days = £100,000.
    /// Social workers: £60,000 permanent; agency £50 an hour × 1,600 hours = £80,000.
    static let config = """
        areas:
          - id: alpha
            name: Alpha
          - id: beta
            name: Beta
        costs:
          managers:
            permanent: 80000
            agency:
              daily_rate: £500
              days_per_year: 200
          social-workers:
            permanent: "£60,000"
            agency:
              hourly_rate: £50
              hours_per_year: 1600
        reconciliation_tolerance: 5%
        optimum_caseload: 15
        team_structure:
          default: { managers: 1, social-workers: 6, others: 1 }

        """

    static let snapshot = """
        Area,Staff group,Budgeted FTE,Employee FTE,Vacant FTE,Vacancy rate %,Agency FTE,Agency %,Cases,Case holders FTE
        Alpha,Managers,2.0,2.0,0.0,0.0%,0.0,0.0%,-,-
        Alpha,Social workers,12.0,9.0,3.0,25.0%,2.0,18.2%,180,10.0
        Beta,Managers,1.0,1.0,0.0,0.0%,0.0,0.0%,-,-
        Beta,Social workers,6.0,6.0,0.0,0.0%,0.0,0.0%,60,6.0

        """

    static let budget = """
        Area,Staffing budget,Spend to date,Forecast outturn
        Alpha,"£880,000","£440,000","£770,000"
        Beta,"£440,000",£200000,430000.00
        Total,"£1,320,000","£640,000","£1,200,000"

        """

    static let files: [String: String] = [
        "workforce/config.yaml": config,
        "workforce/snapshots/2019-09-30.csv": snapshot,
        "workforce/budget/2019-09.csv": budget,
    ]

    /// A scenario file from its front matter lines (without the fences).
    static func scenario(_ frontMatter: String, body: String = "The officer's text.\n") -> String {
        "---\n" + frontMatter + "\n---\n" + body
    }

    struct Loaded {
        let planning: Planning
        let workforce: Workforce
        /// Every diagnostic, except WorkforceConfig's warnings about the planning keys (it
        /// does not know them until the coordinator's hook; see docs/planning.md).
        let diagnostics: [Diagnostic]

        func codes(_ severity: Diagnostic.Severity? = nil) -> [String] {
            diagnostics.filter { severity == nil || $0.severity == severity }.map(\.code)
        }

        func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
    }

    /// Loads `files` over the defaults (a nil text removes a default file).
    static func load(_ changes: [String: String?] = [:], root: URL? = nil) -> Loaded {
        var tree = files
        for (path, text) in changes { tree[path] = text }
        let folder = root ?? TestPaths.temporaryFolder("planning")
        defer { if root == nil { TestPaths.remove(folder) } }
        writeTree(tree.compactMapValues { $0 }, in: folder)
        return load(folder: folder)
    }

    static func load(folder: URL, asOf: CalendarDate = asOf) -> Loaded {
        var log = DiagnosticLog()
        let content = ContentFolder.read(folder, displayRoot: "Content", log: &log)
        let workforce = Workforce.load(from: content, asOf: asOf, log: &log)
        let planning = Planning.load(from: content, workforce: workforce, log: &log)
        let diagnostics = log.sorted.filter { d in
            !(d.code == "front-matter-unknown-key" && d.location.path.hasSuffix(WorkforceConfig.path)
                && PlanningConfig.keys.contains { d.message.contains("'\($0)'") })
        }
        return Loaded(planning: planning, workforce: workforce, diagnostics: diagnostics)
    }

    /// Whether two amounts agree to a millionth (results are unrounded doubles).
    static func close(_ a: Double?, _ b: Double, within: Double = 1e-6) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= within
    }
}

import QuorumWorkforce

/// The council's figures beside the DfE census figures for the same year: England, the
/// configured region and councils, with the Open Government Licence attribution.
///
/// The DfE census counts children and family social workers, so the council's row is its
/// social workers (the `social-workers` group) when the config has that group, else the
/// whole directorate; the caption says which.
struct BenchmarkTableView: Sendable, Hashable {
    struct Row: Sendable, Hashable {
        let name: String
        /// "This council", "England", "Region", "Council".
        let level: String
        let isOwn: Bool
        let cells: [ReportCell]
    }

    struct Column: Sendable, Hashable {
        let name: String
    }

    let caption: String
    let year: Int
    let asAt: String
    let columns: [Column]
    let rows: [Row]
    let hasComparators: Bool
    let attribution: String
    let hasSuspect: Bool
    let suspectNote: String

    static let measures: [Measure] = [.vacancyRate, .agencyRate, .turnoverRate, .caseload]
    static let socialWorkers = "social-workers"

    /// The row the council compares with the DfE figures.
    static func ownRow(_ config: WorkforceConfig) -> RowKey {
        config.groups.contains { $0.id == socialWorkers } ? RowKey(group: socialWorkers) : .directorate
    }

    init(snapshot: Snapshot, benchmarks: [BenchmarkRow], config: WorkforceConfig, council: String) {
        let key = Self.ownRow(config)
        let year = BenchmarkTable.year(for: snapshot.asAt)
        let ownName = council.isEmpty ? "This council" : council
        var rows = [Row(name: "\(ownName), \(snapshot.asAt.longForm)", level: "This council", isOwn: true,
                        cells: Self.measures.map { ReportCell(snapshot.value(of: $0, for: key), unit: $0.unit) })]
        for row in benchmarks {
            let level = switch row.level {
            case .national: "England"
            case .regional: "Region"
            case .localAuthority: "Council"
            }
            rows.append(Row(name: row.name, level: level, isOwn: false,
                            cells: Self.measures.map { ReportCell(published: row.value(of: $0), unit: $0.unit) }))
        }
        let who = key == .directorate ? "all staff" : "social workers"
        caption = "\(ownName) (\(who)) beside the Department for Education census of 30 September \(year) "
            + "(caseload: cases per case-holding FTE)"
        self.year = year
        asAt = snapshot.asAt.longForm
        columns = Self.measures.map { Column(name: $0.name) }
        self.rows = rows
        hasComparators = !benchmarks.isEmpty
        attribution = BenchmarkTable.attribution
        hasSuspect = rows.contains { $0.cells.contains(where: \.suspect) }
        suspectNote = ReportCell.suspectNote
    }
}

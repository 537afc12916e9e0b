import QuorumWorkforce

/// The workforce table of one snapshot, by service area and staff group: each area's group
/// rows and total, then the whole directorate's groups and grand total.
///
/// Columns: budgeted, employee and vacant FTE, vacancy rate, agency FTE and rate, and the
/// turnover rate and caseload when the snapshot has the columns they are computed from.
struct SnapshotTableView: Sendable, Hashable {
    struct Column: Sendable, Hashable {
        let name: String
    }

    struct Row: Sendable, Hashable {
        let area: String
        let group: String
        let isTotal: Bool
        let isGrandTotal: Bool
        let cells: [ReportCell]
    }

    let caption: String
    let asAt: String
    let columns: [Column]
    let rows: [Row]
    let hasSuspect: Bool
    let hasUnavailable: Bool
    let suspectNote: String

    static let baseMeasures: [Measure] = [.budgetedFTE, .employeeFTE, .vacantFTE, .vacancyRate, .agencyFTE, .agencyRate]

    /// The measures a table of `snapshots` shows: the base ones, plus turnover and caseload
    /// when any of them has the figures.
    static func measures(for snapshots: [Snapshot]) -> [Measure] {
        let rows = snapshots.flatMap(\.rows)
        var measures = baseMeasures
        if rows.contains(where: { $0.figure(.leaversFTE) != nil }) { measures.append(.turnoverRate) }
        if rows.contains(where: { $0.figure(.cases) != nil && $0.figure(.caseHoldersFTE) != nil }) {
            measures.append(.caseload)
        }
        return measures
    }

    /// `area` limits the table to one service area (by config id).
    init(_ snapshot: Snapshot, area: String? = nil) {
        let measures = Self.measures(for: [snapshot])
        let areas = area.map { id in snapshot.areas.filter { $0.id == id } } ?? snapshot.areas
        var rows: [Row] = []
        func add(_ area: SnapshotArea, grand: Bool) {
            for row in area.rows {
                rows.append(Row(area: row.areaName, group: row.groupName, isTotal: row.isTotal,
                                isGrandTotal: grand && row.isTotal,
                                cells: measures.map { ReportCell(row.measure($0), unit: $0.unit) }))
            }
        }
        for a in areas { add(a, grand: false) }
        if area == nil { add(snapshot.directorate, grand: true) }
        let place = areas.count == 1 && area != nil ? areas[0].name : "service area and staff group"
        caption = "Workforce by \(area == nil ? place : "staff group: \(place)"), as at \(snapshot.asAt.longForm) "
            + "(FTE: full-time equivalent posts; rates recomputed from the figures)"
        asAt = snapshot.asAt.longForm
        columns = measures.map { Column(name: $0.name) }
        self.rows = rows
        hasSuspect = rows.contains { $0.cells.contains(where: \.suspect) }
        hasUnavailable = rows.contains { $0.cells.contains { !$0.available } }
        suspectNote = ReportCell.suspectNote
    }
}

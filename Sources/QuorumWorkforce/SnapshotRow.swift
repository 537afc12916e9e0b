/// One row of a snapshot: an area and staff group (or a total), its figures and the measures
/// computed from them.
package struct SnapshotRow: Sendable {
    package let key: RowKey
    /// The area as reports name it (the config's name, or the grand total's name).
    package let areaName: String
    /// The group as reports name it; "Total" for a total row.
    package let groupName: String
    /// The line of the CSV row; nil when Quorum computed the row (a total the export left out).
    package let line: Int?
    package internal(set) var figures: SnapshotFigures
    /// Every measure of the row is suspect, e.g. in a snapshot dated after the build.
    var inDoubt = false

    init(key: RowKey, areaName: String, groupName: String, line: Int?, figures: SnapshotFigures) {
        self.key = key
        self.areaName = areaName
        self.groupName = groupName
        self.line = line
        self.figures = figures
    }

    package var isTotal: Bool { key.group == nil }
    package var isComputed: Bool { line == nil }

    /// "Children in Need / Social workers", as messages and reports name the row.
    package var label: String { "\(areaName) / \(groupName)" }

    /// True when any figure of the row is in doubt.
    package var isSuspect: Bool { figures.values.contains { $0.suspect } }

    package func figure(_ column: SnapshotColumn) -> Figure? { figures[column] }

    /// Every measure of the row, worked out from its figures when asked (they are not
    /// stored: a folder of snapshots would hold millions).
    package var measures: [Measure: MeasureValue] {
        Dictionary(uniqueKeysWithValues: Measure.allCases.map { ($0, measure($0)) })
    }

    package func measure(_ measure: Measure) -> MeasureValue {
        var value = compute(measure)
        if inDoubt { value.suspect = true }
        return value
    }

    mutating func markSuspect(_ columns: [SnapshotColumn]) {
        for column in columns { figures[column]?.suspect = true }
    }
}

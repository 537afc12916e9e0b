/// A service area of one snapshot (or the whole directorate): its staff group rows in the
/// config's display order, and its total, as given in the CSV or computed from the groups.
package struct SnapshotArea: Sendable {
    /// The config's area id; nil for the whole directorate.
    package let id: String?
    package let name: String
    /// False for an area the config does not list (a warning was reported).
    package let isConfigured: Bool
    package internal(set) var groups: [SnapshotRow]
    package internal(set) var total: SnapshotRow

    package var rows: [SnapshotRow] { groups + [total] }

    package func group(_ id: String) -> SnapshotRow? { groups.first { $0.key.group == id } }

    /// Makes every measure of every row suspect.
    mutating func markInDoubt() {
        for g in groups.indices { groups[g].inDoubt = true }
        total.inDoubt = true
    }
}

/// A service area of one snapshot (or the whole directorate): its staff group rows in the
/// config's display order, and its total, as given in the CSV or computed from the groups.
public struct SnapshotArea: Sendable {
    /// The config's area id; nil for the whole directorate.
    public let id: String?
    public let name: String
    /// False for an area the config does not list (a warning was reported).
    public let isConfigured: Bool
    public internal(set) var groups: [SnapshotRow]
    public internal(set) var total: SnapshotRow

    public var rows: [SnapshotRow] { groups + [total] }

    public func group(_ id: String) -> SnapshotRow? { groups.first { $0.key.group == id } }

    /// Makes every measure of every row suspect.
    mutating func markInDoubt() {
        for g in groups.indices { groups[g].inDoubt = true }
        total.inDoubt = true
    }
}

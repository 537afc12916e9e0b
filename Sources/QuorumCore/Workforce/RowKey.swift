/// Names one row of a snapshot: an area (or the whole directorate) and a staff group (or
/// all groups, the total). Ids are those of the config, e.g. `RowKey(area: nil, group: "social-workers")`
/// is all social workers of the directorate.
public struct RowKey: Sendable, Hashable, CustomStringConvertible {
    /// Area id; nil for the whole directorate.
    public var area: String?
    /// Staff group id; nil for the total of all groups.
    public var group: String?

    public init(area: String? = nil, group: String? = nil) {
        self.area = area
        self.group = group
    }

    /// The grand total.
    public static let directorate = RowKey()

    public var description: String { "\(area ?? "directorate")/\(group ?? "total")" }
}

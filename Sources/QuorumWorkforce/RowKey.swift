/// Names one row of a snapshot: an area (or the whole directorate) and a staff group (or
/// all groups, the total). Ids are those of the config, e.g. `RowKey(area: nil, group: "social-workers")`
/// is all social workers of the directorate.
package struct RowKey: Sendable, Hashable, CustomStringConvertible {
    /// Area id; nil for the whole directorate.
    package var area: String?
    /// Staff group id; nil for the total of all groups.
    package var group: String?

    package init(area: String? = nil, group: String? = nil) {
        self.area = area
        self.group = group
    }

    /// The grand total.
    package static let directorate = RowKey()

    package var description: String { "\(area ?? "directorate")/\(group ?? "total")" }
}

/// A staff group of the establishment: managers, social workers, others.
package struct StaffGroup: Sendable, Hashable {
    /// Stable id used in the config and in targets, e.g. `social-workers`.
    package var id: String
    /// The name a report prints, e.g. "Social workers".
    package var name: String
    /// Other spellings HR exports use, e.g. "Total social workers".
    package var aliases: [String]

    package init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }

    /// True when `text` (a `Staff group` cell) names this group, with or without "Total".
    func matches(_ text: String) -> Bool {
        let key = WorkforceName.withoutTotal(WorkforceName.normalised(text))
        return ([id, name] + aliases).contains {
            let known = WorkforceName.normalised($0)
            return known == key || WorkforceName.withoutTotal(known) == key
        }
    }

    /// The three groups of the DfE return, used when the config names none.
    package static let defaults: [StaffGroup] = [
        StaffGroup(id: "managers", name: "Managers", aliases: ["Manager", "Team managers"]),
        StaffGroup(id: "social-workers", name: "Social workers", aliases: ["Social worker", "SW", "Social work"]),
        StaffGroup(id: "others", name: "Others (non social work posts)",
                   aliases: ["Others", "Other", "Others (non sw posts)", "Non social work posts", "Non SW posts"]),
    ]
}

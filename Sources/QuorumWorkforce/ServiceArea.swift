/// A service area of the directorate, e.g. "Referral & Assessment".
package struct ServiceArea: Sendable, Hashable {
    /// Stable id used in the config and in targets, e.g. `referral-assessment`.
    package var id: String
    /// The name a report prints.
    package var name: String
    /// Other spellings HR exports use, e.g. "Referral and Assessment".
    package var aliases: [String]

    package init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }

    func matches(_ text: String) -> Bool {
        let key = WorkforceName.normalised(text)
        return ([id, name] + aliases).contains { WorkforceName.normalised($0) == key }
    }
}

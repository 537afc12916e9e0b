/// A service area of the directorate, e.g. "Referral & Assessment".
public struct ServiceArea: Sendable, Hashable {
    /// Stable id used in the config and in targets, e.g. `referral-assessment`.
    public var id: String
    /// The name a report prints.
    public var name: String
    /// Other spellings HR exports use, e.g. "Referral and Assessment".
    public var aliases: [String]

    public init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }

    func matches(_ text: String) -> Bool {
        let key = WorkforceName.normalised(text)
        return ([id, name] + aliases).contains { WorkforceName.normalised($0) == key }
    }
}

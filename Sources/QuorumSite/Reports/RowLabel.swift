import QuorumWorkforce

/// How reports name a row of the workforce: "Children's Social Care (all staff)",
/// "Social workers, Children's Social Care", "Social workers, Referral & Assessment".
enum RowLabel {
    static func name(_ key: RowKey, config: WorkforceConfig) -> String {
        let area = key.area.map { id in config.areas.first { $0.id == id }?.name ?? id } ?? config.grandTotalName
        guard let group = key.group else { return "\(area) (all staff)" }
        let groupName = config.groups.first { $0.id == group }?.name ?? group
        return "\(groupName), \(area)"
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// The planning keys of `workforce/config.yaml`: the cost model, the reconciliation
/// tolerance, the optimum caseload and the team structure.
///
/// ```yaml
/// costs: ...                       # see CostModel
/// reconciliation_tolerance: 5%     # default 5%
/// optimum_caseload: 16             # cases per case-holding FTE
/// case_holding_group: social-workers   # default: social-workers
/// team_structure:
///   default: { managers: 1, social-workers: 6, others: 1 }
///   referral-assessment: { managers: 1, social-workers: 5, others: 1 }
/// ```
///
/// `WorkforceConfig` reads the rest of the file; it must accept `keys` (see docs/planning.md).
package struct PlanningConfig: Sendable {
    package var costs: CostModel
    /// A difference larger than this percentage of the budget is a warning.
    package var reconciliationTolerance: Double = PlanningConfig.defaultTolerance
    /// Cases per case-holding FTE the board aims at; nil when the config sets none.
    package var optimumCaseload: Double?
    package var caseHoldingGroup: String = "social-workers"
    /// By area id; `default` applies to every area without its own.
    package var teamStructures: [String: TeamStructure] = [:]
    /// The config file's location of each key, for messages.
    var locations: [String: SourceLocation] = [:]

    package static let defaultTolerance = 5.0
    package static let defaultStructureKey = "default"
    /// The keys this file reads; `WorkforceConfig` must allow them too.
    package static let keys: Set<String> = [CostModel.key, "reconciliation_tolerance", "optimum_caseload",
                                           "case_holding_group", "team_structure"]

    package init(costs: CostModel = CostModel(location: SourceLocation(path: WorkforceConfig.path))) {
        self.costs = costs
    }

    package func teamStructure(for areaID: String) -> TeamStructure? {
        teamStructures[areaID] ?? teamStructures[PlanningConfig.defaultStructureKey]
    }

    func location(of key: String) -> SourceLocation {
        locations[key] ?? costs.location
    }

    /// Reads the planning keys of the content's `workforce/config.yaml` (all optional).
    package static func load(from content: ContentFolder, workforce: WorkforceConfig, log: inout DiagnosticLog) -> PlanningConfig {
        guard let file = content.file(WorkforceConfig.path) else {
            return PlanningConfig(costs: CostModel(location: SourceLocation(path: content.displayPath(WorkforceConfig.path))))
        }
        // Parsed again (WorkforceConfig reports the YAML's syntax errors; not twice).
        var ignored = DiagnosticLog()
        let yaml = FrontMatter.parse(yaml: file.text, firstLine: 1, file: file, log: &ignored)
        guard yaml.isValid else { return PlanningConfig(costs: CostModel(location: file.location())) }
        return read(yaml, workforce: workforce, log: &log)
    }

    static func read(_ yaml: FrontMatter, workforce: WorkforceConfig, log: inout DiagnosticLog) -> PlanningConfig {
        var config = PlanningConfig(costs: CostModel.read(yaml, config: workforce, log: &log))
        for key in keys where yaml.node(key) != nil { config.locations[key] = yaml.location(of: key) }
        if let tolerance = yaml.planningAmount("reconciliation_tolerance", what: "a percentage such as 5%",
                                               read: PlanningAmount.percent, log: &log) {
            config.reconciliationTolerance = tolerance
        }
        if let optimum = yaml.planningAmount("optimum_caseload", what: "a number of cases per case-holding FTE",
                                             read: { PlanningAmount.number($0) }, log: &log) {
            if optimum == 0 {
                log.error(yaml.location(of: "optimum_caseload"), "'optimum_caseload' must be more than 0",
                          code: PlanningDiagnosticCode.badNumber)
            } else {
                config.optimumCaseload = optimum
            }
        }
        if let name = yaml.string("case_holding_group", log: &log) {
            if let group = workforce.group(named: name) {
                config.caseHoldingGroup = group.id
            } else {
                log.error(yaml.location(of: "case_holding_group"), "'\(name)' is not a configured staff group",
                          code: PlanningDiagnosticCode.unknownGroup)
            }
        }
        if let structures = yaml.mapping("team_structure", log: &log) {
            for name in structures.keys {
                let areaID: String
                if WorkforceName.normalised(name) == PlanningConfig.defaultStructureKey {
                    areaID = PlanningConfig.defaultStructureKey
                } else if let area = workforce.area(named: name) {
                    areaID = area.id
                } else if workforce.areas.isEmpty {
                    areaID = WorkforceName.id(for: name)
                } else {
                    log.error(structures.keyLocation(name),
                              "team_structure names '\(name)', which is not a configured area (or 'default')",
                              code: PlanningDiagnosticCode.unknownArea)
                    continue
                }
                guard let item = structures.mapping(name, log: &log) else { continue }
                var ratio: [String: Double] = [:]
                for groupName in item.keys {
                    guard let group = workforce.group(named: groupName) else {
                        log.error(item.keyLocation(groupName), "team_structure names '\(groupName)', which is not a configured staff group",
                                  code: PlanningDiagnosticCode.unknownGroup)
                        continue
                    }
                    if let share = item.planningAmount(groupName, required: true, what: "a number of FTE in one team",
                                                       read: { PlanningAmount.number($0) }, log: &log) {
                        ratio[group.id] = share
                    }
                }
                if (ratio[config.caseHoldingGroup] ?? 0) == 0 {
                    log.error(structures.keyLocation(name),
                              "the team structure for '\(name)' has no \(config.caseHoldingGroup) (the case-holding group), so it cannot be scaled to the cases",
                              code: PlanningDiagnosticCode.costModel)
                    continue
                }
                config.teamStructures[areaID] = TeamStructure(ratio: ratio)
            }
        }
        return config
    }

    /// The cost of `groupID`, or an error at `location` (the file that needs it) that names
    /// the group and where the cost model is. `reported` keeps one error per group per file.
    func cost(of groupID: String, groupName: String, neededBy what: String, at location: SourceLocation,
              reported: inout Set<String>, log: inout DiagnosticLog) -> CostModel.GroupCost? {
        if let cost = costs.cost(of: groupID) { return cost }
        if reported.insert(groupID).inserted {
            log.error(location,
                      "\(what) needs the cost of \(groupName), but \(costs.location.path) gives none: add '\(groupID)' under 'costs:' (\(costs.location))",
                      code: PlanningDiagnosticCode.missingCost)
        }
        return nil
    }
}

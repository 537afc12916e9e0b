import Foundation
import QuorumContent
import QuorumSupport

/// What one FTE of each staff group costs a year, permanent and agency (`costs:` in
/// `workforce/config.yaml`).
///
/// ```yaml
/// costs:
///   social-workers:                # a configured group's id, name or alias
///     permanent: £57,000           # a year, salary plus on-costs (NI, pension)
///     agency:
///       hourly_rate: £45           # or daily_rate with days_per_year
///       hours_per_year: 1650
/// ```
package struct CostModel: Sendable {
    package struct GroupCost: Sendable, Hashable {
        package let groupID: String
        /// Annual cost of one permanent FTE, including on-costs, in pounds.
        package let permanentAnnual: Double
        package let agency: AgencyRate
        /// Where the group's costs are in the config, for messages.
        package let location: SourceLocation

        /// Agency annual cost minus permanent annual cost: what each agency FTE costs beyond
        /// a permanent one in the same post.
        package var agencyPremium: Double { agency.annualCost - permanentAnnual }
    }

    /// An agency worker's cost as the invoice gives it: a rate and how many hours or days a year.
    package struct AgencyRate: Sendable, Hashable {
        package enum Basis: String, Sendable, Hashable { case hourly, daily }
        package let basis: Basis
        package let rate: Double
        /// Hours (hourly basis) or days (daily basis) a year.
        package let periodsPerYear: Double

        package var annualCost: Double { rate * periodsPerYear }

        /// The line that shows how the annual cost is worked out.
        package func calculation(group: String) -> CalculationRow {
            let (name, unit): (String, CalculationRow.Unit) = basis == .hourly ? ("hours a year", .hours) : ("days a year", .days)
            return CalculationRow("Agency annual cost (\(group))",
                                  inputs: [.init("\(basis.rawValue) rate", rate, .pounds), .init(name, periodsPerYear, unit)],
                                  formula: "\(basis.rawValue) rate × \(name)", result: annualCost, unit: .pounds)
        }
    }

    /// By group id.
    package let groups: [String: GroupCost]
    /// Where `costs:` is (or the config file, when it has none), for "missing cost" messages.
    package let location: SourceLocation

    package init(groups: [String: GroupCost] = [:], location: SourceLocation) {
        self.groups = groups
        self.location = location
    }

    package var isEmpty: Bool { groups.isEmpty }

    package func cost(of groupID: String) -> GroupCost? { groups[groupID] }

    static let key = "costs"

    static func read(_ yaml: FrontMatter, config: WorkforceConfig, log: inout DiagnosticLog) -> CostModel {
        guard let costs = yaml.mapping(key, log: &log) else {
            return CostModel(location: yaml.location(of: key))  // the file's start when there is no `costs:`
        }
        var groups: [String: GroupCost] = [:]
        for name in costs.keys {
            guard let group = config.group(named: name) else {
                log.error(costs.keyLocation(name),
                          "costs are given for '\(name)', which is not a configured staff group (\(config.groups.map(\.id).joined(separator: ", ")))",
                          code: PlanningDiagnosticCode.unknownGroup)
                continue
            }
            guard let item = costs.mapping(name, log: &log) else { continue }
            item.warnAboutUnknownKeys(allowed: ["permanent", "agency"], log: &log)
            let permanent = item.planningAmount("permanent", required: true, what: "an amount in pounds a year",
                                                read: { PlanningAmount.pounds($0) }, log: &log)
            guard let agencyItem = item.mapping("agency", required: true, log: &log) else { continue }
            guard let agency = readAgency(agencyItem, group: group, log: &log), let permanent else { continue }
            if groups[group.id] != nil {
                log.error(costs.keyLocation(name), "costs for \(group.name) are given twice", code: PlanningDiagnosticCode.costModel)
                continue
            }
            groups[group.id] = GroupCost(groupID: group.id, permanentAnnual: permanent, agency: agency,
                                         location: costs.keyLocation(name))
        }
        return CostModel(groups: groups, location: yaml.location(of: key))
    }

    private static func readAgency(_ item: FrontMatter, group: StaffGroup, log: inout DiagnosticLog) -> AgencyRate? {
        item.warnAboutUnknownKeys(allowed: ["hourly_rate", "hours_per_year", "daily_rate", "days_per_year"], log: &log)
        let hasHourly = item.node("hourly_rate") != nil, hasDaily = item.node("daily_rate") != nil
        guard hasHourly != hasDaily else {
            log.error(item.location(of: hasHourly ? "daily_rate" : "hourly_rate"),
                      "the agency cost of \(group.name) needs either 'hourly_rate' with 'hours_per_year' or 'daily_rate' with 'days_per_year'\(hasHourly ? ", not both" : "")",
                      code: PlanningDiagnosticCode.costModel)
            return nil
        }
        let (rateKey, periodKey, basis): (String, String, AgencyRate.Basis) =
            hasHourly ? ("hourly_rate", "hours_per_year", .hourly) : ("daily_rate", "days_per_year", .daily)
        let rate = item.planningAmount(rateKey, required: true, what: "an amount in pounds",
                                       read: { PlanningAmount.pounds($0) }, log: &log)
        let periods = item.planningAmount(periodKey, required: true, what: "a number",
                                          read: { PlanningAmount.number($0) }, log: &log)
        guard let rate, let periods else { return nil }
        return AgencyRate(basis: basis, rate: rate, periodsPerYear: periods)
    }
}

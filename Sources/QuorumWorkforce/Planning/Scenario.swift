import Foundation
import QuorumContent
import QuorumSupport

/// A scenario the board wants to test: `scenarios/NAME.md`, front matter describing changes
/// month by month over a horizon, and the officer's text as its body.
///
/// ```markdown
/// ---
/// title: Convert 10 agency social workers over a year
/// start: 2019-10            # the first projected month; after the latest snapshot's month
/// months: 12                # the horizon
/// adopted: no               # yes (or the date of the meeting) for the scenario the board adopted
/// turnover:                 # annual rates; applied each month as rate ÷ 12 of employee FTE
///   all: 15%
///   social-workers: 18%
/// agency_cover: 50%         # share of each month's leavers replaced by agency FTE (default 0%)
/// changes:
///   - month: 2019-10
///     convert: 1            # agency FTE made permanent, a month
///     for_months: 10
///     group: social-workers
///     area: Referral & Assessment
///     note: rolling offer to agency staff
/// ---
/// The officer's text.
/// ```
/// Change kinds: `recruit` (FTE a month), `convert` (FTE a month), `budget_change` (pounds
/// a year, signed), `establishment_change` (budgeted FTE, signed), `retention_payment`
/// (pounds a head a year, with `heads` and `turnover_reduction` in percentage points;
/// `for_months` defaults to 12 for it).
package struct Scenario: Sendable {
    package let id: String
    package let title: String
    package let path: String
    package let start: CalendarMonth
    package let months: Int
    package let adopted: Bool
    /// When the board adopted it, if `adopted:` gives the date rather than `yes`.
    package var adoptedOn: CalendarDate? = nil
    /// Annual turnover rate in percent by group id; `allGroups` for the rest.
    package let turnover: [String: Double]
    package let turnoverForAllGroups: Double?
    /// Percent of each month's leavers (FTE) replaced by agency FTE in the same month.
    package let agencyCover: Double
    package let changes: [ScenarioChange]
    /// The officer's text (markdown), and the file line it starts on.
    package let body: String
    package let bodyStartLine: Int

    package static let folder = "scenarios"
    static let keys: Set<String> = ["title", "start", "months", "adopted", "turnover", "agency_cover", "changes"]
    static let changeKeys: Set<String> = ["month", "for_months", "area", "group", "note", "recruit", "convert",
                                          "budget_change", "establishment_change", "retention_payment", "heads",
                                          "turnover_reduction"]
    static let kindKeys = ["recruit", "convert", "budget_change", "establishment_change", "retention_payment"]

    /// The longest horizon, and the longest a change may last: ten years.
    static let maximumMonths = 120

    /// The last projected month.
    package var end: CalendarMonth { start.adding(months: months - 1) }

    /// The annual turnover rate (percent) of a group before any retention effect.
    package func turnoverRate(of groupID: String) -> Double { turnover[groupID] ?? turnoverForAllGroups ?? 0 }

    /// Reads one scenario; nil (with located errors) when it cannot be projected.
    /// `latest` is the latest snapshot's date: the scenario must start after its month, unless
    /// it is adopted (it is then projected from the latest snapshot before its start).
    package static func load(_ file: SourceFile, config: WorkforceConfig, latest: CalendarDate?,
                            log: inout DiagnosticLog) -> Scenario? {
        var fileLog = DiagnosticLog()
        guard let source = MarkdownSource.read(file, keys: keys, log: &fileLog) else {
            log.append(contentsOf: fileLog)
            return nil
        }
        let yaml = source.frontMatter
        let title = yaml.string("title", required: true, log: &fileLog) ?? file.stem
        // `adopted: yes`, or the date of the meeting that adopted it.
        var adopted = false
        var adoptedOn: CalendarDate?
        if let text = yaml.string("adopted", log: &fileLog) {
            switch text.lowercased() {
            case "true", "yes", "y": adopted = true
            case "false", "no", "n": adopted = false
            default:
                if let date = CalendarDate(text) {
                    adopted = true
                    adoptedOn = date
                } else {
                    fileLog.error(yaml.location(of: "adopted"),
                                  "'adopted' must be yes, no, or the date the board adopted the scenario (YYYY-MM-DD), not '\(text)'",
                                  code: PlanningDiagnosticCode.scenario)
                }
            }
        }
        var start: CalendarMonth?
        if let text = yaml.string("start", required: true, log: &fileLog) {
            start = CalendarMonth(text)
            if start == nil {
                fileLog.error(yaml.location(of: "start"), "'start' must be a month written YYYY-MM, not '\(text)'",
                              code: PlanningDiagnosticCode.scenario)
            }
        }
        // An adopted scenario stays as the board adopted it, projected from the snapshot
        // before its start, so that later snapshots can be held against it.
        if let start, let latest, start <= CalendarMonth(latest), !adopted {
            fileLog.error(yaml.location(of: "start"),
                          "the scenario starts in \(start), but it projects from the latest snapshot (\(latest)): start in \(CalendarMonth(latest).adding(months: 1)) or later",
                          code: PlanningDiagnosticCode.scenarioStart)
        }
        if latest == nil {
            fileLog.error(file.location(), "there is no workforce snapshot to project this scenario from",
                          code: PlanningDiagnosticCode.scenarioStart)
        }
        let months = yaml.int("months", required: true, log: &fileLog)
        if let months, !(1...maximumMonths).contains(months) {
            fileLog.error(yaml.location(of: "months"), "'months' is the horizon, from 1 to \(maximumMonths) months, not \(months)",
                          code: PlanningDiagnosticCode.scenario)
        }

        // Turnover: one rate for every group, or a rate per group with `all` for the rest.
        var turnover: [String: Double] = [:]
        var allGroups: Double?
        if let node = yaml.node("turnover"), node.mapping == nil {
            allGroups = atMost100(yaml, "turnover", what: "an annual rate such as 15%", log: &fileLog)
        } else if let rates = yaml.mapping("turnover", log: &fileLog) {
            for name in rates.keys {
                let rate = atMost100(rates, name, required: true, what: "an annual rate such as 15%", log: &fileLog)
                if WorkforceName.normalised(name) == "all" {
                    allGroups = rate
                } else if let group = config.group(named: name) {
                    if let rate { turnover[group.id] = rate }
                } else {
                    fileLog.error(rates.keyLocation(name), "turnover is given for '\(name)', which is not a configured staff group (\(config.groups.map(\.id).joined(separator: ", ")), or 'all')",
                                  code: PlanningDiagnosticCode.unknownGroup)
                }
            }
        }

        let agencyCover = atMost100(yaml, "agency_cover", what: "a percentage of leavers such as 50%", log: &fileLog) ?? 0

        var changes: [ScenarioChange] = []
        for item in yaml.mappingList("changes", log: &fileLog) ?? [] {
            if let change = readChange(item, config: config, log: &fileLog) { changes.append(change) }
        }
        // Retention effects may not take a group's turnover below nothing.
        if let start, let months, (1...maximumMonths).contains(months) {
            for change in changes {
                guard case let .retention(_, _, reduction) = change.kind, let group = change.groupID else { continue }
                let rate = turnover[group] ?? allGroups ?? 0
                var overlapping = reduction
                for other in changes where other.location != change.location {
                    if case let .retention(_, _, r) = other.kind, other.groupID == group,
                       other.areaID == nil || change.areaID == nil || other.areaID == change.areaID,
                       (0..<months).contains(where: { change.isActive(in: start.adding(months: $0)) && other.isActive(in: start.adding(months: $0)) }) {
                        overlapping += r
                    }
                }
                if overlapping > rate + 1e-9 {
                    fileLog.error(change.location,
                                  "the retention payment takes \(WorkforceNumber.text(overlapping)) points off a turnover rate of \(WorkforceNumber.percent(rate)) for \(group): turnover cannot be negative",
                                  code: PlanningDiagnosticCode.negative)
                }
            }
            // Changes outside the horizon: before it is an error, after it is not projected.
            let end = start.adding(months: months - 1)
            for change in changes {
                if change.month < start {
                    fileLog.error(change.location, "the \(change.kind.name) is in \(change.month), before the scenario starts (\(start))",
                                  code: PlanningDiagnosticCode.scenarioStart)
                } else if change.month > end {
                    fileLog.warning(change.location, "the \(change.kind.name) in \(change.month) is after the horizon (\(start) to \(end)); it is not projected",
                                    code: PlanningDiagnosticCode.pastHorizon)
                } else if !change.kind.isStep, change.month.adding(months: change.forMonths - 1) > end {
                    fileLog.warning(change.location, "the \(change.kind.name) runs to \(change.month.adding(months: change.forMonths - 1)), after the horizon ends (\(end)); only the months to \(end) are projected",
                                    code: PlanningDiagnosticCode.pastHorizon)
                }
            }
        }
        log.append(contentsOf: fileLog)
        guard !fileLog.hasErrors, let start, let months, latest != nil else { return nil }
        return Scenario(id: WorkforceName.id(for: file.stem), title: title, path: file.path, start: start, months: months,
                        adopted: adopted, adoptedOn: adoptedOn, turnover: turnover, turnoverForAllGroups: allGroups, agencyCover: agencyCover, changes: changes,
                        body: source.body, bodyStartLine: source.bodyStartLine)
    }

    /// A percentage from 0 to 100: a turnover rate above 100% a year, or agency cover for more
    /// than the leavers, would take the projection past anything it can stand for.
    private static func atMost100(_ yaml: FrontMatter, _ key: String, required: Bool = false, what: String,
                                  log: inout DiagnosticLog) -> Double? {
        guard let value = yaml.planningAmount(key, required: required, what: what, read: PlanningAmount.percent, log: &log) else { return nil }
        guard value <= 100 else {
            log.error(yaml.location(of: key), "'\(key)' is \(WorkforceNumber.percent(value)); it cannot be more than 100%",
                      code: PlanningDiagnosticCode.badNumber)
            return nil
        }
        return value
    }

    private static func readChange(_ item: FrontMatter, config: WorkforceConfig, log: inout DiagnosticLog) -> ScenarioChange? {
        item.warnAboutUnknownKeys(allowed: changeKeys, log: &log)
        let given = kindKeys.filter { item.node($0) != nil }
        let place = item.keys.first.map(item.keyLocation) ?? item.location(of: "month")
        guard given.count == 1, let key = given.first else {
            log.error(place, "each change needs exactly one of \(kindKeys.joined(separator: ", "))\(given.isEmpty ? "" : "; this one has \(given.joined(separator: ", "))")",
                      code: PlanningDiagnosticCode.scenario)
            return nil
        }
        let location = item.location(of: key)
        var failed = false
        var month: CalendarMonth?
        if let text = item.string("month", required: true, log: &log) {
            month = CalendarMonth(text)
            if month == nil {
                log.error(item.location(of: "month"), "'month' must be written YYYY-MM, not '\(text)'", code: PlanningDiagnosticCode.scenario)
            }
        }
        // Area and group: required by each kind except where noted.
        func area(required: Bool) -> String?? {
            guard let name = item.string("area", required: required, log: &log) else { return required ? nil : .some(nil) }
            if let known = config.area(named: name) { return known.id }
            if config.areas.isEmpty { return WorkforceName.id(for: name) }
            let hint = config.areas.first { WorkforceName.normalised($0.name).editDistance(to: WorkforceName.normalised(name)) <= 3 }
                .map { " (did you mean '\($0.name)'?)" } ?? ""
            log.error(item.location(of: "area"), "unknown area '\(name)': it is not in \(WorkforceConfig.path)\(hint)",
                      code: PlanningDiagnosticCode.unknownArea)
            return nil
        }
        func group(required: Bool) -> String?? {
            guard let name = item.string("group", required: required, log: &log) else { return required ? nil : .some(nil) }
            if let known = config.group(named: name) { return known.id }
            log.error(item.location(of: "group"), "unknown staff group '\(name)': it is not one of \(config.groups.map(\.id).joined(separator: ", "))",
                      code: PlanningDiagnosticCode.unknownGroup)
            return nil
        }
        func amount(_ key: String, what: String, _ read: @escaping (String) -> PlanningAmount.Reading) -> Double? {
            let value = item.planningAmount(key, required: true, what: what, read: read, log: &log)
            if value == nil { failed = true }
            return value
        }
        let kind: ScenarioChange.Kind?
        var areaID: String??, groupID: String??
        var defaultMonths = 1
        switch key {
        case "recruit":
            kind = amount(key, what: "FTE a month", { PlanningAmount.number($0) }).map { .recruit(fte: $0) }
            areaID = area(required: true); groupID = group(required: true)
        case "convert":
            kind = amount(key, what: "FTE a month", { PlanningAmount.number($0) }).map { .convert(fte: $0) }
            areaID = area(required: true); groupID = group(required: true)
        case "budget_change":
            kind = amount(key, what: "an amount in pounds a year (negative for a cut)", { PlanningAmount.pounds($0, allowNegative: true) })
                .map { .budgetChange(pounds: $0) }
            areaID = area(required: true); groupID = .some(nil)
        case "establishment_change":
            kind = amount(key, what: "budgeted FTE (negative for a reduction)", { PlanningAmount.number($0, allowNegative: true) })
                .map { .establishmentChange(fte: $0) }
            areaID = area(required: true); groupID = group(required: true)
        default:
            defaultMonths = 12
            let perHead = amount(key, what: "an amount in pounds a head a year", { PlanningAmount.pounds($0) })
            let heads = amount("heads", what: "a number of people", { PlanningAmount.number($0) })
            let reduction = amount("turnover_reduction", what: "percentage points off the annual turnover rate, such as 3%", PlanningAmount.percent)
            if let perHead, let heads, let reduction {
                kind = .retention(perHead: perHead, heads: heads, turnoverReduction: reduction)
            } else {
                kind = nil
            }
            areaID = area(required: false); groupID = group(required: true)
        }
        var forMonths = defaultMonths
        if item.node("for_months") != nil {
            if let value = item.int("for_months", log: &log) {
                if !(1...maximumMonths).contains(value) {
                    log.error(item.location(of: "for_months"), "'for_months' must be from 1 to \(maximumMonths), not \(value)",
                              code: PlanningDiagnosticCode.scenario)
                    failed = true
                } else if kind?.isStep == true {
                    log.warning(item.location(of: "for_months"), "a \(kind!.name) lasts from its month on; 'for_months' is ignored",
                                code: PlanningDiagnosticCode.scenario)
                } else {
                    forMonths = value
                }
            } else {
                failed = true
            }
        }
        guard !failed, let kind, let month, let areaID, let groupID else { return nil }
        return ScenarioChange(kind: kind, month: month, forMonths: kind.isStep ? 1 : forMonths, areaID: areaID, groupID: groupID,
                              note: item.string("note", log: &log), location: location)
    }
}

import QuorumContent
import QuorumSupport

/// `workforce/config.yaml`: the names the council uses for its service areas and staff
/// groups, the order reports show them in, and the targets the board rates progress against.
///
/// ```yaml
/// # The row that totals the whole directorate ("Area" column). Rows whose area starts
/// # with "Grand total" always count; add the council's own spelling here.
/// grand_total:
///   name: Children's Social Care
///   aliases: ["Grand Total for all CSC"]
///
/// # Staff groups in display order. Default: managers, social workers, others.
/// # "Total managers" matches "Managers": a leading "Total" is ignored (group_label_prefixes).
/// groups:
///   - id: social-workers            # used by targets; default: made from the name
///     name: Social workers          # what reports print
///     aliases: ["SW", "Qualified social workers"]
///
/// # Service areas in display order. An area not listed here is a warning.
/// # With no areas listed, every area is accepted in the order the CSV gives it.
/// areas:
///   - id: referral-assessment
///     name: Referral & Assessment
///     aliases: ["Referral and Assessment", "MASH and R&A"]
///
/// # Targets and their RAG thresholds. `area` and `group` pick the row (default: the whole
/// # directorate, all groups). `better` is lower or higher (default: the measure's own,
/// # lower for every rate). Lower is better: green when <= green, amber when <= amber,
/// # else red. Higher is better: green when >= green, amber when >= amber, else red.
/// # Measures: vacancy_rate, agency_rate, turnover_rate, caseload, days_lost_per_fte,
/// # budgeted_fte, employee_fte, vacant_fte, agency_fte, headcount, starters_fte,
/// # leavers_fte, asye. Rates are in percent.
/// targets:
///   - measure: agency_rate
///     group: social-workers
///     label: Social worker agency rate
///     green: 15
///     amber: 25
///
/// # The largest figure a column may hold (defaults: 100000 for FTE columns, headcount
/// # and ASYE; 1000000 cases; 10000000 days lost). A larger cell is an error at the cell.
/// limits:
///   budgeted_fte: 5000
///
/// # National benchmarks (workforce/benchmarks.csv, DfE format): the region and councils
/// # to compare with, spelled as in the file.
/// benchmarks:
///   region: Outer London
///   councils: [Bromley, Sutton]
///
/// # The sheet of each .xlsx snapshot (default: the first visible sheet).
/// snapshot_sheet: HR return
///
/// # Words around a group's name in HR's labels, ignored when matching them (an outline
/// # return tells its group rows from its area rows by them). Defaults: [Total] and none.
/// group_label_prefixes: [Total]
/// group_label_suffixes: [FTE]
/// # HR's own header names for Quorum's columns, besides the built-in ones
/// # (see SnapshotColumnNames). Keys: area, staff_group and the limits' column keys.
/// columns:
///   employee_fte: ["Staff in post (FTE)"]
/// ```
package struct WorkforceConfig: Sendable {
    package var groups: [StaffGroup] { didSet { names = NameIndex(self) } }
    /// Empty means "accept every area, in the order the CSV gives them".
    package var areas: [ServiceArea] { didSet { names = NameIndex(self) } }
    /// The name reports give the grand total row.
    package var grandTotalName: String { didSet { names = NameIndex(self) } }
    var grandTotalAliases: [String] { didSet { names = NameIndex(self) } }
    /// Every spelling of the areas, groups and grand total, normalised, to what it names:
    /// a CSV row's names are looked up, not compared with each configured name in turn.
    private var names = NameIndex()
    package var targets: [Target]
    package var benchmarkRegion: String?
    package var benchmarkCouncils: [String]
    /// Snapshots whose known problems the board has accepted, with the reason: their errors
    /// are reported as warnings, and their suspect figures are still marked in every output.
    package var acceptedProblems: [CalendarDate: String] = [:]
    /// The sheet of a snapshot workbook to read (`snapshot_sheet:`); nil for the first visible one.
    package var snapshotSheet: String?
    /// The plausible range of every figure (`limits:`).
    package var limits = FigureLimits()
    /// The words around a group's name in HR's labels (`group_label_prefixes:`, `group_label_suffixes:`).
    var groupLabels = GroupLabelRule() { didSet { names = NameIndex(self) } }
    /// The header names of each snapshot column, built-in and the council's own (`columns:`).
    package var columnNames = SnapshotColumn.builtInNames

    package static let path = "workforce/config.yaml"

    package init(groups: [StaffGroup] = StaffGroup.defaults, areas: [ServiceArea] = [],
                 grandTotalName: String = "Grand total", grandTotalAliases: [String] = [],
                 targets: [Target] = [], benchmarkRegion: String? = nil, benchmarkCouncils: [String] = []) {
        self.groups = groups
        self.areas = areas
        self.grandTotalName = grandTotalName
        self.grandTotalAliases = grandTotalAliases
        self.targets = targets
        self.benchmarkRegion = benchmarkRegion
        self.benchmarkCouncils = benchmarkCouncils
        names = NameIndex(self)
    }

    /// The first area (and group) in config order that has a spelling, as `matches` finds them.
    struct NameIndex: Sendable {
        var areas: [String: ServiceArea] = [:]
        var groups: [String: StaffGroup] = [:]
        var grandTotal: Set<String> = []

        init() {}

        init(_ config: WorkforceConfig) {
            for area in config.areas {
                for name in [area.id, area.name] + area.aliases where areas[WorkforceName.normalised(name)] == nil {
                    areas[WorkforceName.normalised(name)] = area
                }
            }
            for group in config.groups {
                for name in [group.id, group.name] + group.aliases {
                    for key in config.groupLabels.candidates(WorkforceName.normalised(name)) where groups[key] == nil {
                        groups[key] = group
                    }
                }
            }
            grandTotal = Set(([config.grandTotalName] + config.grandTotalAliases).map(WorkforceName.normalised))
        }
    }

    /// The polarity comparisons use for `measure`: a target's, else the measure's own.
    package func polarity(of measure: Measure) -> Polarity {
        targets.first { $0.measure == measure }?.polarity ?? measure.defaultPolarity
    }

    // MARK: Matching names typed in a CSV

    /// True for the `Area` of the directorate's grand total row.
    func isGrandTotal(area text: String) -> Bool {
        let key = WorkforceName.normalised(text)
        if key.hasPrefix("grand total") || key == "total" || key == "directorate total" { return true }
        return names.grandTotal.contains(key)
    }

    /// True for the `Staff group` of an area's total row.
    static func isTotal(group text: String) -> Bool {
        ["total", "area total", "sub total", "subtotal", "all", "all staff", "all groups"]
            .contains(WorkforceName.normalised(text))
    }

    func area(named text: String) -> ServiceArea? { names.areas[WorkforceName.normalised(text)] }
    /// The group a `Staff group` cell (or an outline's label) names, as typed or without the
    /// prefix or suffix of `groupLabels`.
    func group(named text: String) -> StaffGroup? {
        for candidate in groupLabels.candidates(WorkforceName.normalised(text)) {
            if let group = names.groups[candidate] { return group }
        }
        return nil
    }

    // MARK: Loading

    /// The keys a config may hold: the workforce's own, and the planning engine's (read by PlanningConfig).
    static let keys: Set<String> = Set(["grand_total", "groups", "areas", "targets", "benchmarks", "accepted_problems",
                                        "snapshot_sheet", FigureLimits.key, GroupLabelRule.prefixesKey,
                                        GroupLabelRule.suffixesKey, SnapshotColumnNames.key]).union(PlanningConfig.keys)

    /// Reads `workforce/config.yaml`; without one, the defaults (three DfE groups, any area).
    package static func load(from content: ContentFolder, log: inout DiagnosticLog) -> WorkforceConfig {
        guard let file = content.file(path) else { return WorkforceConfig() }
        return load(file, log: &log)
    }

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> WorkforceConfig {
        var config = WorkforceConfig()
        let yaml = FrontMatter.parse(yaml: file.text, firstLine: 1, file: file, log: &log)
        guard yaml.isValid else { return config }
        yaml.warnAboutUnknownKeys(allowed: keys, log: &log)

        if let total = yaml.mapping("grand_total", log: &log) {
            total.warnAboutUnknownKeys(allowed: ["name", "aliases"], log: &log)
            config.grandTotalName = total.string("name", log: &log) ?? config.grandTotalName
            config.grandTotalAliases = total.stringList("aliases", log: &log) ?? []
        }
        config.snapshotSheet = yaml.string("snapshot_sheet", log: &log)
        config.groupLabels = GroupLabelRule.read(yaml, log: &log)
        if let items = yaml.mappingList("groups", log: &log) {
            config.groups = readNamed(items, what: "group", log: &log).map {
                StaffGroup(id: $0.id, name: $0.name, aliases: $0.aliases)
            }
        }
        if let items = yaml.mappingList("areas", log: &log) {
            config.areas = readNamed(items, what: "area", log: &log).map {
                ServiceArea(id: $0.id, name: $0.name, aliases: $0.aliases)
            }
        }
        if let items = yaml.mappingList("targets", log: &log) {
            config.targets = items.compactMap { readTarget($0, config: config, log: &log) }
        }
        if let benchmarks = yaml.mapping("benchmarks", log: &log) {
            benchmarks.warnAboutUnknownKeys(allowed: ["region", "councils"], log: &log)
            config.benchmarkRegion = benchmarks.string("region", log: &log)
            config.benchmarkCouncils = benchmarks.stringList("councils", log: &log) ?? []
        }
        config.limits = FigureLimits.read(yaml, log: &log)
        config.columnNames = SnapshotColumnNames.read(yaml, log: &log)
        for item in yaml.mappingList("accepted_problems", log: &log) ?? [] {
            item.warnAboutUnknownKeys(allowed: ["snapshot", "reason"], log: &log)
            guard let date = item.date("snapshot", required: true, log: &log),
                  let reason = item.string("reason", required: true, log: &log) else { continue }
            config.acceptedProblems[date] = reason
        }
        return config
    }

    private static func readNamed(_ items: [FrontMatter], what: String,
                                  log: inout DiagnosticLog) -> [(id: String, name: String, aliases: [String])] {
        var result: [(id: String, name: String, aliases: [String])] = []
        for item in items {
            item.warnAboutUnknownKeys(allowed: ["id", "name", "aliases"], log: &log)
            guard let name = item.string("name", required: true, log: &log) else { continue }
            let id = item.string("id", log: &log) ?? WorkforceName.id(for: name)
            if result.contains(where: { $0.id == id }) {
                log.error(item.location(of: "name"), "the \(what) id '\(id)' is used twice",
                          code: WorkforceDiagnosticCode.configDuplicate)
                continue
            }
            result.append((id, name, item.stringList("aliases", log: &log) ?? []))
        }
        return result
    }

    private static func readTarget(_ item: FrontMatter, config: WorkforceConfig,
                                   log: inout DiagnosticLog) -> Target? {
        item.warnAboutUnknownKeys(allowed: ["measure", "area", "group", "better", "green", "amber", "label"],
                                  log: &log)
        guard let measureName = item.string("measure", required: true, log: &log) else { return nil }
        guard let measure = Measure.allCases.first(where: {
            WorkforceName.id(for: $0.rawValue) == WorkforceName.id(for: measureName)
        }) else {
            let known = Measure.allCases.map(\.rawValue).joined(separator: ", ")
            log.error(item.location(of: "measure"), "unknown measure '\(measureName)'; known measures: \(known)",
                      code: WorkforceDiagnosticCode.configTarget)
            return nil
        }
        var row = RowKey.directorate
        if let area = item.string("area", log: &log) {
            guard let known = config.areas.first(where: { $0.id == area || $0.matches(area) }) else {
                log.error(item.location(of: "area"), "the target's area '\(area)' is not one of the configured areas",
                          code: WorkforceDiagnosticCode.configTarget)
                return nil
            }
            row.area = known.id
        }
        if let group = item.string("group", log: &log) {
            guard let known = config.groups.first(where: { $0.id == group || $0.matches(group) }) else {
                log.error(item.location(of: "group"), "the target's group '\(group)' is not one of the configured groups",
                          code: WorkforceDiagnosticCode.configTarget)
                return nil
            }
            row.group = known.id
        }
        var polarity = measure.defaultPolarity == .neutral ? Polarity.lowerIsBetter : measure.defaultPolarity
        if let better = item.string("better", log: &log) {
            switch better.lowercased() {
            case "lower": polarity = .lowerIsBetter
            case "higher": polarity = .higherIsBetter
            default:
                log.error(item.location(of: "better"), "'better' must be lower or higher, not '\(better)'",
                          code: WorkforceDiagnosticCode.configTarget)
                return nil
            }
        }
        guard let green = number(item, "green", log: &log), let amber = number(item, "amber", log: &log) else {
            return nil
        }
        let ordered = polarity == .higherIsBetter ? green >= amber : green <= amber
        guard ordered else {
            let relation = polarity == .higherIsBetter ? "at least" : "at most"
            log.error(item.location(of: "amber"),
                      "for a \(polarity.rawValue)-is-better measure, green (\(WorkforceNumber.text(green))) must be \(relation) amber (\(WorkforceNumber.text(amber)))",
                      code: WorkforceDiagnosticCode.configTarget)
            return nil
        }
        return Target(measure: measure, row: row, polarity: polarity, green: green, amber: amber,
                      label: item.string("label", log: &log))
    }

    private static func number(_ item: FrontMatter, _ key: String, log: inout DiagnosticLog) -> Double? {
        guard let text = item.string(key, required: true, log: &log) else { return nil }
        guard let value = CellValue(text).number, value.isFinite else {
            log.error(item.location(of: key), "'\(key)' must be a number, not '\(text)'",
                      code: WorkforceDiagnosticCode.configTarget)
            return nil
        }
        return value
    }
}

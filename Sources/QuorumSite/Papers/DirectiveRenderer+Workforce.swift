import QuorumPapers
import QuorumSupport
import QuorumWorkforce

/// The workforce directives: the snapshot table, the change between two snapshots, a chart,
/// measures against target and the national benchmarks.
///
/// A directive that names a snapshot, area, group or measure that does not exist, or that
/// has no data to show, is an error at its line. Without `as-of`, a directive shows the
/// latest snapshot on or before the paper's "as at" date.
extension DirectiveRenderer {
    enum Code {
        static let unknownSnapshot = "directive-unknown-snapshot"
        static let unknownMeasure = "directive-unknown-measure"
        static let unknownArea = "directive-unknown-area"
        static let unknownGroup = "directive-unknown-group"
        static let argument = "directive-argument"
        static let noData = "directive-no-data"
    }

    var workforce: Workforce { data.workforce }

    /// ```quorum workforce-table as-of=2017-09-30 area=referral-assessment```
    func workforceTable(_ directive: Directive, log: inout DiagnosticLog) -> SnapshotTableView? {
        guard directive.checkArguments(allowed: ["as-of", "area"], log: &log),
              let snapshot = snapshot(directive, log: &log) else { return nil }
        var area: String?
        if let id = directive.arguments["area"] {
            guard snapshot.areas.contains(where: { $0.id == id }) else {
                let known = snapshot.areas.compactMap(\.id).joined(separator: ", ")
                log.error(directive.location, "\(directive.name): the snapshot at \(snapshot.asAt) has no area '\(id)' (areas: \(known))",
                          code: Code.unknownArea)
                return nil
            }
            area = id
        }
        return SnapshotTableView(snapshot, area: area)
    }

    /// ```quorum workforce-change from=2017-09-30 to=2018-09-30 group=social-workers```
    func workforceChange(_ directive: Directive, log: inout DiagnosticLog) -> ChangeTableView? {
        guard directive.checkArguments(allowed: ["from", "to", "group"], log: &log),
              let to = snapshot(directive, key: "to", log: &log),
              let group = group(directive, log: &log) else { return nil }
        let from: Snapshot
        if directive.arguments["from"] != nil {
            guard let chosen = snapshot(directive, key: "from", log: &log) else { return nil }
            guard chosen.asAt < to.asAt else {
                log.error(directive.location, "\(directive.name): 'from' \(chosen.asAt) must be before 'to' \(to.asAt)",
                          code: Code.argument)
                return nil
            }
            from = chosen
        } else {
            guard let previous = workforce.snapshots.last(where: { $0.asAt < to.asAt }) else {
                log.error(directive.location, "\(directive.name): there is no snapshot before \(to.asAt) to compare with",
                          code: Code.unknownSnapshot)
                return nil
            }
            from = previous
        }
        let key = RowKey(group: group)
        return ChangeTableView(workforce.comparison(from: from, to: to), row: key,
                               rowName: RowLabel.name(key, config: workforce.config))
    }

    /// ```quorum workforce-chart measure=vacancy_rate kind=bars as-of=2017-09-30 group=social-workers```
    func workforceChart(_ directive: Directive, log: inout DiagnosticLog) -> ChartView? {
        guard directive.checkArguments(allowed: ["measure", "kind", "as-of", "group"], log: &log) else { return nil }
        let chartable = ChartView.measures.map(\.rawValue).joined(separator: ", ")
        guard let name = directive.arguments["measure"] else {
            log.error(directive.location, "\(directive.name): give the measure to chart, e.g. measure=vacancy_rate (one of: \(chartable))",
                      code: Code.argument)
            return nil
        }
        guard let measure = ChartView.measures.first(where: { $0.rawValue == name }) else {
            log.error(directive.location, "\(directive.name): unknown measure '\(name)' (one of: \(chartable))", code: Code.unknownMeasure)
            return nil
        }
        let kind = directive.arguments["kind"] ?? "bars"
        guard kind == "bars" || kind == "trend" else {
            log.error(directive.location, "\(directive.name): 'kind' must be bars or trend, not '\(kind)'", code: Code.argument)
            return nil
        }
        guard let snapshot = snapshot(directive, log: &log), let group = group(directive, log: &log) else { return nil }
        let id = "chart-" + (directive.anchor.map { $0.replacingOccurrences(of: ".", with: "-") } ?? "\(directive.location.line)")
        let chart: ChartView?
        if kind == "bars" {
            chart = ChartView.bars(id: id, snapshot: snapshot, measure: measure, group: group, config: workforce.config)
        } else {
            let keys = group.map { [RowKey(group: $0)] }
                ?? workforce.config.groups.map { RowKey(group: $0.id) } + [.directorate]
            chart = ChartView.trend(id: id, snapshots: workforce.snapshots.filter { $0.asAt <= snapshot.asAt },
                                    measure: measure, rows: keys, config: workforce.config)
        }
        guard let chart else {
            log.error(directive.location, "\(directive.name): no \(measure.name.lowercased()) is available to chart up to \(snapshot.asAt)",
                      code: Code.noData)
            return nil
        }
        return chart
    }

    /// ```quorum measures as-of=2017-09-30```
    func measures(_ directive: Directive, log: inout DiagnosticLog) -> TargetTableView? {
        guard directive.checkArguments(allowed: ["as-of", "from"], log: &log),
              let snapshot = snapshot(directive, log: &log) else { return nil }
        guard !workforce.config.targets.isEmpty else {
            log.error(directive.location, "\(directive.name): workforce/config.yaml sets no targets", code: Code.noData)
            return nil
        }
        // Direction of travel since `from` (an annual update's start), else since the snapshot before.
        var previous = workforce.snapshots.last { $0.asAt < snapshot.asAt }
        if directive.arguments["from"] != nil {
            guard let from = self.snapshot(directive, key: "from", log: &log) else { return nil }
            guard from.asAt < snapshot.asAt else {
                log.error(directive.location, "\(directive.name): 'from' \(from.asAt) must be before \(snapshot.asAt)",
                          code: "directive-argument")
                return nil
            }
            previous = from
        }
        return TargetTableView(targets: workforce.config.targets, snapshot: snapshot, previous: previous, config: workforce.config)
    }

    /// ```quorum benchmarks as-of=2017-09-30```
    func benchmarks(_ directive: Directive, log: inout DiagnosticLog) -> BenchmarkTableView? {
        guard directive.checkArguments(allowed: ["as-of"], log: &log),
              let snapshot = snapshot(directive, log: &log) else { return nil }
        let rows = workforce.benchmarkRows(for: snapshot)
        guard !rows.isEmpty else {
            let year = BenchmarkTable.year(for: snapshot.asAt)
            let why = workforce.benchmarks == nil ? "the content folder has no \(BenchmarkTable.contentPath)"
                : "\(BenchmarkTable.contentPath) has no rows for \(year) (the census year of \(snapshot.asAt))"
            log.error(directive.location, "\(directive.name): \(why)", code: Code.noData)
            return nil
        }
        return BenchmarkTableView(snapshot: snapshot, benchmarks: rows, config: workforce.config, council: data.council)
    }

    // MARK: Arguments

    /// The snapshot `key` names, or by default the latest on or before the paper's date.
    func snapshot(_ directive: Directive, key: String = "as-of", log: inout DiagnosticLog) -> Snapshot? {
        guard !workforce.snapshots.isEmpty else {
            log.error(directive.location, "\(directive.name): the content folder has no workforce snapshots", code: Code.noData)
            return nil
        }
        guard let date = directive.date(key, log: &log) else { return nil }
        if let date {
            guard let snapshot = workforce.snapshot(at: date) else {
                let dates = workforce.snapshots.map(\.asAt.description).joined(separator: ", ")
                log.error(directive.location, "\(directive.name): there is no workforce snapshot at \(date) (snapshots: \(dates))",
                          code: Code.unknownSnapshot)
                return nil
            }
            return snapshot
        }
        guard let latest = workforce.snapshots.last(where: { $0.asAt <= asAt }) else {
            log.error(directive.location, "\(directive.name): there is no workforce snapshot on or before the paper's date, \(asAt)",
                      code: Code.unknownSnapshot)
            return nil
        }
        return latest
    }

    /// The `group` argument, checked against the config: `.some(nil)` when not given.
    func group(_ directive: Directive, log: inout DiagnosticLog) -> String?? {
        guard let id = directive.arguments["group"] else { return .some(nil) }
        guard workforce.config.groups.contains(where: { $0.id == id }) else {
            let known = workforce.config.groups.map(\.id).joined(separator: ", ")
            log.error(directive.location, "\(directive.name): unknown staff group '\(id)' (groups: \(known))", code: Code.unknownGroup)
            return nil
        }
        return .some(id)
    }
}

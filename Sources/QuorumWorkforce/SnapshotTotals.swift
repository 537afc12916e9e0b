import QuorumSupport

/// Puts a snapshot's rows together: each area's groups in display order with its total,
/// and the directorate's groups and grand total. A total the CSV gives is checked against
/// the rows it sums (0.1 FTE allowed per summed row); a total it leaves out is computed.
///
/// Checks do not hide each other: every given total is checked in every summed column,
/// whatever else failed. A part already in doubt is still summed, and the message says so;
/// a part whose figure is not known still bounds the total (the others cannot sum to more).
/// A total rests on its parts, so it is in doubt when any of them is, and they are when it
/// does not add up.
struct SnapshotTotals {
    let config: WorkforceConfig
    let reader: SnapshotReader

    static let perRowTolerance = 0.1

    func assemble(rows: [SnapshotRow], log: inout DiagnosticLog) -> (areas: [SnapshotArea], directorate: SnapshotArea) {
        let groupOrder = config.groups.map(\.id) + reader.extraGroups.map(\.id)
        func sortedGroups(_ rows: [SnapshotRow]) -> [SnapshotRow] {
            rows.sorted { (groupOrder.firstIndex(of: $0.key.group!) ?? .max) < (groupOrder.firstIndex(of: $1.key.group!) ?? .max) }
        }
        let columns = SnapshotColumn.allCases.filter { $0.isSummed && reader.columns.contains($0) }

        // Areas in display order; rows keep their file order within an area.
        let rowsByArea = Dictionary(grouping: rows, by: \.key.area)
        var areas: [SnapshotArea] = []
        for name in reader.areas.values.sorted(by: { $0.order < $1.order }) {
            let mine = rowsByArea[name.id] ?? []
            let groups = sortedGroups(mine.filter { !$0.isTotal })
            var total = mine.first { $0.isTotal }
                ?? computedRow(RowKey(area: name.id), area: name.name, group: "Total", from: groups, columns: columns)
            var failed: Set<SnapshotColumn> = []
            if total.line != nil {
                failed = checkSum(&total, parts: groups, partsName: "its \(groups.count) staff group rows",
                                  code: WorkforceDiagnosticCode.groupSum, columns: columns, log: &log)
            }
            areas.append(SnapshotArea(id: name.id, name: name.name, isConfigured: name.isConfigured,
                                      groups: markingParts(groups, failed: failed), total: total))
        }

        // The directorate: each group summed over the areas, and the grand total.
        let given = rowsByArea[nil] ?? []
        var directorateGroups: [SnapshotRow] = []
        for id in groupOrder {
            var parts = areas.compactMap { $0.group(id) }
            let givenRow = given.first { $0.key.group == id }
            guard !parts.isEmpty || givenRow != nil else { continue }
            let name = config.groups.first { $0.id == id }?.name ?? reader.extraGroups.first { $0.id == id }?.name ?? id
            var row = givenRow ?? computedRow(RowKey(group: id), area: config.grandTotalName, group: name,
                                              from: parts, columns: columns)
            if givenRow != nil {
                let failed = checkSum(&row, parts: parts, partsName: "the \(parts.count) areas' \(name) rows",
                                      code: WorkforceDiagnosticCode.areaSum, columns: columns, log: &log)
                parts = markingParts(parts, failed: failed)
                for i in areas.indices {
                    if let p = parts.first(where: { $0.key.area == areas[i].id }),
                       let g = areas[i].groups.firstIndex(where: { $0.key.group == id }) {
                        areas[i].groups[g] = p
                    }
                }
            }
            directorateGroups.append(row)
        }
        var grandTotal = given.first { $0.isTotal }
            ?? computedRow(.directorate, area: config.grandTotalName, group: "Total", from: areas.map(\.total),
                           columns: columns)
        if grandTotal.line != nil {
            let failed = checkSum(&grandTotal, parts: areas.map(\.total), partsName: "the \(areas.count) area totals",
                                  code: WorkforceDiagnosticCode.areaSum, columns: columns, log: &log)
            let totals = markingParts(areas.map(\.total), failed: failed)
            for i in areas.indices { areas[i].total = totals[i] }
        }
        let directorate = SnapshotArea(id: nil, name: config.grandTotalName, isConfigured: true,
                                       groups: directorateGroups, total: grandTotal)
        return (areas, directorate)
    }

    private func computedRow(_ key: RowKey, area: String, group: String, from parts: [SnapshotRow],
                             columns: [SnapshotColumn]) -> SnapshotRow {
        var figures = SnapshotFigures()
        for column in columns {
            figures[column] = Figure.sum(parts.lazy.compactMap { $0.figures[column] })
        }
        return SnapshotRow(key: key, areaName: area, groupName: group, line: nil, figures: figures)
    }

    /// Checks each column of a given total against the sum of its parts; the columns that
    /// failed. Each total cell gets at most one finding here, and none that its reader gave.
    private func checkSum(_ total: inout SnapshotRow, parts: [SnapshotRow], partsName: String, code: String,
                          columns: [SnapshotColumn], log: inout DiagnosticLog) -> Set<SnapshotColumn> {
        var failed: Set<SnapshotColumn> = []
        guard !parts.isEmpty else { return failed }
        let allowed = SnapshotTotals.perRowTolerance * Double(parts.count)
        for column in columns {
            guard let figure = total.figures[column], let location = reader.location(of: figure) else { continue }
            let key = total.key
            // One pass over the parts: every total of every snapshot is checked, so the
            // names a message needs are only worked out for a message.
            var sum = 0.0, knownCount = 0, unknownCount = 0, anyInDoubt = false
            for part in parts {
                guard let partFigure = part.figures[column] else { continue }
                anyInDoubt = anyInDoubt || partFigure.suspect
                if let v = partFigure.value { sum += v; knownCount += 1 } else if partFigure.suspect { unknownCount += 1 }
            }
            if anyInDoubt { total.figures[column]?.suspect = true }  // the total rests on them
            guard knownCount > 0 || unknownCount > 0 else { continue }  // no part gives it: nothing to check
            let inDoubt = { parts.filter { $0.figures[column]?.value != nil && $0.figures[column]?.suspect == true } }
            // The parts summed, "–" for one that does not give the figure (it counts as nothing).
            let terms = {
                parts.filter { $0.figures[column]?.value != nil || $0.figures[column]?.suspect != true }
                    .map { "\(partName($0, of: key)) \($0.figures[column]?.value.map(WorkforceNumber.text) ?? "–")" }
                    .joined(separator: " + ")
            }

            guard let value = figure.value else {
                // Not given where its parts give it (a cell the reader found unreadable or
                // missing is already reported, and so is left alone).
                guard !figure.suspect, unknownCount == 0 else { continue }
                log.error(location,
                          "\(total.label): '\(column.header)' is not given, but \(partsName) give it and sum to \(WorkforceNumber.text(sum)) (\(terms())); a total needs every figure its rows give\(doubt(inDoubt(), of: key))",
                          code: code)
                total.figures[column]?.suspect = true
                failed.insert(column)
                continue
            }
            if unknownCount == 0 {
                let difference = abs(value - sum)
                guard difference > allowed + SnapshotRowChecks.epsilon else { continue }
                log.error(location,
                          "\(total.label): '\(column.header)' is \(WorkforceNumber.text(value)) but \(partsName) sum to \(WorkforceNumber.text(sum)) (\(terms()); difference \(WorkforceNumber.text(difference)); allowed \(WorkforceNumber.text(allowed)))\(doubt(inDoubt(), of: key))",
                          code: code)
            } else {
                // A part is not known, so only a bound is checked: the others, none of which
                // can be negative, cannot sum to more than the total.
                total.figures[column]?.suspect = true
                guard column != .vacantFTE, sum > value + allowed + SnapshotRowChecks.epsilon else { continue }
                let names = parts.filter { $0.figures[column]?.value == nil && $0.figures[column]?.suspect == true }
                    .map { partName($0, of: key) }
                log.error(location,
                          "\(total.label): '\(column.header)' is \(WorkforceNumber.text(value)) but the other rows already sum to more, \(WorkforceNumber.text(sum)) (\(terms()); allowed \(WorkforceNumber.text(allowed))), without the \(listed(names)) row\(names.count == 1 ? "" : "s"), whose figure is not known\(doubt(inDoubt(), of: key))",
                          code: code)
            }
            total.figures[column]?.suspect = true
            failed.insert(column)
        }
        return failed
    }

    /// A part as a total's message names it: a group within an area, else the area.
    private func partName(_ part: SnapshotRow, of total: RowKey) -> String {
        part.key.area == total.area ? part.groupName : part.areaName
    }

    /// "; the Social workers row is itself in doubt", or nothing when no part is.
    private func doubt(_ parts: [SnapshotRow], of total: RowKey) -> String {
        guard !parts.isEmpty else { return "" }
        let names = parts.map { partName($0, of: total) }
        return names.count == 1 ? "; the \(names[0]) row is itself in doubt"
            : "; the \(listed(names)) rows are themselves in doubt"
    }

    /// "A", "A and B", "A, B and C".
    private func listed(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// After a failed sum, the parts are as much in doubt as the total: mark them too.
    private func markingParts(_ parts: [SnapshotRow], failed: Set<SnapshotColumn>) -> [SnapshotRow] {
        var parts = parts
        for column in failed {
            for i in parts.indices { parts[i].figures[column]?.suspect = true }
        }
        return parts
    }
}

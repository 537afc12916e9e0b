import QuorumSupport

/// Puts a snapshot's rows together: each area's groups in display order with its total,
/// and the directorate's groups and grand total. A total the CSV gives is checked against
/// the rows it sums (0.1 FTE allowed per summed row); a total it leaves out is computed.
///
/// As in `SnapshotRowChecks`, a column whose parts are already in doubt is not checked
/// again; its total is marked suspect instead.
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

    /// Checks each column of a given total against the sum of its parts.
    private func checkSum(_ total: inout SnapshotRow, parts: [SnapshotRow], partsName: String, code: String,
                          columns: [SnapshotColumn], log: inout DiagnosticLog) -> Set<SnapshotColumn> {
        var failed: Set<SnapshotColumn> = []
        guard !parts.isEmpty else { return failed }
        for column in columns {
            guard let figure = total.figures[column], let location = reader.location(of: figure) else { continue }
            let partFigures = parts.lazy.compactMap { $0.figures[column] }
            if partFigures.contains(where: \.suspect) {
                total.figures[column]?.suspect = true  // the sum rests on a figure already reported
                continue
            }
            guard !figure.suspect, let value = figure.value else { continue }
            let sum = Figure.sum(partFigures)
            guard let expected = sum.value else { continue }  // no part gives it: nothing to check
            let allowed = SnapshotTotals.perRowTolerance * Double(parts.count)
            let difference = abs(value - expected)
            guard difference > allowed + SnapshotRowChecks.epsilon else { continue }
            let terms = parts.map { "\($0.key.area == total.key.area ? $0.groupName : $0.areaName) \($0.figures[column]?.value.map(WorkforceNumber.text) ?? "–")" }
                .joined(separator: " + ")
            log.error(location,
                      "\(total.label): '\(column.header)' is \(WorkforceNumber.text(value)) but \(partsName) sum to \(WorkforceNumber.text(expected)) (\(terms); difference \(WorkforceNumber.text(difference)); allowed \(WorkforceNumber.text(allowed)))",
                      code: code)
            total.figures[column]?.suspect = true
            failed.insert(column)
        }
        return failed
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

import QuorumContent
import QuorumSupport

/// The outline (pivot) layout of an HR return, read whatever file it comes from (a CSV, a
/// workbook's sheet): the header has an `Area` column and no `Staff group` column, each
/// area's row gives the area's total and is followed by its staff group rows, which carry a
/// group's label instead of an area name, and the grand total comes first or last:
///
/// ```text
/// Area,Budgeted FTE,Employee FTE,...
/// Grand Total for all CSC,350.4,260.3,...
/// Children In Need,139.0,79.0,...
/// Total managers,25.0,13.0,...
/// ```
///
/// This stage turns such records into the tidy records `SnapshotReader` reads (`Staff
/// group`, `Area`, figures), so every check applies unchanged. No cell moves: the `Staff
/// group` cell put in front of each record, and the area name a group row is given, sit at
/// the label's own line and column (or sheet cell), so findings point at the outline itself.
///
/// A label is a staff group when the config's groups name it (`groups:` names and aliases,
/// with `group_label_prefixes:` and `group_label_suffixes:` stripped). Group rows after the
/// grand total row are the directorate's own group totals.
struct OutlineLayout {
    /// Where the labels are: the `Area` column.
    let labelPosition: Int
    private let header: [CSVTable.Cell]

    /// Nil when the header is not an outline's: it has a `Staff group` column, or one spelt
    /// nearly so (a tidy file with a typo, which the reader reports), or no `Area`.
    /// `names` are the header names the snapshot's config knows, its own `columns:` included.
    init?(header: [CSVTable.Cell], names: SnapshotColumnNames) {
        let columns = header.map { names.column(named: $0.text.trimming(.spaces)) }
        guard !columns.contains(.staffGroup), let area = columns.firstIndex(of: .area) else { return nil }
        let staffGroup = SnapshotColumn.staffGroup.header.lowercased()
        guard !header.contains(where: { cell in
            let text = cell.text.trimming(.spaces).lowercased()
            return !text.isEmpty && staffGroup.editDistance(to: text) <= 2
        }) else { return nil }
        labelPosition = area
        self.header = header
    }

    /// What a row's label says it is.
    private enum Label {
        case grandTotal
        case area
        /// `text` is what the tidy `Staff group` cell says: the label, or for a group the
        /// config does not know, the label without its prefix or suffix.
        case group(text: String)
        /// Neither, or both: the row cannot be placed.
        case unplaceable(reason: String)
        case blank
    }

    /// The note that says how the file is read, naming its label column.
    var note: String {
        "the header has an '\(header[labelPosition].text.trimming(.spaces))' column and no 'Staff group' column: read as an outline, where each area's row is its total and the staff group rows after it carry no area name"
    }

    /// The tidy records, header first, of `records` (the outline's, header first, blank
    /// records left out). Rows that cannot be placed are reported and left out.
    func tidyRecords(_ records: [[CSVTable.Cell]], config: WorkforceConfig, file: SourceFile, sheet: String?,
                     log: inout DiagnosticLog) -> [[CSVTable.Cell]] {
        let lineWord = sheet == nil ? "line" : "row"
        func location(_ cell: CSVTable.Cell) -> SourceLocation {
            CellPosition(line: cell.line, column: cell.column).location(in: file.path, sheet: sheet)
        }
        let rows = records.dropFirst().map { record in (record: record, label: labelCell(of: record)) }
        let labels = rows.map { label(of: $0.label.text.trimming(.spaces), config: config) }

        var tidy = [[CSVTable.Cell(text: SnapshotColumn.staffGroup.header, line: header[labelPosition].line,
                                   column: header[labelPosition].column)] + header]
        tidy.reserveCapacity(records.count)
        // The row whose area the group rows that follow belong to; nil before the first, and
        // after a row that could not be placed (its groups cannot be placed either).
        var owner: CSVTable.Cell?
        var skipping = false
        for (index, (record, labelCell)) in rows.enumerated() {
            let label = labelCell.text.trimming(.spaces)
            switch labels[index] {
            case .grandTotal, .area:
                owner = labelCell
                skipping = false
                tidy.append(tidyRecord(record, area: labelCell, group: "Total", at: labelCell))
            case let .group(text):
                if skipping { continue }
                guard let owner else {
                    log.error(location(labelCell),
                              "'\(label)' on \(lineWord) \(labelCell.line) is a staff group row, but no area row comes before it: an outline gives each area's row first, then its staff group rows; it is ignored (labels are read as staff groups through 'groups' and '\(GroupLabelRule.prefixesKey)' in \(WorkforceConfig.path))",
                              code: WorkforceDiagnosticCode.outlineGroupBeforeArea)
                    continue
                }
                tidy.append(tidyRecord(record, area: owner, group: text, at: labelCell))
            case let .unplaceable(reason):
                // The group rows after it: whose they are is as unknown as what this row is.
                let followers = labels[(index + 1)...].prefix { if case .group = $0 { true } else { false } }
                let lines = lineRange(rows[(index + 1)...].prefix(followers.count).map(\.label.line))
                let ignored = switch followers.count {
                case 0: "it is ignored"
                case 1: "it and the staff group row after it (\(lineWord) \(lines)) are ignored"
                default: "it and the \(followers.count) staff group rows after it (\(lineWord)s \(lines)) are ignored"
                }
                log.error(location(labelCell),
                          "cannot tell whether '\(label)' on \(lineWord) \(labelCell.line) is an area or a staff group: \(reason); \(ignored)",
                          code: WorkforceDiagnosticCode.outlineUnknownLabel)
                owner = nil
                skipping = true
            case .blank:
                log.error(location(labelCell),
                          "the row on \(lineWord) \(labelCell.line) has no label in '\(header[labelPosition].text.trimming(.spaces))': each row of an outline names an area or a staff group; it is ignored",
                          code: WorkforceDiagnosticCode.missingCell)
            }
        }
        return tidy
    }

    /// The record with a `Staff group` cell in front and the area's name in the label's place.
    private func tidyRecord(_ record: [CSVTable.Cell], area: CSVTable.Cell, group: String,
                            at label: CSVTable.Cell) -> [CSVTable.Cell] {
        var tidy = [CSVTable.Cell(text: group, line: label.line, column: label.column)]
        tidy.append(contentsOf: record)
        let areaCell = CSVTable.Cell(text: area.text, line: label.line, column: label.column)
        if labelPosition < record.count { tidy[labelPosition + 1] = areaCell }
        return tidy
    }

    /// The label cell; a record too short to have one gets a blank cell just after its last.
    private func labelCell(of record: [CSVTable.Cell]) -> CSVTable.Cell {
        if labelPosition < record.count { return record[labelPosition] }
        let last = record.last!
        return CSVTable.Cell(text: "", line: last.line, column: last.column + last.text.unicodeScalars.count + 1)
    }

    private func label(of text: String, config: WorkforceConfig) -> Label {
        if text.isEmpty { return .blank }
        if config.isGrandTotal(area: text) { return .grandTotal }
        let area = config.area(named: text), group = config.group(named: text)
        switch (area, group) {
        case let (area?, group?):
            return .unplaceable(reason: "it names both the area '\(area.name)' and the staff group '\(group.name)' in \(WorkforceConfig.path); keep it under one of 'areas' and 'groups' only")
        case (_?, nil):
            return .area
        case (nil, _?):
            return .group(text: text)
        case (nil, nil):
            // A prefix or suffix of group labels ("Total ...") marks a group the config lacks
            // (the reader warns about it); else, with no areas configured, any name is an area.
            if config.groupLabels.candidates(WorkforceName.normalised(text)).count > 1 {
                return .group(text: config.groupLabels.stripped(text) ?? text)
            }
            if config.areas.isEmpty { return .area }
            return .unplaceable(reason: "it is neither an area nor a staff group of \(WorkforceConfig.path) (add it under 'areas', or to a group's 'aliases' under 'groups')")
        }
    }

    /// `5`, or `5–7`: the lines of consecutive records.
    private func lineRange(_ lines: [Int]) -> String {
        guard let first = lines.first, let last = lines.last, last != first else { return lines.first.map(String.init) ?? "" }
        return "\(first)–\(last)"
    }
}

import QuorumContent
import QuorumSupport

/// The header names each snapshot column is known by: its own (`SnapshotColumn.header`), the
/// spellings HR exports commonly use (`otherHeaders`), and the council's own, set once under
/// `columns:` in `workforce/config.yaml`:
///
/// ```yaml
/// columns:
///   budgeted_fte: ["Establishment (FTE)", "Posts FTE"]
///   employee_fte: ["Staff in post (FTE)"]
/// ```
///
/// A key is a column's config key (`budgeted_fte`) or header (`Budgeted FTE`). Headers and
/// aliases are matched as `SnapshotColumn.normalisedHeader` makes them (any case, spacing and
/// punctuation but `%`). A spelling names one column only: an alias another column already
/// has, built in or configured, is an error, so no header can be read as two columns.
package struct SnapshotColumnNames: Sendable {
    /// Every spelling, normalised, to the column it names.
    private var byKey: [String: SnapshotColumn] = [:]
    /// Every spelling as written, with its column, built-in ones first in column order:
    /// the candidates for "did you mean".
    private var spellings: [(text: String, column: SnapshotColumn)] = []
    /// The council's own aliases, by column, as written.
    package private(set) var configured: [SnapshotColumn: [String]] = [:]

    package static let key = "columns"

    /// The built-in spellings only.
    package init() {
        for column in SnapshotColumn.allCases {
            for text in [column.header] + column.otherHeaders { add(text, to: column) }
        }
    }

    /// The column a header names, or nil for an unknown header.
    func column(named header: String) -> SnapshotColumn? {
        byKey[SnapshotColumn.normalisedHeader(header)]
    }

    /// The known spelling nearest to an unknown header (at most two edits away, ignoring
    /// case), and its column: the "did you mean" of the unknown-column warning.
    func nearest(to header: String) -> (text: String, column: SnapshotColumn)? {
        let typed = header.lowercased()
        var best: (text: String, column: SnapshotColumn, distance: Int)?
        for spelling in spellings {
            let distance = spelling.text.lowercased().editDistance(to: typed)
            if distance <= 2, distance < best?.distance ?? .max { best = (spelling.text, spelling.column, distance) }
        }
        return best.map { ($0.text, $0.column) }
    }

    private mutating func add(_ text: String, to column: SnapshotColumn) {
        let key = SnapshotColumn.normalisedHeader(text)
        guard byKey[key] == nil else { return }
        byKey[key] = column
        spellings.append((text, column))
    }

    /// Reads `columns:`; each problem is an error at its key, and the alias is not used.
    static func read(_ config: FrontMatter, log: inout DiagnosticLog) -> SnapshotColumnNames {
        var names = SnapshotColumnNames()
        guard let mapping = config.mapping(key, log: &log) else { return names }
        /// Where each configured alias was set, to name the first claim when a second is refused.
        var claims: [String: (column: SnapshotColumn, line: Int)] = [:]
        for name in mapping.keys {
            let typed = SnapshotColumn.normalisedHeader(name)
            guard let column = SnapshotColumn.allCases.first(where: {
                SnapshotColumn.normalisedHeader($0.configKey) == typed || SnapshotColumn.normalisedHeader($0.header) == typed
            }) else {
                let known = SnapshotColumn.allCases.map(\.configKey)
                let hint = known.first { $0.editDistance(to: name.lowercased()) <= 2 }.map { " (did you mean '\($0)'?)" } ?? ""
                log.error(mapping.keyLocation(name),
                          "'\(name)' under '\(key)' is not one of Quorum's columns\(hint); they are: \(known.joined(separator: ", "))",
                          code: WorkforceDiagnosticCode.configColumn)
                continue
            }
            let location = mapping.location(of: name)
            for alias in mapping.stringList(name, log: &log) ?? [] {
                let aliasKey = SnapshotColumn.normalisedHeader(alias)
                if aliasKey.isEmpty {
                    log.error(location, "the alias '\(alias)' of '\(name)' has no letter or digit to match a header by",
                              code: WorkforceDiagnosticCode.configColumn)
                } else if let claim = claims[aliasKey], claim.column != column {
                    log.error(location,
                              "the alias '\(alias)' is claimed by two columns: '\(claim.column.configKey)' (line \(claim.line)) and '\(column.configKey)'; a header can name one column only",
                              code: WorkforceDiagnosticCode.configColumn)
                } else if let builtIn = names.byKey[aliasKey], builtIn != column, claims[aliasKey] == nil {
                    log.error(location,
                              "the alias '\(alias)' of '\(column.configKey)' is already a header of '\(builtIn.configKey)' ('\(builtIn.header)'); a header can name one column only",
                              code: WorkforceDiagnosticCode.configColumn)
                } else if claims[aliasKey] == nil {
                    claims[aliasKey] = (column, location.line)
                    names.add(alias, to: column)
                    names.configured[column, default: []].append(alias)
                }
            }
        }
        return names
    }
}

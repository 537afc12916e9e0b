import Foundation

/// A snapshot written back as the tidy CSV `workforce/snapshots/` reads, whatever file it was
/// read from (`quorum snapshots normalize`): a reviewable, diffable copy of what Quorum read.
///
/// - The header is Quorum's own column names (`SnapshotColumn.header`): the required columns,
///   then every other column the file gave a figure in, in `SnapshotColumn` order.
/// - One row per row of the file, in report order (each area in the config's order, its
///   groups then its total; then the directorate's rows). Rows Quorum computed (a total the
///   file left out) are not written: reading the CSV back computes them again.
/// - Areas and groups by the names reports use (the config's names; a name the config does
///   not know as the file spelled it; "Total" for a total row).
/// - Each figure as the number Quorum read, with as many decimal places as were typed
///   (`6.0` stays `6.0`), so that reading the CSV back gives the same numbers, bit for bit,
///   and the same rounding allowances. Typed rates always end in `%` (`25.67%`, whether
///   the source said `25.67` or was a `0.0%` cell of a workbook holding 0.2567). A figure
///   not given is an empty cell.
package enum TidySnapshotCSV {
    package static func text(of snapshot: Snapshot) -> String {
        let rows = snapshot.rows.filter { !$0.isComputed }
        let given = Set(rows.flatMap(\.figures.columns))
        let columns = SnapshotColumn.numericColumns.filter { $0.isRequired || given.contains($0) }
        var lines = [([SnapshotColumn.area.header, SnapshotColumn.staffGroup.header] + columns.map(\.header))
            .map(field).joined(separator: ",")]
        lines.reserveCapacity(rows.count + 1)
        for row in rows {
            let figures = columns.map { column in row.figures[column].map { text(of: $0, column: column) } ?? "" }
            lines.append(([row.areaName, row.groupName].map(field) + figures).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A figure as it is written: nothing when not given.
    static func text(of figure: Figure, column: SnapshotColumn) -> String {
        guard let value = figure.value else { return "" }
        return number(value, decimals: figure.decimals) + (column.isTypedRate ? "%" : "")
    }

    /// `value` with `decimals` places when that reads back as the same number, else the
    /// shortest text that does; never in exponent form, which a snapshot cell cannot hold.
    static func number(_ value: Double, decimals: Int) -> String {
        if decimals <= 17 {
            let fixed = String(format: "%.\(decimals)f", value)
            if Double(fixed) == value { return fixed }
        }
        let shortest = "\(value)"
        if !shortest.contains("e"), !shortest.contains("E") { return shortest }
        for places in 0...40 {
            let fixed = String(format: "%.\(places)f", value)
            if Double(fixed) == value { return fixed }
        }
        return String(format: "%.40f", value)
    }

    /// A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

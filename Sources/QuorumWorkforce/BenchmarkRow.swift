import QuorumSupport

/// One row of the DfE indicators: a year and a geography (England, a region or a council).
package struct BenchmarkRow: Sendable, Hashable {
    package enum Level: String, Sendable, Hashable {
        case national = "National"
        case regional = "Regional"
        case localAuthority = "Local authority"
    }

    /// The census year: stock at 30 September of this year.
    package let year: Int
    package let level: Level
    /// "England", the region ("Outer London") or the council ("Bromley"), as the file spells it.
    package let name: String
    package let regionName: String?
    /// Council codes (`old_la_code` e.g. 305, `new_la_code` e.g. E09000006); nil above council level.
    package let oldCode: String?
    package let newCode: String?
    package let location: SourceLocation
    let values: [BenchmarkColumn: Double]
    let cells: [BenchmarkColumn: SourceLocation]

    /// A published figure; nil where the file leaves it empty (not available).
    package func value(_ column: BenchmarkColumn) -> Double? { values[column] }

    /// The published figure for one of Quorum's measures, as the DfE publishes it (rates
    /// in percent). Days lost per FTE is not published; it is derived from two columns.
    package func value(of measure: Measure) -> Double? {
        if measure == .daysLostPerFTE {
            guard let days = values[.workingDaysLostFTE], let fte = values[.inpostFTE], fte != 0 else { return nil }
            return days / fte
        }
        return BenchmarkColumn.published(measure).flatMap { values[$0] }
    }

    func location(of column: BenchmarkColumn) -> SourceLocation { cells[column] ?? location }
}

import QuorumSupport

/// Checks the published rates of a benchmarks file against the file's own columns.
///
/// Every figure in the file is rounded to one decimal place, so a rate is recomputed as the
/// range its rounded inputs allow (each FTE input ±0.05; case counts are exact) and must
/// meet the published value's own range (±0.05). Outside that, the published figure is not
/// what its columns say: a warning at the published cell.
extension BenchmarkTable {
    package struct Mismatch: Sendable, Hashable {
        package let row: BenchmarkRow
        package let measure: Measure
        package let published: Double
        /// Recomputed from the unrounded-as-published inputs.
        package let recomputed: Double
        package let location: SourceLocation
    }

    /// The measures whose published rate can be recomputed, with their columns.
    static let recomputable: [(measure: Measure, published: BenchmarkColumn, numerator: BenchmarkColumn,
                               denominator: [BenchmarkColumn])] = [
        (.vacancyRate, .vacancyRateFTE, .vacancyFTE, [.vacancyFTE, .inpostFTE]),
        (.agencyRate, .agencyRateFTE, .agencyFTE, [.agencyFTE, .inpostFTE]),
        (.turnoverRate, .turnoverRateFTE, .leaversFTE, [.inpostFTE]),
        (.caseload, .caseloadFTE, .cases, [.caseHoldersFTE]),
    ]

    static let rounding = 0.05

    package func recomputeCheck(log: inout DiagnosticLog) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for row in rows {
            for check in BenchmarkTable.recomputable {
                guard let published = row.value(check.published),
                      let numerator = row.value(check.numerator) else { continue }
                let parts = check.denominator.compactMap { row.value($0) }
                guard parts.count == check.denominator.count else { continue }
                guard let range = BenchmarkTable.range(numerator: numerator, denominator: parts,
                                                       numeratorIsCount: check.numerator == .cases,
                                                       numeratorInDenominator: check.denominator.contains(check.numerator))
                else { continue }
                let scale = check.measure == .caseload ? 1.0 : 100.0
                let low = range.low * scale, high = range.high * scale
                let tolerance = BenchmarkTable.rounding + 1e-9
                guard published + tolerance < low || published - tolerance > high else { continue }
                let recomputed = numerator / parts.reduce(0, +) * scale
                let place = row.location(of: check.published)
                let inputs = ([check.numerator] + check.denominator.filter { $0 != check.numerator })
                    .map { "\($0.rawValue) \(WorkforceNumber.text(row.value($0)!))" }.joined(separator: ", ")
                log.warning(place,
                            "\(row.name) \(row.year): published \(check.published.rawValue) is \(WorkforceNumber.text(published)) but the row's own figures (\(inputs)) give \(WorkforceNumber.text(recomputed)) (\(WorkforceNumber.text(low)) to \(WorkforceNumber.text(high)) allowing for rounding)",
                            code: WorkforceDiagnosticCode.benchmarkRateMismatch)
                mismatches.append(Mismatch(row: row, measure: check.measure, published: published,
                                           recomputed: recomputed, location: place))
            }
        }
        return mismatches
    }

    /// The lowest and highest value of numerator / sum(denominator) over the rounding of
    /// the inputs; nil when the denominator is zero.
    static func range(numerator: Double, denominator: [Double], numeratorIsCount: Bool,
                      numeratorInDenominator: Bool) -> (low: Double, high: Double)? {
        let total = denominator.reduce(0, +)
        guard total > 0 else { return nil }
        let h = rounding
        let n = numeratorIsCount ? 0 : h
        // Other denominator terms (those that are not the numerator) each move by ±h.
        let others = Double(denominator.count - (numeratorInDenominator ? 1 : 0)) * h
        let rest = total - (numeratorInDenominator ? numerator : 0)
        func ratio(_ top: Double, _ restOfBottom: Double) -> Double {
            let bottom = (numeratorInDenominator ? top : 0) + restOfBottom
            return bottom <= 0 ? .infinity : max(0, top) / bottom
        }
        let low = ratio(max(0, numerator - n), rest + others)
        let high = ratio(numerator + n, max(0, rest - others))
        return (low, high)
    }
}

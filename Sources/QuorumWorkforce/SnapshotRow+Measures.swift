/// Computes every measure of a row from its figures (never from the typed rates).
extension SnapshotRow {
    /// The measure from the figures alone (`measure(_:)` adds the row's `inDoubt`).
    func compute(_ measure: Measure) -> MeasureValue {
        switch measure {
        case .budgetedFTE: return plain(.budgetedFTE)
        case .employeeFTE: return plain(.employeeFTE)
        case .agencyFTE: return plain(.agencyFTE)
        case .headcount: return plain(.headcount)
        case .startersFTE: return plain(.startersFTE)
        case .leaversFTE: return plain(.leaversFTE)
        case .asye: return plain(.asye)
        case .vacantFTE:
            // Budgeted − employees, not the typed vacant figure.
            return combine(.budgetedFTE, .employeeFTE) { b, e in b - e }
        case .vacancyRate:
            return ratio(.budgetedFTE, .employeeFTE, zero: "'Budgeted FTE' is 0") { b, e in ((b - e) * 100, b) }
        case .agencyRate:
            // DfE: agency / (agency + employees), not agency / budget.
            return ratio(.agencyFTE, .employeeFTE, zero: "no agency or employee FTE") { a, e in (a * 100, a + e) }
        case .turnoverRate:
            return ratio(.leaversFTE, .employeeFTE, zero: "'Employee FTE' is 0") { l, e in (l * 100, e) }
        case .caseload:
            return ratio(.cases, .caseHoldersFTE, zero: "'Case holders FTE' is 0") { c, h in (c, h) }
        case .daysLostPerFTE:
            return ratio(.daysLost, .employeeFTE, zero: "'Employee FTE' is 0") { d, e in (d, e) }
        }
    }

    /// A figure, or why there is none.
    private func input(_ column: SnapshotColumn) -> (value: Double?, suspect: Bool, reason: String?) {
        guard let figure = figures[column] else { return (nil, false, "the snapshot has no '\(column.header)' column") }
        if let value = figure.value { return (value, figure.suspect, nil) }
        if figure.suspect {
            return (nil, true, figure.isComputed ? "'\(column.header)' of a row it sums could not be read"
                                                 : "'\(column.header)' could not be read")
        }
        return (nil, false, "'\(column.header)' is not given")
    }

    private func plain(_ column: SnapshotColumn) -> MeasureValue {
        let x = input(column)
        return MeasureValue(value: x.value, suspect: x.suspect, unavailableReason: x.reason)
    }

    private func combine(_ a: SnapshotColumn, _ b: SnapshotColumn, _ f: (Double, Double) -> Double) -> MeasureValue {
        let x = input(a), y = input(b)
        let suspect = x.suspect || y.suspect
        guard let xv = x.value, let yv = y.value else {
            return .unavailable(x.reason ?? y.reason ?? "not available", suspect: suspect)
        }
        return MeasureValue(value: f(xv, yv), suspect: suspect)
    }

    /// `parts` gives numerator and denominator; a zero denominator means "not available".
    private func ratio(_ a: SnapshotColumn, _ b: SnapshotColumn, zero: String,
                       _ parts: (Double, Double) -> (Double, Double)) -> MeasureValue {
        let x = input(a), y = input(b)
        let suspect = x.suspect || y.suspect
        guard let xv = x.value, let yv = y.value else {
            return .unavailable(x.reason ?? y.reason ?? "not available", suspect: suspect)
        }
        let (numerator, denominator) = parts(xv, yv)
        guard denominator != 0 else { return .unavailable(zero, suspect: suspect) }
        return MeasureValue(value: numerator / denominator, suspect: suspect)
    }
}

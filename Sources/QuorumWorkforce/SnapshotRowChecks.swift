import QuorumSupport

/// The checks within one row: vacant FTE against budget − employees, typed rates against
/// their figures, and the warnings about over establishment and agency cover.
///
/// Checks do not hide each other: a check runs whenever its figures are given, also when one
/// of them is already in doubt (an earlier check failed), and its message then says so; two
/// failed checks that share a figure point at it. A figure that is not known (unreadable,
/// missing, out of range) cannot be checked; its own message names it. Every figure a failed
/// check involves is marked suspect, because the file does not say which of them is wrong.
enum SnapshotRowChecks {
    /// Vacant FTE may differ from budgeted − employees by this much (one decimal place).
    static let fteTolerance = 0.1
    /// A typed rate may differ from the recomputed one by this many percentage points.
    static let rateTolerance = 0.1
    /// Absorbs binary floating point error in comparisons of decimal figures.
    static let epsilon = 1e-9

    /// `reader` read the row: it knows where the cells are and what they said.
    static func check(_ row: inout SnapshotRow, reader: SnapshotReader, log: inout DiagnosticLog) {
        checkVacant(&row, reader: reader, log: &log)
        checkRate(.vacancyRate, of: &row, reader: reader, log: &log)
        checkRate(.agencyRate, of: &row, reader: reader, log: &log)
        warnAboutEstablishment(row, reader: reader, log: &log)
    }

    /// The values of the columns, when each is given.
    private static func given(_ row: SnapshotRow, _ columns: SnapshotColumn...) -> [Double]? {
        let values = columns.compactMap { row.figures[$0]?.value }
        return values.count == columns.count ? values : nil
    }

    /// "; 'Employee FTE' is itself in doubt", for the other figures of a check that are
    /// already in doubt; or nothing.
    private static func doubt(_ row: SnapshotRow, _ columns: [SnapshotColumn]) -> String {
        let names = columns.filter { row.figures[$0]?.suspect == true }.map { "'\($0.header)'" }
        switch names.count {
        case 0: return ""
        case 1: return "; \(names[0]) is itself in doubt"
        default: return "; \(names.dropLast().joined(separator: ", ")) and \(names.last!) are themselves in doubt"
        }
    }

    static func checkVacant(_ row: inout SnapshotRow, reader: SnapshotReader, log: inout DiagnosticLog) {
        guard let v = given(row, .budgetedFTE, .employeeFTE, .vacantFTE),
              let location = row.figures[.vacantFTE].flatMap(reader.location(of:)) else { return }
        let (budgeted, employees, vacant) = (v[0], v[1], v[2])
        let expected = budgeted - employees
        let difference = abs(vacant - expected)
        guard difference > fteTolerance + epsilon else { return }
        log.error(location,
                  "\(row.label): 'Vacant FTE' is \(n(vacant)) but 'Budgeted FTE' \(n(budgeted)) − 'Employee FTE' \(n(employees)) = \(n(expected)) (difference \(n(difference)) FTE; allowed \(n(fteTolerance)))\(doubt(row, [.budgetedFTE, .employeeFTE]))",
                  code: WorkforceDiagnosticCode.vacantMismatch)
        row.markSuspect([.budgetedFTE, .employeeFTE, .vacantFTE])
    }

    /// Recomputes a typed rate from the row's own figures and compares.
    static func checkRate(_ column: SnapshotColumn, of row: inout SnapshotRow, reader: SnapshotReader,
                          log: inout DiagnosticLog) {
        guard let typed = row.figures[column], let t = typed.value, let location = reader.location(of: typed) else { return }
        let inputs: [SnapshotColumn]
        let recomputed: Double
        // Only written into a message, so only worked out for one.
        let formula: () -> String
        switch column {
        case .vacancyRate:
            inputs = [.budgetedFTE, .employeeFTE]
            guard let v = given(row, .budgetedFTE, .employeeFTE), v[0] != 0 else { return }
            recomputed = (v[0] - v[1]) / v[0] * 100
            formula = { "(\(n(v[0])) − \(n(v[1]))) / \(n(v[0]))" }
        case .agencyRate:
            inputs = [.agencyFTE, .employeeFTE]
            guard let v = given(row, .agencyFTE, .employeeFTE), v[0] + v[1] != 0 else { return }
            recomputed = v[0] / (v[0] + v[1]) * 100
            formula = { "\(n(v[0])) / (\(n(v[0])) + \(n(v[1])))" }
        default:
            return
        }
        let allowed = allowance(decimals: typed.decimals)
        guard abs(t - recomputed) > allowed + epsilon else { return }

        // A fraction typed where a percentage belongs (0.174 for 17.4%): the figures are fine.
        let asFraction = t * 100
        if !typed.percentSign, t <= 1, abs(asFraction - recomputed) <= allowance(decimals: typed.decimals - 2) + epsilon {
            log.error(location,
                      "\(row.label): '\(column.header)' is \(reader.typedText(column, of: row).trimming(.spaces)), a fraction; as a percentage it is \(n(asFraction))%, which matches \(formula()) = \(n(recomputed))%. Type rates as percentages",
                      code: WorkforceDiagnosticCode.rateAsFraction)
            row.markSuspect([column])
            return
        }
        log.error(location,
                  "\(row.label): '\(column.header)' is \(n(t))% but \(formula()) = \(n(recomputed))% (difference \(n(abs(t - recomputed))) percentage points; allowed \(n(allowed)))\(doubt(row, inputs))",
                  code: WorkforceDiagnosticCode.rateMismatch)
        row.markSuspect([column] + inputs)
    }

    /// The allowance for a rate typed with `decimals` places: 0.1 points, or half the last
    /// typed place when that is coarser (a rate typed "17%" stands for 16.5 to 17.5).
    static func allowance(decimals: Int) -> Double {
        max(rateTolerance, 0.5 * pow10(-decimals))
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }

    static func warnAboutEstablishment(_ row: SnapshotRow, reader: SnapshotReader, log: inout DiagnosticLog) {
        guard let budgeted = row.figures[.budgetedFTE]?.value, let employees = row.figures[.employeeFTE]?.value,
              let location = row.figures[.employeeFTE].flatMap(reader.location(of:)) else { return }
        let vacant = budgeted - employees
        if vacant < -epsilon {
            log.warning(location,
                        "\(row.label): over establishment: 'Employee FTE' \(n(employees)) is above 'Budgeted FTE' \(n(budgeted)) (vacant \(n(vacant)) FTE)",
                        code: WorkforceDiagnosticCode.overEstablishment)
        }
        if let agency = row.figures[.agencyFTE]?.value, let agencyLocation = row.figures[.agencyFTE].flatMap(reader.location(of:)),
           agency > max(vacant, 0) + epsilon {
            log.warning(agencyLocation,
                        "\(row.label): 'Agency FTE' \(n(agency)) is above the vacant FTE \(n(vacant)) ('Budgeted FTE' \(n(budgeted)) − 'Employee FTE' \(n(employees))): agency workers usually cover vacancies",
                        code: WorkforceDiagnosticCode.agencyAboveVacant)
        }
    }

    private static func n(_ value: Double) -> String { WorkforceNumber.text(value) }
}

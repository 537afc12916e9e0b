import Foundation
import QuorumContent
import QuorumSupport

/// The range a figure of each snapshot column can plausibly hold. A cell outside it (a
/// negative establishment, `1e300`, a pasted 400-digit number) is an error at the cell and
/// its figure is left out, as an unreadable one is: no rate, total or chart is made from it.
///
/// FTE figures and counts are never negative, except Vacant FTE (negative when a row is
/// over establishment). Each has a ceiling, set in `workforce/config.yaml` under `limits:`
/// and by default more than any directorate has. Typed rates are percentages: the agency
/// rate is 0 to 100, the vacancy rate at most 100 (negative when over establishment, but
/// not below -1,000: eleven employees to a post is a typing slip, not a team).
package struct FigureLimits: Sendable, Equatable {
    /// The largest figure each limited column may hold.
    package var ceilings: [SnapshotColumn: Double] { didSet { slotCeilings = FigureLimits.bySlot(ceilings) } }
    /// The same by `figureSlot`: looked up for every cell, so not hashed.
    private var slotCeilings: [Double]

    package static let key = "limits"
    static let fteCeiling = 100_000.0
    static let lowestVacancyRate = -1_000.0

    package init(ceilings: [SnapshotColumn: Double] = FigureLimits.defaultCeilings) {
        self.ceilings = ceilings
        slotCeilings = FigureLimits.bySlot(ceilings)
    }

    private static func bySlot(_ ceilings: [SnapshotColumn: Double]) -> [Double] {
        var slots = Array(repeating: Double.infinity, count: SnapshotColumn.numericColumns.count)
        for (column, ceiling) in ceilings { if let slot = column.figureSlot { slots[slot] = ceiling } }
        return slots
    }

    package static let defaultCeilings: [SnapshotColumn: Double] = [
        .budgetedFTE: fteCeiling, .employeeFTE: fteCeiling, .vacantFTE: fteCeiling, .agencyFTE: fteCeiling,
        .startersFTE: fteCeiling, .leaversFTE: fteCeiling, .caseHoldersFTE: fteCeiling,
        .headcount: 100_000, .asye: 100_000, .cases: 1_000_000, .daysLost: 10_000_000,
    ]

    /// A limit that is broken: what to say, and the rule's code.
    struct Breach {
        let message: String
        let code: String
    }

    /// Nil when `value` is plausible for `column`; `typed` is the cell as written.
    func breach(_ value: Double, column: SnapshotColumn, typed: String) -> Breach? {
        // Only a breach shows the cell, and nearly every cell is plausible: not worked out before.
        var shown: String { FigureLimits.shortened(typed) }
        if column.isTypedRate {
            let lowest = column == .vacancyRate ? FigureLimits.lowestVacancyRate : 0
            guard value.isFinite, value >= lowest, value <= 100 else {
                return Breach(message: "'\(column.header)' is \(shown), but a rate is a percentage from \(WorkforceNumber.text(lowest)) to 100",
                              code: WorkforceDiagnosticCode.rateOutOfRange)
            }
            return nil
        }
        let ceiling = column.figureSlot.map { slotCeilings[$0] } ?? .infinity
        // `!(value <= ceiling)` also catches NaN.
        guard value.isFinite, value <= ceiling else {
            return Breach(message: "'\(column.header)' is \(shown), above the limit of \(FigureLimits.text(ceiling)) (set '\(column.configKey)' under '\(FigureLimits.key)' in \(WorkforceConfig.path) if the figure is real)",
                          code: WorkforceDiagnosticCode.figureTooLarge)
        }
        guard value >= 0 else {
            guard column == .vacantFTE else {
                return Breach(message: "'\(column.header)' is \(shown); it cannot be negative",
                              code: WorkforceDiagnosticCode.negativeFigure)
            }
            // Negative vacant FTE is over establishment: a warning, unless it is beyond belief.
            guard -value <= ceiling else {
                return Breach(message: "'\(column.header)' is \(shown), below the limit of -\(FigureLimits.text(ceiling)) (set '\(column.configKey)' under '\(FigureLimits.key)' in \(WorkforceConfig.path) if the figure is real)",
                              code: WorkforceDiagnosticCode.figureTooLarge)
            }
            return nil
        }
        return nil
    }

    /// Reads `limits:` of the config: a number above zero for any limited column.
    static func read(_ config: FrontMatter, log: inout DiagnosticLog) -> FigureLimits {
        var limits = FigureLimits()
        guard let mapping = config.mapping(key, log: &log) else { return limits }
        let columns = defaultCeilings.keys.sorted { $0.figureSlot ?? 0 < $1.figureSlot ?? 0 }
        mapping.warnAboutUnknownKeys(allowed: Set(columns.map(\.configKey)), log: &log)
        for column in columns {
            guard let text = mapping.string(column.configKey, log: &log) else { continue }
            guard let value = CellValue(text).number, value.isFinite, value > 0 else {
                log.error(mapping.location(of: column.configKey),
                          "'\(column.configKey)' must be a number above 0, not '\(text)'",
                          code: WorkforceDiagnosticCode.configLimit)
                continue
            }
            limits.ceilings[column] = value
        }
        return limits
    }

    /// `100,000`
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? LocaleDecimal.format(value, places: 0) : WorkforceNumber.text(value)
    }

    /// The cell as typed, cut short when it is long (a pasted 400-digit number).
    static func shortened(_ typed: String) -> String {
        let text = typed.trimmingCharacters(in: .whitespaces)
        return text.count <= 24 ? text : "\(text.prefix(20))… (\(text.count) characters)"
    }
}

extension SnapshotColumn {
    /// The column's key in `workforce/config.yaml`: `budgeted_fte`, `cases`, `days_lost`.
    var configKey: String {
        switch self {
        case .area: "area"
        case .staffGroup: "staff_group"
        case .budgetedFTE: "budgeted_fte"
        case .employeeFTE: "employee_fte"
        case .vacantFTE: "vacant_fte"
        case .vacancyRate: "vacancy_rate"
        case .agencyFTE: "agency_fte"
        case .agencyRate: "agency_rate"
        case .headcount: "headcount"
        case .startersFTE: "starters_fte"
        case .leaversFTE: "leavers_fte"
        case .cases: "cases"
        case .caseHoldersFTE: "case_holders_fte"
        case .daysLost: "days_lost"
        case .asye: "asye"
        }
    }
}

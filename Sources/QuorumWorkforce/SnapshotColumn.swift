/// A column of a snapshot file, as HR exports it.
///
/// Headers are matched ignoring case, spaces and punctuation other than `%`, so
/// `Vacancy Rate (%)`, `vacancy rate %` and `VacancyRate%` are one column.
package enum SnapshotColumn: String, Sendable, CaseIterable, Hashable {
    case area
    case staffGroup
    case budgetedFTE
    case employeeFTE
    case vacantFTE
    case vacancyRate
    case agencyFTE
    case agencyRate
    case headcount
    case startersFTE
    case leaversFTE
    case cases
    case caseHoldersFTE
    case daysLost
    case asye

    /// The header as HR exports it, used in messages.
    package var header: String {
        switch self {
        case .area: "Area"
        case .staffGroup: "Staff group"
        case .budgetedFTE: "Budgeted FTE"
        case .employeeFTE: "Employee FTE"
        case .vacantFTE: "Vacant FTE"
        case .vacancyRate: "Vacancy rate %"
        case .agencyFTE: "Agency FTE"
        case .agencyRate: "Agency %"
        case .headcount: "Headcount"
        case .startersFTE: "Starters FTE"
        case .leaversFTE: "Leavers FTE"
        case .cases: "Cases"
        case .caseHoldersFTE: "Case holders FTE"
        case .daysLost: "Days lost"
        case .asye: "ASYE"
        }
    }

    /// Other spellings seen in exports, besides `header`. Only names that cannot mean
    /// anything else: `Budget` (money?), `Starters` (a headcount?) or `Caseload` (cases per
    /// worker) are left for a council to map under `columns:` (`SnapshotColumnNames`).
    var otherHeaders: [String] {
        switch self {
        case .area: ["Service area", "Team"]
        case .staffGroup: ["Group", "Staff type", "Staff category"]
        case .budgetedFTE: ["Budget FTE", "Budgeted establishment FTE", "Establishment FTE", "Funded FTE"]
        case .employeeFTE: ["Employees FTE", "FTE in post", "Staff in post FTE", "Filled FTE"]
        case .vacantFTE: ["Vacancies FTE", "Vacancy FTE", "Vacant posts FTE"]
        case .vacancyRate: ["Vacancy %", "Vacancy rate", "% vacant", "Vacancy percentage"]
        case .agencyFTE: ["Agency staff FTE", "Agency workers FTE", "Agency worker FTE"]
        case .agencyRate: ["Agency rate %", "Agency rate", "% agency", "Agency percentage"]
        case .headcount: ["Head count"]
        case .startersFTE: ["New starters FTE"]
        case .caseHoldersFTE: ["Case holding FTE"]
        case .daysLost: ["Days lost to sickness", "Sickness days lost"]
        case .asye: ["ASYEs"]
        default: []
        }
    }

    /// Columns every snapshot must have.
    package var isRequired: Bool {
        switch self {
        case .area, .staffGroup, .budgetedFTE, .employeeFTE, .vacantFTE, .vacancyRate, .agencyFTE, .agencyRate: true
        default: false
        }
    }

    /// Figures every row must give (typed rates may be left out: Quorum recomputes them).
    var isRequiredFigure: Bool {
        switch self {
        case .budgetedFTE, .employeeFTE, .vacantFTE, .agencyFTE: true
        default: false
        }
    }

    /// Typed percentages: checked against their figures, never summed, never used.
    var isTypedRate: Bool { self == .vacancyRate || self == .agencyRate }

    /// Numbers that add up: group rows to area totals, area totals to the grand total.
    var isSummed: Bool { self != .area && self != .staffGroup && !isTypedRate }

    var isNumeric: Bool { self != .area && self != .staffGroup }

    /// The numeric columns, in `allCases` order.
    static let numericColumns = allCases.filter(\.isNumeric)

    /// The column's place in `numericColumns` (nil for the name columns): `SnapshotFigures`
    /// and the reader index by it instead of hashing a column for every cell.
    var figureSlot: Int? {
        switch self {
        case .area, .staffGroup: nil
        case .budgetedFTE: 0
        case .employeeFTE: 1
        case .vacantFTE: 2
        case .vacancyRate: 3
        case .agencyFTE: 4
        case .agencyRate: 5
        case .headcount: 6
        case .startersFTE: 7
        case .leaversFTE: 8
        case .cases: 9
        case .caseHoldersFTE: 10
        case .daysLost: 11
        case .asye: 12
        }
    }

    /// The column a header names by its built-in spellings, or nil (the reader also knows
    /// the council's own: `WorkforceConfig.columnNames`).
    static func matching(_ header: String) -> SnapshotColumn? {
        builtInNames.column(named: header)
    }

    /// Worked out once, not for every header of every snapshot.
    static let builtInNames = SnapshotColumnNames()

    static func normalisedHeader(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "%"
        }.map(Character.init))
    }
}

/// Something Quorum reports about a snapshot row, always recomputed from the row's figures
/// (typed rates are only checked, never used).
///
/// Definitions are the Department for Education's (children's social work workforce
/// statistics): vacant FTE = budgeted − employees; vacancy rate = vacant / budgeted;
/// agency rate = agency / (agency + employees); turnover = leavers / employees;
/// caseload = cases / case-holding FTE; absence = days lost per employee FTE.
package enum Measure: String, Sendable, Hashable, CaseIterable {
    case budgetedFTE = "budgeted_fte"
    case employeeFTE = "employee_fte"
    case vacantFTE = "vacant_fte"
    case agencyFTE = "agency_fte"
    case headcount
    case startersFTE = "starters_fte"
    case leaversFTE = "leavers_fte"
    case asye
    case vacancyRate = "vacancy_rate"
    case agencyRate = "agency_rate"
    case turnoverRate = "turnover_rate"
    case caseload
    case daysLostPerFTE = "days_lost_per_fte"

    package enum Unit: String, Sendable {
        case fte, count, percent, casesPerWorker, daysPerFTE
    }

    /// The name a report prints, e.g. "Agency rate".
    package var name: String {
        switch self {
        case .budgetedFTE: "Budgeted FTE"
        case .employeeFTE: "Employee FTE"
        case .vacantFTE: "Vacant FTE"
        case .agencyFTE: "Agency FTE"
        case .headcount: "Headcount"
        case .startersFTE: "Starters FTE"
        case .leaversFTE: "Leavers FTE"
        case .asye: "ASYE social workers"
        case .vacancyRate: "Vacancy rate"
        case .agencyRate: "Agency rate"
        case .turnoverRate: "Turnover rate"
        case .caseload: "Average caseload"
        case .daysLostPerFTE: "Days lost per FTE"
        }
    }

    package var unit: Unit {
        switch self {
        case .budgetedFTE, .employeeFTE, .vacantFTE, .agencyFTE, .startersFTE, .leaversFTE: .fte
        case .headcount, .asye: .count
        case .vacancyRate, .agencyRate, .turnoverRate: .percent
        case .caseload: .casesPerWorker
        case .daysLostPerFTE: .daysPerFTE
        }
    }

    /// The direction that is good news unless a target in the config says otherwise.
    package var defaultPolarity: Polarity {
        switch self {
        case .vacantFTE, .agencyFTE, .leaversFTE, .vacancyRate, .agencyRate, .turnoverRate, .caseload,
             .daysLostPerFTE: .lowerIsBetter
        case .employeeFTE: .higherIsBetter
        case .budgetedFTE, .headcount, .startersFTE, .asye: .neutral
        }
    }

    /// What a change is measured in: percentage points for rates, else the measure's unit.
    package var changeUnit: String {
        switch unit {
        case .percent: "percentage points"
        case .fte: "FTE"
        case .count: ""
        case .casesPerWorker: "cases per worker"
        case .daysPerFTE: "days per FTE"
        }
    }
}

/// A numeric column of the DfE children's social work workforce indicators file
/// (`csww_indicators_2017_to_2025.csv`), named as in its header.
package enum BenchmarkColumn: String, Sendable, Hashable, CaseIterable {
    case inpostFTE = "inpost_fte"
    case inpostHeadcount = "inpost_headcount"
    case startersFTE = "starters_fte"
    case startersHeadcount = "starters_headcount"
    case leaversFTE = "leavers_fte"
    case leaversHeadcount = "leavers_headcount"
    case turnoverRateFTE = "turnover_rate_fte"
    case turnoverRateHeadcount = "turnover_rate_headcount"
    case agencyFTE = "agency_fte"
    case agencyHeadcount = "agency_headcount"
    case agencyRateFTE = "agency_rate_fte"
    case agencyRateHeadcount = "agency_rate_headcount"
    case agencyCoverFTE = "agency_cover_fte"
    case agencyCoverRateFTE = "agency_cover_rate_fte"
    case vacancyFTE = "vacancy_fte"
    case vacancyRateFTE = "vacancy_rate_fte"
    case vacancyAgencyCoverRateFTE = "vacancy_agency_cover_rate_fte"
    case caseHoldersFTE = "case_holders_fte"
    case cases
    case caseloadFTE = "caseload_fte"
    case workingDaysLostFTE = "working_days_lost_fte"
    case absenceRateFTE = "absence_rate_fte"

    /// The published column that holds a measure, for the measures the DfE publishes.
    package static func published(_ measure: Measure) -> BenchmarkColumn? {
        switch measure {
        case .employeeFTE: .inpostFTE
        case .headcount: .inpostHeadcount
        case .vacantFTE: .vacancyFTE
        case .agencyFTE: .agencyFTE
        case .startersFTE: .startersFTE
        case .leaversFTE: .leaversFTE
        case .vacancyRate: .vacancyRateFTE
        case .agencyRate: .agencyRateFTE
        case .turnoverRate: .turnoverRateFTE
        case .caseload: .caseloadFTE
        case .budgetedFTE, .asye, .daysLostPerFTE: nil
        }
    }
}

import Foundation
import QuorumContent
import QuorumSupport

/// One line of a scenario's `changes:`: what happens, from which month, for how many months,
/// and to which area and staff group.
package struct ScenarioChange: Sendable {
    package enum Kind: Sendable, Hashable {
        /// Starters, in FTE a month, into the group and area (e.g. an ASYE cohort).
        case recruit(fte: Double)
        /// Agency FTE made permanent a month: agency FTE down, employee FTE up by the same.
        case convert(fte: Double)
        /// A change to the area's annual staffing budget, in pounds (negative for a cut),
        /// from the change's month on (`for_months` does not apply).
        case budgetChange(pounds: Double)
        /// A change to the budgeted FTE of the group and area, from the change's month on.
        case establishmentChange(fte: Double)
        /// A retention payment: `perHead` pounds a year to `heads` people, paid monthly over
        /// `for_months`, assumed to take `turnoverReduction` percentage points off the annual
        /// turnover rate of the group (in the area, or in every area) meanwhile.
        case retention(perHead: Double, heads: Double, turnoverReduction: Double)

        var name: String {
            switch self {
            case .recruit: "recruitment"
            case .convert: "agency-to-permanent conversion"
            case .budgetChange: "budget change"
            case .establishmentChange: "establishment change"
            case .retention: "retention payment"
            }
        }

        var isConversion: Bool {
            if case .convert = self { true } else { false }
        }

        /// Kinds whose effect is a one-off step that then persists.
        var isStep: Bool {
            switch self {
            case .budgetChange, .establishmentChange: true
            default: false
            }
        }
    }

    package let kind: Kind
    /// The first month it happens.
    package let month: CalendarMonth
    /// How many months it repeats (recruit, convert) or lasts (retention); 1 for a step.
    package let forMonths: Int
    /// Config ids; nil area means every area (retention only).
    package let areaID: String?
    package let groupID: String?
    /// The officer's words for it (`note:`), shown beside its lines.
    package let note: String?
    /// The change's line in the scenario file: every message about it points here.
    package let location: SourceLocation

    /// True when the change acts in `month`.
    package func isActive(in month: CalendarMonth) -> Bool {
        let offset = self.month.months(to: month)
        return kind.isStep ? offset >= 0 : (0..<forMonths).contains(offset)
    }

    /// True when the change applies to a row of the projection.
    func applies(to key: RowKey) -> Bool {
        (areaID == nil || areaID == key.area) && (groupID == nil || groupID == key.group)
    }
}

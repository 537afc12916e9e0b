import QuorumMicrosite
import QuorumStrategy
import QuorumWorkforce

/// What a paper's live content draws on: the strategy, its action plan, the workforce
/// figures. Built once per build and shared by every paper.
package struct PaperData: Sendable {
    package let priorities: [Priority]
    package let actionPlan: ActionPlan
    package let workforce: Workforce
    /// Reconciliation, caseloads and scenarios, for the planning directives and the annual
    /// update's sentence on the adopted scenario.
    package let planning: Planning
    /// The council's name, for the council's own row beside the national benchmarks.
    package let council: String
    /// Adverts and staff stories, for an annual update's recruitment activity.
    package let microsite: Microsite

    package init(priorities: [Priority], actionPlan: ActionPlan, workforce: Workforce = Workforce(), planning: Planning = Planning(), council: String = "",
                 microsite: Microsite = .empty) {
        self.priorities = priorities
        self.actionPlan = actionPlan
        self.workforce = workforce
        self.planning = planning
        self.council = council
        self.microsite = microsite
    }
}

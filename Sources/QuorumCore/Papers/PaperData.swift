/// What a paper's live content draws on: the strategy, its action plan, the workforce
/// figures. Built once per build and shared by every paper.
public struct PaperData: Sendable {
    public let priorities: [Priority]
    public let actionPlan: ActionPlan
    public let workforce: Workforce
    /// The council's name, for the council's own row beside the national benchmarks.
    public let council: String
    /// Adverts and staff stories, for an annual update's recruitment activity.
    public let microsite: Microsite

    public init(priorities: [Priority], actionPlan: ActionPlan, workforce: Workforce = Workforce(), council: String = "",
                microsite: Microsite = .empty) {
        self.priorities = priorities
        self.actionPlan = actionPlan
        self.workforce = workforce
        self.council = council
        self.microsite = microsite
    }
}

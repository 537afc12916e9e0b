/// What a paper's live content draws on: the strategy, its action plan, the workforce
/// figures. Built once per build and shared by every paper.
public struct PaperData: Sendable {
    public let priorities: [Priority]
    public let actionPlan: ActionPlan
    public let workforce: Workforce

    public init(priorities: [Priority], actionPlan: ActionPlan, workforce: Workforce = Workforce()) {
        self.priorities = priorities
        self.actionPlan = actionPlan
        self.workforce = workforce
    }
}

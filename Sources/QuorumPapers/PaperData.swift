import QuorumMicrosite
import QuorumStrategy
import QuorumSupport
import QuorumWorkforce

/// What a paper's live content draws on: the strategy, its action plan, the workforce
/// figures. Built once per build and shared by every paper.
///
/// Each part is read through a property that notes it in `reads` when a recorder is
/// attached (`recording(into:)`): `quorum serve` then renders a paper again only when a part
/// it read changed.
package struct PaperData: Sendable {
    /// A part of the data, as reading it is noted.
    package enum Part: Hashable, Sendable, CaseIterable {
        case priorities, actionPlan, workforce, planning, council, microsite
    }

    private let storedPriorities: [Priority]
    private let storedActionPlan: ActionPlan
    private let storedWorkforce: Workforce
    private let storedPlanning: Planning
    private let storedCouncil: String
    private let storedMicrosite: Microsite
    /// Where reading a part is noted; nil records nothing.
    package private(set) var reads: ReadRecorder<Part>?

    package var priorities: [Priority] { note(.priorities); return storedPriorities }
    package var actionPlan: ActionPlan { note(.actionPlan); return storedActionPlan }
    package var workforce: Workforce { note(.workforce); return storedWorkforce }
    /// Reconciliation, caseloads and scenarios, for the planning directives and the annual
    /// update's sentence on the adopted scenario.
    package var planning: Planning { note(.planning); return storedPlanning }
    /// The council's name, for the council's own row beside the national benchmarks.
    package var council: String { note(.council); return storedCouncil }
    /// Adverts and staff stories, for an annual update's recruitment activity.
    package var microsite: Microsite { note(.microsite); return storedMicrosite }

    package init(priorities: [Priority], actionPlan: ActionPlan, workforce: Workforce = Workforce(), planning: Planning = Planning(), council: String = "",
                 microsite: Microsite = .empty) {
        storedPriorities = priorities
        storedActionPlan = actionPlan
        storedWorkforce = workforce
        storedPlanning = planning
        storedCouncil = council
        storedMicrosite = microsite
    }

    /// The same data, noting into `recorder` each part read.
    package func recording(into recorder: ReadRecorder<Part>?) -> PaperData {
        var data = self
        data.reads = recorder
        return data
    }

    private func note(_ part: Part) {
        reads?.note(part)
    }
}

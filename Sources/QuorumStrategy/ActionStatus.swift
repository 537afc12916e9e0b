/// Where an action of the plan stands, in the Workforce Strategy Board's words.
package enum ActionStatus: String, Sendable, CaseIterable, Comparable {
    case notStarted = "not started"
    case inProgress = "in progress"
    case done
    case blocked
    case dropped

    package init?(text: String) {
        let words = text.lowercased().replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
        switch words {
        case "not started": self = .notStarted
        case "in progress", "started", "ongoing": self = .inProgress
        case "done", "complete", "completed": self = .done
        case "blocked": self = .blocked
        case "dropped", "cancelled", "canceled": self = .dropped
        default: return nil
        }
    }

    /// Display label with a capital: "In progress".
    package var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    package static func < (lhs: ActionStatus, rhs: ActionStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

import Foundation

import QuorumStrategy
import QuorumSupport
import QuorumWorkforce

/// Sentences about the action plan and the targets.
extension PlainEnglish {
    /// "Between 16 November 2017 and 14 November 2018, 6 actions were completed. As at 14
    /// November 2018, 9 of 18 actions are done (52.9% of those not dropped), ..."
    package static func delivery(_ summary: ActionPlanSummary) -> String {
        let overall = summary.overall
        guard overall.total > 0 else {
            return "There is no action plan in the content, so its delivery cannot be reported."
        }
        var sentences: [String] = []
        if let period = summary.period {
            let completed = overall.completedInPeriod
            let verb = completed == 1 ? "was" : "were"
            sentences.append("Between \(period.lowerBound.longForm) and \(period.upperBound.longForm), "
                + "\(count(completed, "action")) \(verb) completed.")
        }
        let done = overall.count(.done)
        var state = "As at \(summary.asOf.longForm), \(done) of \(overall.total) actions \(done == 1 ? "is" : "are") done"
        if let percent = overall.percentComplete {
            state += " (\(Figures.percent(percent)) of the actions not dropped)"
        }
        let parts = [
            clause(overall.count(.inProgress), "is in progress", "are in progress"),
            clause(overall.count(.notStarted), "has not started", "have not started"),
            clause(overall.count(.blocked), "is blocked", "are blocked"),
            clause(overall.overdue, "is overdue", "are overdue"),
            clause(overall.slipped, "has had its due date moved", "have had their due dates moved"),
            clause(overall.count(.dropped), "has been dropped", "have been dropped"),
        ].compactMap { $0 }
        sentences.append(state + (parts.isEmpty ? "." : "; " + list(parts) + "."))
        return sentences.joined(separator: " ")
    }

    /// The Summary's one sentence on the plan: "By 14 November 2018, 7 of the 18 actions were
    /// done and 10 were overdue (section 5 gives the detail)."
    package static func deliveryHeadline(_ summary: ActionPlanSummary) -> String {
        let overall = summary.overall
        guard overall.total > 0 else { return delivery(summary) }
        let done = overall.count(.done)
        return "By \(summary.asOf.longForm), \(done) of the \(overall.total) actions in the plan \(done == 1 ? "was" : "were") done "
            + "and \(overall.overdue) \(overall.overdue == 1 ? "was" : "were") overdue."
    }

    /// "Of the 5 targets, 1 is green, 2 are amber and 2 are red on 30 September 2018."
    package static func targets(_ assessments: [TargetAssessment], asAt date: CalendarDate?) -> String {
        guard let date, !assessments.isEmpty else {
            return "No targets are set for the workforce measures, so there is no RAG rating to report."
        }
        let counts = RAGStatus.allCases.map { status in (status, assessments.count { $0.status == status }) }
            .filter { $0.1 > 0 }
            .map { status, n in
                status == .notAvailable ? "\(n) cannot be rated because the figure is not available"
                    : "\(n) \(n == 1 ? "is" : "are") \(status.label.lowercased())"
            }
        var sentence = "Of the \(count(assessments.count, "target")) for the workforce measures, rated on \(date.longForm), \(list(counts))."
        if assessments.contains(where: \.suspect) {
            sentence += " Some of these ratings rest on data that failed validation, so treat them with caution."
        }
        return sentence
    }

    private static func clause(_ n: Int, _ singular: String, _ plural: String) -> String? {
        n == 0 ? nil : "\(n) \(n == 1 ? singular : plural)"
    }

    /// "a, b and c"
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

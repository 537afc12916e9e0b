/// The standard sections of a council committee paper, in the order the paper format sets.
package enum StandardSection: Int, Sendable, CaseIterable {
    case summary, recommendations, policyContext, details, monitoring
    case financial, legal, crimeAndDisorder, equalities, environmental, background

    package var title: String {
        switch self {
        case .summary: "Summary"
        case .recommendations: "Recommendations"
        case .policyContext: "Policy context"
        case .details: "Details"
        case .monitoring: "Monitoring, delivery and review"
        case .financial: "Financial implications"
        case .legal: "Legal implications"
        case .crimeAndDisorder: "Crime and disorder implications"
        case .equalities: "Equalities implications"
        case .environmental: "Environmental implications"
        case .background: "Background documents and originator"
        }
    }

    /// Summary, Recommendations and Details must be there: a paper without them is no paper.
    package var isRequired: Bool { self == .summary || self == .recommendations || self == .details }

    /// Implications sections are never dropped: when the officer wrote none, the paper says so.
    package var isImplication: Bool {
        switch self {
        case .financial, .legal, .crimeAndDisorder, .equalities, .environmental: true
        default: false
        }
    }

    /// "There are no specific financial implications arising from this report."
    package var noImplicationsSentence: String {
        "There are no specific \(title.lowercased().replacingOccurrences(of: " implications", with: "")) implications arising from this report."
    }

    /// Which standard section an officer's heading names: by its first words, so that
    /// "Monitoring, delivery and review of the Strategy" and "Summary of the report" match.
    package init?(heading: String) {
        let words = heading.lowercased().filter { $0.isLetter || $0 == " " }
        let match: [(String, StandardSection)] = [
            ("summary", .summary), ("recommendation", .recommendations), ("policy", .policyContext),
            ("detail", .details), ("monitoring", .monitoring), ("financ", .financial), ("legal", .legal),
            ("crime", .crimeAndDisorder), ("equalit", .equalities), ("environment", .environmental),
            ("background", .background),
        ]
        guard let found = match.first(where: { words.hasPrefix($0.0) }) else { return nil }
        self = found.1
    }
}

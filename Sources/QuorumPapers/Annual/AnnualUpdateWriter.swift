import QuorumStrategy
import QuorumSupport
import QuorumWorkforce

/// Writes the generated part of an annual update: markdown for the Summary, Details and
/// Monitoring sections, with `quorum` directives for the tables and charts. The officer's
/// own paragraphs follow in each section, numbered on from these.
package struct AnnualUpdateWriter {
    package let update: AnnualUpdate
    package let data: PaperData

    /// The measures the headlines follow, for the whole directorate.
    static let headlineMeasures: [Measure] = [.vacancyRate, .agencyRate, .turnoverRate, .caseload]

    package init(update: AnnualUpdate, data: PaperData) {
        self.update = update
        self.data = data
    }

    var period: ReportingPeriod { update.period }
    var workforce: Workforce { data.workforce }

    package func sections() -> [StandardSection: String] {
        let end = SnapshotChoice.end(of: period, in: workforce)
        let start = SnapshotChoice.start(of: period, in: workforce, end: end.snapshot)
        return [
            .policyContext: markdown([
                "Members of the Select Committee asked to receive an annual update on the development and impact of the "
                    + "Children's Social Care Workforce Strategy. This report is the update for \(update.year).",
            ]),
            .summary: summary(start: start, end: end),
            .details: details(start: start, end: end),
            .monitoring: monitoring(),
        ]
    }

    func summary(start: SnapshotChoice, end: SnapshotChoice) -> String {
        var paragraphs = [
            "This is the annual update on the Children's Social Care Workforce Strategy. It covers "
                + "\(period.from.longForm) to \(period.to.longForm).",
        ]
        if end.snapshot != nil {
            paragraphs += headlines(start: start.snapshot, end: end.snapshot)
            if let adopted = AdoptedScenarioSentence.sentence(planning: data.planning, end: end.snapshot) {
                paragraphs.append(adopted)
            }
        } else if let note = end.note {
            paragraphs.append(note)
        }
        if !data.actionPlan.actions.isEmpty {
            paragraphs.append(PlainEnglish.deliveryHeadline(actionSummary()))
        }
        if let snapshot = end.snapshot, !workforce.config.targets.isEmpty {
            paragraphs.append(PlainEnglish.targets(workforce.assessments(in: snapshot), asAt: snapshot.asAt))
        }
        return markdown(paragraphs)
    }

    /// One sentence per headline measure, for the directorate.
    func headlines(start: Snapshot?, end: Snapshot?) -> [String] {
        Self.headlineMeasures.map { measure in
            PlainEnglish.movement(
                of: measure,
                from: start.map { PlainEnglish.Reading(date: $0.asAt, value: $0.value(of: measure)) },
                to: end.map { PlainEnglish.Reading(date: $0.asAt, value: $0.value(of: measure)) },
                polarity: workforce.config.polarity(of: measure)
            )
        }
    }

    func details(start: SnapshotChoice, end: SnapshotChoice) -> String {
        var parts: [String] = []
        let notes = [start.note, end.note].compactMap { $0 }
        if !notes.isEmpty { parts.append(notes.joined(separator: " ")) }
        guard let last = end.snapshot else { return markdown(parts + [activity(nil)] + [recruitment()].compactMap { $0 }) }
        for snapshot in [start.snapshot, last].compactMap({ $0 }) where snapshot.hasErrors {
            parts.append("The workforce snapshot at \(snapshot.asAt.longForm) failed validation in "
                + "\(PlainEnglish.count(snapshot.errorCount, "place")). Figures that depend on those cells are marked "
                + "in the tables and should be treated with caution.")
        }
        if let first = start.snapshot {
            parts.append("The table shows the workforce at \(first.asAt.longForm) and at \(last.asAt.longForm), and the change between them.\n\n"
                + directive("workforce-change from=\(first.asAt) to=\(last.asAt)"))
        } else {
            parts.append("The table shows the workforce at \(last.asAt.longForm).\n\n" + directive("workforce-table as-of=\(last.asAt)"))
        }
        if workforce.snapshots.count > 1 {
            parts.append("The charts show the vacancy and agency rates at every snapshot since \(workforce.snapshots[0].asAt.longForm).\n\n"
                + directive("workforce-chart measure=vacancy_rate kind=trend as-of=\(last.asAt)") + "\n\n"
                + directive("workforce-chart measure=agency_rate kind=trend as-of=\(last.asAt)"))
        }
        if !workforce.config.targets.isEmpty {
            let since = start.snapshot.map { " from=\($0.asAt)" } ?? ""
            parts.append("The workforce measures against their targets, with the direction of travel over the period:\n\n"
                + directive("measures as-of=\(last.asAt)\(since)"))
        }
        if workforce.benchmarks != nil {
            let year = BenchmarkTable.year(for: last.asAt)
            parts.append("The directorate's figures beside England and the region for the national census of 30 September \(year):\n\n"
                + directive("benchmarks as-of=\(last.asAt)"))
        }
        parts.append(activity(last))
        if let recruitment = recruitment() { parts.append(recruitment) }
        return markdown(parts)
    }

    /// Recruitment and retention in the year, from what the figures and the content hold.
    func activity(_ snapshot: Snapshot?) -> String {
        guard let snapshot else {
            return "Recruitment and retention activity cannot be reported from the workforce figures for this period."
        }
        let starters = snapshot.value(of: .startersFTE), leavers = snapshot.value(of: .leaversFTE)
        guard let s = starters.value, let l = leavers.value else {
            return "The workforce snapshot at \(snapshot.asAt.longForm) does not record starters and leavers, "
                + "so they are not reported."
        }
        var sentence = "In the year to \(snapshot.asAt.longForm), \(Figures.decimal(s)) FTE joined the directorate "
            + "and \(Figures.decimal(l)) FTE left."
        if starters.suspect || leavers.suspect {
            sentence += " These figures include data that failed validation, so treat them with caution."
        }
        return sentence
    }

    /// Adverts and staff stories published in the period. Closed adverts are usually removed
    /// from the content, so a period with none in the content says nothing rather than "none".
    func recruitment() -> String? {
        let microsite = data.microsite
        let adverts = microsite.vacancies.filter { period.range.contains($0.posted) }
        let rolling = adverts.count { $0.closes == .rolling }
        let stories = microsite.testimonials.filter {
            period.range.contains($0.consent.given) && $0.consent.scope.contains("website")
        }
        guard !adverts.isEmpty || !stories.isEmpty else { return nil }
        var sentence = "In the period, \(PlainEnglish.count(adverts.count, "job advert")) "
            + "\(adverts.count == 1 ? "was" : "were") published on the recruitment site"
        if rolling > 0 { sentence += " (\(rolling) of them rolling)" }
        sentence += ", and \(PlainEnglish.count(stories.count, "staff story", "staff stories")) "
            + "\(stories.count == 1 ? "was" : "were") published with their authors' consent."
        return sentence
    }

    func monitoring() -> String {
        guard !data.actionPlan.actions.isEmpty else {
            return markdown([PlainEnglish.delivery(actionSummary())])
        }
        let summary = actionSummary()
        var parts = [
            PlainEnglish.delivery(summary),
            "Delivery of the action plan by priority:\n\n"
                + directive("action-plan-summary from=\(period.from) to=\(period.to)"),
        ]
        parts.append(summary.overdueActions.isEmpty
            ? "No actions were overdue on \(period.to.longForm)."
            : "The overdue actions, by owner:\n\n" + directive("overdue-actions"))
        return markdown(parts)
    }

    func actionSummary() -> ActionPlanSummary {
        ActionPlanSummary(plan: data.actionPlan, priorities: data.priorities, asOf: period.to, period: period.range)
    }

    func directive(_ text: String) -> String { "```quorum \(text)\n```" }

    /// Paragraphs as markdown. The sentences hold only words and figures Quorum wrote, so
    /// they need no escaping.
    func markdown(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "\n\n") + "\n"
    }
}

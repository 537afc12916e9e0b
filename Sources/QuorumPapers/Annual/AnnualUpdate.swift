import QuorumContent
import QuorumSupport

/// An annual update on the workforce strategy: `annual-updates/YEAR.md`, where YEAR is the
/// year of the meeting. The officer's file is an ordinary committee paper (same front
/// matter, same sections); Quorum writes the figures, the sentences and the action plan's
/// delivery into it. `period_from` and `period_to` set the period; by default it runs from
/// the day after the previous update's meeting to this one's (the first update: the twelve
/// months up to its meeting).
package struct AnnualUpdate: Sendable {
    package var paper: CommitteePaper
    package let year: Int
    package var period: ReportingPeriod

    package static let folder = "annual-updates"
    static let periodKeys: Set<String> = ["period_from", "period_to"]

    /// Reads every update, oldest meeting first, and settles each one's period.
    package static func loadAll(from content: ContentFolder, log: inout DiagnosticLog) -> [AnnualUpdate] {
        var loaded: [(paper: CommitteePaper, year: Int, from: CalendarDate?, to: CalendarDate?)] = []
        for file in content.files(in: folder, extensions: ["md", "markdown"]) {
            guard let year = Int(file.stem), (1990...2200).contains(year) else {
                log.error(file.location(), "an annual update is named after the year of its meeting, e.g. 2018.md, not '\(file.stem)'",
                          code: "annual-file-name")
                continue
            }
            guard var paper = CommitteePaper.load(file, extraKeys: periodKeys, log: &log) else { continue }
            if paper.meetingDate.year != year {
                log.error(paper.source.frontMatter.location(of: "meeting_date"),
                          "the update for \(year) has its meeting in \(paper.meetingDate.year)", code: "annual-year-mismatch")
                continue
            }
            paper.slug = "annual-update-\(year)"
            let meta = paper.source.frontMatter
            let from = meta.date("period_from", log: &log), to = meta.date("period_to", log: &log)
            if (from == nil) != (to == nil) {
                log.error(meta.location(of: from == nil ? "period_to" : "period_from"),
                          "give both 'period_from' and 'period_to', or neither", code: "annual-period")
                continue
            }
            if let from, let to, from > to {
                log.error(meta.location(of: "period_from"), "the period starts (\(from)) after it ends (\(to))", code: "annual-period")
                continue
            }
            loaded.append((paper, year, from, to))
        }
        loaded.sort { $0.paper.meetingDate < $1.paper.meetingDate }
        var updates: [AnnualUpdate] = []
        for (index, item) in loaded.enumerated() {
            let previous = index > 0 ? loaded[index - 1].paper.meetingDate : nil
            let period = item.from.flatMap { from in item.to.map { ReportingPeriod(from: from, to: $0) } }
                ?? ReportingPeriod.choose(meeting: item.paper.meetingDate, previousMeeting: previous)
            updates.append(AnnualUpdate(paper: item.paper, year: item.year, period: period).settingPeriod(period))
        }
        return updates
    }

    /// The same update for another period (`quorum annual --from --to`); figures are as at its end.
    package func settingPeriod(_ period: ReportingPeriod) -> AnnualUpdate {
        var copy = self
        copy.period = period
        copy.paper.asAt = period.to
        return copy
    }
}

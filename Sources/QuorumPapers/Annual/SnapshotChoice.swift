import QuorumWorkforce

/// Which snapshot stands for the start or the end of a period, and what to tell the reader
/// when it is not on the date itself. Quorum never invents a figure for a missing date.
package struct SnapshotChoice: Sendable {
    package let snapshot: Snapshot?
    /// A sentence saying which data is missing and which date was used instead; nil when
    /// the snapshot is on the date.
    package let note: String?

    /// The end: the snapshot on the period's last day, else the latest before it.
    package static func end(of period: ReportingPeriod, in workforce: Workforce) -> SnapshotChoice {
        let date = period.to
        if let exact = workforce.snapshot(at: date) { return SnapshotChoice(snapshot: exact, note: nil) }
        guard let earlier = workforce.snapshots.last(where: { $0.asAt < date }) else {
            return SnapshotChoice(snapshot: nil, note:
                "There is no workforce snapshot on or before \(date.longForm), the end of the period, so this report contains no workforce figures.")
        }
        return SnapshotChoice(snapshot: earlier, note:
            "There is no workforce snapshot for \(date.longForm), the end of the period, so this report uses the latest one before it, at \(earlier.asAt.longForm).")
    }

    /// The start: the snapshot on the period's first day, else the latest before it, else
    /// the earliest inside the period (but never the one chosen for the end).
    package static func start(of period: ReportingPeriod, in workforce: Workforce, end: Snapshot?) -> SnapshotChoice {
        let date = period.from
        if let exact = workforce.snapshot(at: date), exact.asAt != end?.asAt {
            return SnapshotChoice(snapshot: exact, note: nil)
        }
        if let earlier = workforce.snapshots.last(where: { $0.asAt < date }), earlier.asAt != end?.asAt {
            return SnapshotChoice(snapshot: earlier, note:
                "There is no workforce snapshot for \(date.longForm), the start of the period, so this report uses the latest one before it, at \(earlier.asAt.longForm).")
        }
        if let inside = workforce.snapshots.first(where: { period.range.contains($0.asAt) }), let end, inside.asAt < end.asAt {
            return SnapshotChoice(snapshot: inside, note:
                "There is no workforce snapshot on or before \(date.longForm), the start of the period, so this report uses the earliest one in the period, at \(inside.asAt.longForm).")
        }
        guard end != nil else { return SnapshotChoice(snapshot: nil, note: nil) }
        return SnapshotChoice(snapshot: nil, note:
            "There is no earlier workforce snapshot to compare with, so this report gives this year's figures without a change.")
    }
}

import QuorumSupport
import QuorumWorkforce

/// The annual update's one sentence on the scenario the board adopted: where the year ended
/// against that scenario's projection for the month of the year's last snapshot, e.g.
/// "The Board adopted the 'Convert agency social workers' scenario in November 2019,
/// projected from the snapshot at 30 September 2019; at 31 March 2020 employee FTE was 262.0
/// against 270.5 projected." ("in November 2019" when `adopted:` gives the meeting's date.)
///
/// Nothing is said when no scenario is adopted, when the year has no snapshot, or when the
/// snapshot's month is not one the scenario projects (before its start or past its horizon):
/// there is then no projection to hold the figure against.
enum AdoptedScenarioSentence {
    static func sentence(planning: Planning, end: Snapshot?) -> String? {
        guard let adopted = planning.adopted, let end,
              let projected = adopted.projection.month(CalendarMonth(end.asAt)) else { return nil }
        let actual = end.value(of: .employeeFTE)
        let was: String
        if let value = actual.value {
            was = "was \(Figures.decimal(value))" + (actual.suspect ? " (a figure that failed validation)" : "")
        } else {
            was = "is not available"
        }
        let projection = Figures.decimal(projected.directorate.employeeFTE)
        let when = adopted.scenario.adoptedOn.map { " in \(CalendarMonth($0).longForm)" } ?? ""
        return "The Board adopted the '\(adopted.scenario.title)' scenario\(when), projected from the snapshot at "
            + "\(adopted.projection.from.longForm); at \(end.asAt.longForm) employee FTE \(was) against \(projection) projected."
    }
}

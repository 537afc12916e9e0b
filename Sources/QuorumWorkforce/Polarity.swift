/// Which way a measure should move: whether a rise is good news or bad.
package enum Polarity: String, Sendable, Hashable, CaseIterable {
    /// Vacancy, agency, turnover, caseload, absence: lower is better.
    case lowerIsBetter = "lower"
    /// E.g. a retention rate or the share of posts filled by employees.
    case higherIsBetter = "higher"
    /// Neither: budgeted FTE, headcount.
    case neutral
}

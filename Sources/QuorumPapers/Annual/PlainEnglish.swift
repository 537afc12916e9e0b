import QuorumSupport
import QuorumWorkforce

/// The sentences Quorum writes into annual updates, in plain English (GOV.UK style):
/// short sentences, figures to one decimal place, changes in percentage points, and an
/// honest word when a figure is missing, cannot be calculated or failed validation.
package enum PlainEnglish {
    /// One measure at one date, as the sentences need it.
    package struct Reading: Sendable {
        package let date: CalendarDate
        package let value: MeasureValue

        package init(date: CalendarDate, value: MeasureValue) {
            self.date = date
            self.value = value
        }
    }

    /// How a measure is named in a sentence: "the vacancy rate".
    package static func name(of measure: Measure) -> String {
        switch measure {
        case .vacancyRate: "the vacancy rate"
        case .agencyRate: "the agency rate"
        case .turnoverRate: "staff turnover"
        case .caseload: "the average caseload"
        case .daysLostPerFTE: "sickness absence"
        default: "the " + measure.name.lowercased()
        }
    }

    /// `19.5%`, `16.1 cases per worker`, `23.5 FTE`, `4.2 days per FTE`.
    package static func amount(_ value: Double, of measure: Measure) -> String {
        let number = Figures.decimal(value)
        switch measure.unit {
        case .percent: return number + "%"
        case .casesPerWorker: return "\(number) cases per worker"
        case .daysPerFTE: return "\(number) days per FTE"
        case .fte: return "\(number) FTE"
        case .count: return number
        }
    }

    /// `4.6 percentage points`, `0.9 cases per worker`.
    static func difference(_ value: Double, of measure: Measure) -> String {
        let number = Figures.decimal(value)
        switch measure.unit {
        case .percent: return "\(number) percentage points"
        case .casesPerWorker: return "\(number) cases per worker"
        case .daysPerFTE: return "\(number) days per FTE"
        case .fte: return "\(number) FTE"
        case .count: return number
        }
    }

    /// The headline sentence for a measure over the period, for every case: a rise, a fall,
    /// no change, no earlier figure, no data, a figure that cannot be calculated, and
    /// figures that failed validation.
    package static func movement(of measure: Measure, from start: Reading?, to end: Reading?,
                                 polarity: Polarity? = nil) -> String {
        let name = name(of: measure)
        guard let end else {
            return "\(capitalised(name)) is not available: there is no workforce snapshot for this period."
        }
        guard let b = end.value.value else {
            return unavailable(name, end) + caution([end])
        }
        let endText = amount(Figures.rounded(b), of: measure)
        guard let start else {
            return "\(capitalised(name)) was \(endText) on \(end.date.longForm). There is no earlier figure to compare it with."
                + caution([end])
        }
        guard let a = start.value.value else {
            return "\(capitalised(name)) was \(endText) on \(end.date.longForm). It cannot be compared with \(start.date.longForm), "
                + "because then \(reason(start.value.unavailableReason))." + caution([start, end])
        }
        // Compare the figures as printed, so that the reader's own sums agree with the sentence.
        let shownA = Figures.rounded(a), shownB = Figures.rounded(b)
        let change = Figures.rounded(shownB - shownA)
        let startText = amount(shownA, of: measure)
        if change == 0 {
            return "\(capitalised(name)) was \(endText) on \(end.date.longForm), the same as on \(start.date.longForm)."
                + caution([start, end])
        }
        let rose = change > 0
        let verb = rose ? "rose" : "fell"
        let noun = rose ? "a rise" : "a fall"
        var sentence = "\(capitalised(name)) \(verb) from \(startText) on \(start.date.longForm) to \(endText) on "
            + "\(end.date.longForm), \(noun) of \(difference(abs(change), of: measure))"
        switch polarity ?? measure.defaultPolarity {
        case .lowerIsBetter: sentence += rose ? ". This is worse than a year earlier." : ". This is an improvement."
        case .higherIsBetter: sentence += rose ? ". This is an improvement." : ". This is worse than a year earlier."
        case .neutral: sentence += "."
        }
        return sentence + caution([start, end])
    }

    static func unavailable(_ name: String, _ reading: Reading) -> String {
        let why = reading.value.unavailableReason ?? "not available"
        if isZeroDenominator(why) {
            return "\(capitalised(name)) cannot be calculated for \(reading.date.longForm), because \(reason(why))."
        }
        return "\(capitalised(name)) is not available for \(reading.date.longForm), because \(reason(why))."
    }

    /// A sentence warning that figures rest on data that failed validation; empty when sound.
    static func caution(_ readings: [Reading]) -> String {
        let suspect = readings.filter(\.value.suspect).map(\.date.longForm)
        guard !suspect.isEmpty else { return "" }
        let dates = suspect.count == 1 ? suspect[0] : suspect.dropLast().joined(separator: ", ") + " and " + suspect.last!
        return " The figures for \(dates) include data that failed validation, so treat this with caution."
    }

    static func isZeroDenominator(_ reason: String) -> Bool {
        reason.hasSuffix(" is 0") || reason.hasPrefix("no ")
    }

    /// The analysis layer's reason, in words a councillor reads.
    static func reason(_ text: String?) -> String {
        guard let text else { return "the figure was not available" }
        let plain: [String: String] = [
            "'Budgeted FTE' is 0": "there were no budgeted posts",
            "no agency or employee FTE": "there were no employed or agency staff",
            "'Employee FTE' is 0": "there were no employed staff",
            "'Case holders FTE' is 0": "no staff held cases",
        ]
        if let sentence = plain[text] { return sentence }
        if let column = quoted(text), text.hasSuffix("is not given") || text.hasPrefix("the snapshot has no") {
            return "the workforce return did not include \(column.lowercased())"
        }
        if let column = quoted(text), text.contains("could not be read") {
            return "the \(column.lowercased()) figures failed validation"
        }
        return text
    }

    private static func quoted(_ text: String) -> String? {
        let parts = text.split(separator: "'", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "1 action", "3 actions"; "no actions" for zero.
    package static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 0 ? "no \(plural ?? singular + "s")" : n == 1 ? "1 \(singular)" : "\(n) \(plural ?? singular + "s")"
    }
}

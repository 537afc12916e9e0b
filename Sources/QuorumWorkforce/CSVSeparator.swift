/// What separates the cells of a snapshot text file: a comma, a tab (Excel's "Text" and
/// "Unicode text" exports, and a paste from a spreadsheet) or a semicolon (Excel's "CSV" where
/// the decimal mark is a comma).
///
/// Told from the header line alone, outside quotes: the separator found there most often.
/// Headers hold words, so a separator rarely appears inside one unquoted; a tie (`Area;Staff
/// group, type`) goes to the comma, then the tab, and is said so, and a wrong choice leaves
/// the required headers unmatched, which is reported: it cannot shift a figure unnoticed.
enum CSVSeparator: Sendable, Equatable, CaseIterable {
    case comma, tab, semicolon

    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .tab: UInt8(ascii: "\t")
        case .semicolon: UInt8(ascii: ";")
        }
    }

    var scalar: Unicode.Scalar { Unicode.Scalar(byte) }

    /// "comma-separated", as messages say it.
    var adjective: String {
        switch self {
        case .comma: "comma-separated"
        case .tab: "tab-separated"
        case .semicolon: "semicolon-separated"
        }
    }

    /// In a semicolon-separated file the comma is the decimal mark (`12,5`): that is why the
    /// file uses semicolons. Elsewhere a comma in a number separates thousands, as today.
    var hasDecimalComma: Bool { self == .semicolon }

    /// The separator a file's extension promises: a comma for `.csv`, a tab for `.tsv` and
    /// `.txt` (Excel's "Text (Tab delimited)" and "Unicode Text" save `.txt` files with tabs).
    /// A file that keeps the promise needs no note.
    static func expected(forExtension pathExtension: String) -> CSVSeparator {
        ["tsv", "txt"].contains(pathExtension.lowercased()) ? .tab : .comma
    }

    /// The separator of `text`, read from its header line; `tied` is true when another
    /// separator was as frequent there.
    static func detect(in text: String) -> (separator: CSVSeparator, tied: Bool) {
        var counts: [CSVSeparator: Int] = [:]
        var inQuotes = false, lineHasText = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasText = true
            } else if inQuotes {
                continue
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                // A line of nothing but separators and spaces is skipped by the reader, so is
                // not the header.
                if lineHasText { break }
                counts = [:]
            } else if let separator = allCases.first(where: { $0.byte == byte }) {
                counts[separator, default: 0] += 1
            } else if byte != UInt8(ascii: " ") {
                lineHasText = true
            }
        }
        let most = counts.values.max() ?? 0
        guard most > 0 else { return (.comma, false) }
        let best = allCases.filter { counts[$0] == most }
        return (best[0], best.count > 1)
    }
}

import CSV

/// A CSV file read into cells that know where they are, so that a diagnostic can point at
/// `path:line:column` of the very cell it is about.
///
/// The separator is a comma, a tab or a semicolon, told from the header line
/// (`CSVSeparator`). CSV.swift does the parsing; it does not report positions, so
/// `CellPositions` walks the same text with the same RFC 4180 rules (quoted fields may hold
/// separators, doubled quotes and line breaks) and records where each field starts. Line ends
/// may be CR LF, LF or a lone CR (content files come with line feeds already, `SourceFile`).
struct CSVTable: Sendable {
    struct Cell: Sendable, Hashable {
        /// The field as CSV.swift read it (quotes removed, nothing trimmed).
        let text: String
        let line: Int
        let column: Int
    }

    /// Every record in the file, the header first; empty lines are kept as records of one
    /// empty cell so that positions stay exact (callers skip them).
    let records: [[Cell]]
    let separator: CSVSeparator
    /// True when another separator was as frequent in the header line as `separator`.
    let separatorWasTied: Bool

    /// Reads `text` with the separator its header line uses (a snapshot).
    init(detectingSeparatorIn text: String) {
        let text = CSVTable.withoutByteOrderMark(text)
        let (separator, tied) = CSVSeparator.detect(in: text)
        self.init(text: text, separator: separator, separatorWasTied: tied)
    }

    /// Reads `text` with `separator` (files whose format is fixed: benchmarks, budgets).
    init(text: String, separator: CSVSeparator = .comma) {
        self.init(text: CSVTable.withoutByteOrderMark(text), separator: separator, separatorWasTied: false)
    }

    /// A byte order mark is not part of the first header, and editors do not count it.
    private static func withoutByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    private init(text: String, separator: CSVSeparator, separatorWasTied: Bool) {
        self.separator = separator
        self.separatorWasTied = separatorWasTied
        let positions = CellPositions.records(in: text, separator: separator)
        var records: [[Cell]] = []
        if let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: false,
                                       delimiter: separator.scalar) {
            var index = 0
            while let fields = reader.next() {
                let starts = index < positions.count ? positions[index] : []
                let fallback = starts.first ?? (line: positions.last?.first?.line ?? 1, column: 1)
                records.append(fields.enumerated().map { offset, field in
                    let start = offset < starts.count ? starts[offset] : fallback
                    return Cell(text: field, line: start.line, column: start.column)
                })
                index += 1
            }
        }
        self.records = records
    }
}

/// Where each field of each record starts: line and column (in Unicode scalars), from 1.
///
/// Walks the UTF-8 bytes: every character it looks for is ASCII, and a byte that continues
/// a multi-byte scalar does not start a new column.
enum CellPositions {
    static func records(in text: String, separator: CSVSeparator = .comma) -> [[(line: Int, column: Int)]] {
        var text = text
        return text.withUTF8 { records(in: $0, separator: separator.byte) }
    }

    private static func records(in bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> [[(line: Int, column: Int)]] {
        let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let quote = UInt8(ascii: "\"")
        var records: [[(line: Int, column: Int)]] = []
        var i = 0, line = 1, column = 1

        // Moves past one byte, counting CR LF, LF and a lone CR as one line break each.
        func step() {
            let c = bytes[i]
            i += 1
            if c == lineFeed || (c == carriageReturn && (i >= bytes.count || bytes[i] != lineFeed)) {
                line += 1
                column = 1
            } else if c != carriageReturn, !(0x80...0xBF).contains(c) {
                column += 1
            }
        }
        func atEndOfLine() -> Bool { i < bytes.count && (bytes[i] == lineFeed || bytes[i] == carriageReturn) }
        func skipEndOfLine() {
            if bytes[i] == carriageReturn { step(); if i < bytes.count, bytes[i] == lineFeed { step() } } else { step() }
        }

        while i < bytes.count {
            var fields: [(line: Int, column: Int)] = []
            recordLoop: while true {
                fields.append((line, column))
                if i < bytes.count, bytes[i] == quote {
                    step()
                    // Inside quotes: a quote ends the field only before a separator, line end or file end.
                    while i < bytes.count {
                        if bytes[i] == quote {
                            step()
                            if i >= bytes.count { break recordLoop }
                            if bytes[i] == separator { step(); continue recordLoop }
                            if atEndOfLine() { skipEndOfLine(); break recordLoop }
                            step()  // a doubled quote (or a stray one): still inside the field
                        } else {
                            step()
                        }
                    }
                    break recordLoop
                }
                while i < bytes.count, bytes[i] != separator, !atEndOfLine() { step() }
                if i >= bytes.count { break recordLoop }
                if bytes[i] == separator { step(); continue recordLoop }
                skipEndOfLine()
                break recordLoop
            }
            records.append(fields)
        }
        return records
    }
}

import Foundation
import Testing
@testable import QuorumOffice

/// Reads hr-return.xlsx with openpyxl too (cached values, as `data_only=True` gives them) and
/// checks that both readers see the same value in every cell of every sheet.
@Suite struct OpenpyxlCrossCheckTests {
    static let python = TestWorkbook.repository.appendingPathComponent(".venv/bin/python")
    static let available = FileManager.default.isExecutableFile(atPath: python.path)

    static let script = """
        import json, sys, datetime, openpyxl
        book = openpyxl.load_workbook(sys.argv[1], data_only=True)
        cells = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if value is None:
                        continue
                    if isinstance(value, datetime.datetime):
                        kind, value = "date", value.strftime("%Y-%m-%d %H:%M:%S")
                    elif isinstance(value, bool):
                        kind = "bool"
                    elif isinstance(value, (int, float)):
                        kind, value = "number", float(value)
                    elif cell.data_type == "e":
                        kind = "error"
                    else:
                        kind, value = "text", str(value)
                    cells.append([sheet.title, cell.coordinate, kind, value])
        print(json.dumps(cells))
        """

    @Test(.enabled(if: available, "needs .venv/bin/python with openpyxl: run scripts/setup"))
    func bothReadersAgreeOnEveryCell() throws {
        let fixture = TestWorkbook.fixtures.appendingPathComponent("hr-return.xlsx")
        let process = Process()
        process.executableURL = Self.python
        process.arguments = ["-c", Self.script, fixture.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not read the fixture (is it installed? run scripts/setup)")
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[Any]])

        var theirs: [String] = []
        for row in rows {
            let value: String
            switch row[2] as? String {
            case "number": value = "\((row[3] as? Double) ?? .nan)"
            case "bool": value = "\((row[3] as? Bool) ?? false)"
            default: value = "\(row[3])"
            }
            theirs.append("\(row[0])!\(row[1]) \(row[2]) \(value)")
        }

        var ours: [String] = []
        let workbook = try Workbook(contentsOf: fixture)
        for entry in workbook.sheets {
            let sheet = try workbook.worksheet(entry)
            for cell in sheet.rows.flatMap(\.cells) {
                let prefix = "\(sheet.name)!\(cell.reference)"
                switch cell.value {
                case .empty: continue
                case .number where cell.format.kind == .date:
                    ours.append("\(prefix) date \(sheet.dateComponents(of: cell)?.text ?? "?")")
                case .number(let number): ours.append("\(prefix) number \(number)")
                case .text(let text): ours.append("\(prefix) text \(text)")
                case .bool(let flag): ours.append("\(prefix) bool \(flag)")
                case .error(let error): ours.append("\(prefix) error \(error)")
                }
            }
        }
        #expect(ours.count > 40)
        #expect(ours == theirs)
    }
}

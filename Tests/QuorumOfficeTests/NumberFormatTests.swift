import Testing
@testable import QuorumOffice

@Suite struct NumberFormatTests {
    @Test(arguments: [(0, NumberFormat.Kind.general), (1, .other), (3, .other), (9, .percent), (10, .percent),
                      (11, .other), (14, .date), (17, .date), (20, .date), (22, .date), (27, .date),
                      (45, .date), (46, .date), (49, .text), (57, .date)])
    func builtInFormatsByID(id: Int, kind: NumberFormat.Kind) throws {
        #expect(NumberFormat.builtIn(id)?.kind == kind)
    }

    @Test func unknownBuiltInIDIsNotBuiltIn() {
        #expect(NumberFormat.builtIn(163) == nil)
    }

    @Test(arguments: [
        ("0.0%", NumberFormat.Kind.percent), ("0.00%;[Red]-0.00%", .percent), ("#,##0.0 %", .percent),
        ("0.0\"%\"", .other), ("0.0\\%", .other),
        ("d mmm yyyy", .date), ("yyyy-mm-dd hh:mm", .date), ("[h]:mm", .date), ("[$-F800]dddd, mmmm dd, yyyy", .date),
        ("[Red]0.00", .other), ("[$£-809]#,##0.00", .other), ("#,##0 \"days\"", .other), ("0.00E+00", .other),
        ("@", .text), ("General", .general), ("", .general), ("#,##0.00_);(#,##0.00)", .other),
    ])
    func customFormatsByCode(code: String, kind: NumberFormat.Kind) {
        #expect(NumberFormat.kind(ofCode: code) == kind)
    }

    @Test func aCodeOverridesTheKindOfARedefinedBuiltInID() {
        #expect(NumberFormat(id: 14, code: "0.0%").kind == .percent)
        #expect(NumberFormat(id: 30, code: "").kind == .date)
        #expect(NumberFormat(id: 7, code: "").kind == .other)
    }
}

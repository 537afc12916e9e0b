import Testing
@testable import QuorumOffice

@Suite struct DateSystemTests {
    @Test(arguments: [(1.0, "1900-01-01 00:00:00"), (59, "1900-02-28 00:00:00"), (61, "1900-03-01 00:00:00"),
                      (42_916, "2017-06-30 00:00:00"), (42_916.604166666664, "2017-06-30 14:30:00"),
                      (42_916.5, "2017-06-30 12:00:00"), (42_916.999_999_999, "2017-07-01 00:00:00"),
                      (2_958_465, "9999-12-31 00:00:00")])
    func the1900System(serial: Double, expected: String) throws {
        #expect(DateSystem.from1900.dateComponents(fromSerial: serial)?.text == expected)
    }

    @Test(arguments: [60.0, -1, 2_958_466, .nan, .infinity])
    func serialsWithoutADay(serial: Double) {
        // 60 is Excel's 29 February 1900, which never was.
        #expect(DateSystem.from1900.dateComponents(fromSerial: serial) == nil)
    }

    @Test func the1904System() throws {
        #expect(DateSystem.from1904.dateComponents(fromSerial: 0)?.text == "1904-01-01 00:00:00")
        #expect(DateSystem.from1904.dateComponents(fromSerial: 41_454)?.text == "2017-06-30 00:00:00")
        #expect(DateSystem.from1904.dateComponents(fromSerial: 60)?.text == "1904-03-01 00:00:00")
    }
}

import Foundation
import Testing
@testable import QuorumSupport

/// `trimming(_:)` and `isBlank(_:)` skip Foundation when there is nothing to trim; they
/// must answer as Foundation does.
@Suite("Whitespace trimming")
struct WhitespaceTrimmingTests {
    static let samples = ["", " ", "\t", "x", " x ", "x ", "\u{00A0}x\u{00A0}", "\u{2003}x", "x\n", "\nx", "a b", "é ", " é",
                          "x\u{0301}", " \u{0301}", "\r\n", "x\r\n", "\u{FEFF}x", "\u{200B}x", "\u{3000}", "12.5", "n/a"]

    @Test(arguments: samples)
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimming(.spaces) == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimming(.spacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.isBlank(.spaces) == text.trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(text.isBlank(.spacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}

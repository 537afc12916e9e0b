import Testing
@testable import QuorumSupport

@Suite("Control characters found on bytes")
struct ControlCharactersTests {
    /// What `contains` must answer: the definition, one scalar at a time.
    static func reference(_ text: String, allowingCarriageReturn: Bool) -> Bool {
        text.unicodeScalars.contains { ControlCharacters.isControl($0, allowingCarriageReturn: allowingCarriageReturn) }
    }

    /// Pieces whose bytes come near the ones the byte scan looks for: controls, DEL, C1
    /// controls (C2 80 to C2 9F) beside other C2 letters (£, no-break space), U+FFFE and
    /// U+FFFF beside other EF letters (U+FEFF, U+FFFD), tab, line feed and carriage return.
    static let pieces: [String] = [
        "a", "page text ", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "£",
        "\u{A3}", "\u{C2}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFBF}", "é", "🙂", "<p>", "0123456",
    ]

    @Test func agreesWithTheDefinitionAtEveryPlaceInAWord() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Up to 40 bytes or so: every piece lands at every offset of an 8-byte word and in the tail.
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            for allowing in [false, true] {
                #expect(ControlCharacters.contains(text, allowingCarriageReturn: allowing) == Self.reference(text, allowingCarriageReturn: allowing),
                        "\(Array(text.utf8)) allowing CR: \(allowing)")
            }
        }
    }

    @Test func findsOneControlAnywhereInALongText() {
        let plain = String(repeating: "Agency staff £57,200\u{A0}a year; ", count: 40)
        #expect(!ControlCharacters.contains(plain))
        for offset in stride(from: 0, through: plain.utf8.count, by: 7) {
            for control in ["\u{1B}", "\u{85}", "\u{FFFF}", "\r"] {
                var bytes = Array(plain.utf8)
                bytes.insert(contentsOf: Array(control.utf8), at: offset)
                // Inserting between a multi-byte letter's bytes would break it: only at a letter's start.
                guard let text = String(validating: bytes, as: UTF8.self) else { continue }
                #expect(ControlCharacters.contains(text), "\(control.unicodeScalars.first!.value) at \(offset)")
                #expect(ControlCharacters.contains(text, allowingCarriageReturn: true) == (control != "\r"))
            }
        }
    }
}

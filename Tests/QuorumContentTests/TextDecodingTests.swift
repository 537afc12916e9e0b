import Foundation
import Testing
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport

/// A text file's bytes: UTF-8, or UTF-16 with its byte order mark (Excel's "Unicode text");
/// anything else is an error at the first byte that gives it away, naming the encoding.
@Suite struct TextDecodingTests {
    /// `text` as UTF-16 with its byte order mark, as Excel and Notepad write it.
    static func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + text.utf16.flatMap { unit -> [UInt8] in
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            return bigEndian ? [high, low] : [low, high]
        }
    }

    func decodingFailure(_ bytes: [UInt8]) -> TextDecoding.Failure? {
        if case let .failure(failure) = TextDecoding.decode(bytes) { return failure }
        return nil
    }

    @Test func utf8WithAndWithoutByteOrderMarkIsRead() throws {
        #expect(try TextDecoding.decode(Array("Área\t12,5\r\n".utf8)).get() == "Área\t12,5\r\n")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("a".utf8)).get() == "\u{FEFF}a")
        #expect(try TextDecoding.decode([]).get() == "")
    }

    @Test func utf16WithItsByteOrderMarkIsDecodedEitherWay() throws {
        let text = "Area\tStaff group\r\nÉcole – £5\t😀\r\n"
        #expect(try TextDecoding.decode(Self.utf16(text)).get() == text)
        #expect(try TextDecoding.decode(Self.utf16(text, bigEndian: true)).get() == text)
    }

    @Test func windows1252IsAnErrorAtItsFirstByteNamingTheEncodingAndTheLetter() throws {
        // "Area,Staff group\r\nCafé" in Windows-1252: é is 0xE9, on line 2 at column 4.
        let bytes = Array("Area,Staff group\r\nCaf".utf8) + [0xE9, 0x96]
        let failure = try #require(decodingFailure(bytes))
        #expect(failure.line == 2 && failure.column == 4)
        #expect(failure.message == "the file is not UTF-8 text: the byte 0xE9 ('é' in Windows-1252) here is not UTF-8; it looks like Windows-1252 or another 8-bit encoding (Excel's plain 'CSV'); save it as UTF-8 (in Excel: 'CSV UTF-8')")
        // A lone CR ends a line too, and a multi-byte letter is one column.
        let dash = try #require(decodingFailure(Array("a\rÅb".utf8) + [0x96]))
        #expect(dash.line == 2 && dash.column == 3)
        #expect(dash.message.contains("the byte 0x96 ('–' in Windows-1252)"))
    }

    @Test func utf16WithoutByteOrderMarkIsAnErrorAtItsFirstNul() throws {
        // "Ab" in UTF-16 LE is 41 00 62 00: valid UTF-8, but the NUL after A gives it away.
        let little = try #require(decodingFailure([0x41, 0x00, 0x62, 0x00]))
        #expect(little.line == 1 && little.column == 2)
        #expect(little.message == "the file holds a NUL byte here: it looks like UTF-16 LE without its byte order mark; save it as UTF-8 (in Excel: 'CSV UTF-8'), or as Unicode text with its byte order mark")
        // "a\nB" in UTF-16 BE: the first NUL is the first byte of the line feed, on line 1.
        let big = try #require(decodingFailure([0x00, 0x61, 0x00, 0x0A, 0x00, 0x42]))
        #expect(big.line == 1 && big.column == 1)
        let second = try #require(decodingFailure(Array("a\r\nb".utf8) + [0x00]))
        #expect(second.line == 2 && second.column == 2)
        #expect(big.message.contains("UTF-16 BE without its byte order mark"))
    }

    @Test func brokenUTF16IsAnErrorNamingIt() throws {
        // A lone high surrogate (D800) after "a\n" in UTF-16 LE.
        let surrogate = try #require(decodingFailure([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x62, 0x00]))
        #expect(surrogate.line == 2 && surrogate.column == 1)
        #expect(surrogate.message == "the file is UTF-16 LE (it starts with its byte order mark), but holds a broken character (a lone surrogate) here; save it again, or save it as UTF-8 (in Excel: 'CSV UTF-8')")
        let odd = try #require(decodingFailure(Self.utf16("ab", bigEndian: true) + [0x00]))
        #expect(odd.line == 1 && odd.column == 3)
        #expect(odd.message.contains("UTF-16 BE (it starts with its byte order mark), but its last byte is half a character"))
        let nul = try #require(decodingFailure(Self.utf16("a\u{0}")))
        #expect(nul.message.contains("holds a NUL character here"))
    }

    /// The content folder reads `.tsv` as text, decodes UTF-16, and reports any other
    /// encoding at its place, keeping the file out.
    @Test func theContentFolderDecodesEachTextFileAndLocatesWhatItCannot() throws {
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        writeTree(["a.tsv": "Area\tStaff group\n"], in: root)
        try Data(Self.utf16("Area\tStaff group\r\nÉ\t1\r\n")).write(to: root.appendingPathComponent("b.txt"))
        try Data(Array("x\n".utf8) + [0x93, 0x41, 0x94]).write(to: root.appendingPathComponent("c.csv"))
        var log = DiagnosticLog()
        let content = ContentFolder.read(root, displayRoot: "Content", log: &log)
        #expect(content.files.map(\.relativePath) == ["a.tsv", "b.txt"])
        #expect(content.file("b.txt")?.text == "Area\tStaff group\nÉ\t1\n")
        #expect(log.entries.map(\.formatted) == [
            "Content/c.csv:2:1: error: the file is not UTF-8 text: the byte 0x93 ('“' in Windows-1252) here is not UTF-8; it looks like Windows-1252 or another 8-bit encoding (Excel's plain 'CSV'); save it as UTF-8 (in Excel: 'CSV UTF-8') [not-utf8]",
        ])
        #expect(content.wasUnread("c.csv"))
    }
}

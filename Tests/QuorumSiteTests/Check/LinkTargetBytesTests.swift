import Testing
@testable import QuorumSite

/// Link targets of printable ASCII are resolved on bytes; everything else character by
/// character. The two must agree wherever the byte path answers.
@Suite("Link targets on bytes")
struct LinkTargetBytesTests {
    static let references = [
        "about.html", "./about.html", "../about.html", "../../about.html", "a/./b/../c.html", "a//b.html", "a/", "a/.", "a/..",
        ".", "..", "/", "//", "/a/", "", "#", "#x", "#x%20y", "#a#b", "?", "?q=1", "a.html?q=1#f", "a.html#f?q",
        "media/annual%20report.pdf", "caf%C3%A9.html", "%zz.html", "a%2Fb.html",
        "https://council.example", "https://council.example/", "https://council.example#top", "https://council.example/a/b.html#x",
        "https://council.exampleX/a.html", "HTTPS://COUNCIL.EXAMPLE/a.html", "https://other.example/a", "HTTP://Other.example",
        "//cdn.example.org/x.js", "mailto:a@b.org", "tel:+44", "data:image/png;base64,AA", "a+b-c.d:x", "1a:b.html", "a/b:c.html",
        ":x.html", "javascript:void(0)",
    ]
    static let pages = ["index.html", "a/b.html", "a/b/c.html", "a//b.html", "/a/b.html", "a/", "p%20q/r.html"]
    static let baseURLs = ["", "https://council.example", "https://council.example/sub"]

    @Test func theBytePathAgreesWithTheGeneralOne() {
        for reference in Self.references {
            for page in Self.pages {
                for baseURL in Self.baseURLs {
                    let bytes = LinkTarget(printableASCII: reference, from: page, baseURL: baseURL)
                    #expect(bytes != nil, "printable ASCII takes the byte path: \(reference)")
                    #expect(bytes == LinkTarget(anyText: reference, from: page, baseURL: baseURL),
                            "\(reference) from \(page) with base_url '\(baseURL)'")
                }
            }
        }
    }

    @Test(arguments: [" about.html", "about.html\n", "caf\u{E9}.html", "a b.html", "e\u{301}.html", "a\u{7F}"])
    func otherTextTakesTheGeneralPath(_ reference: String) {
        #expect(LinkTarget(printableASCII: reference, from: "index.html", baseURL: "") == nil)
    }

    @Test func aPagePathOrBaseURLOutsidePrintableASCIITakesTheGeneralPath() {
        #expect(LinkTarget(printableASCII: "a.html", from: "caf\u{E9}/x.html", baseURL: "") == nil)
        #expect(LinkTarget(printableASCII: "a.html", from: "x.html", baseURL: "https://caf\u{E9}.example") == nil)
        #expect(LinkTarget("a.html", from: "caf\u{E9}/x.html") == .file(path: "caf\u{E9}/a.html", fragment: nil))
    }

    @Test func spacesAroundAReferenceAreTrimmed() {
        #expect(LinkTarget(" about.html#team\n", from: "a/b.html") == .file(path: "a/about.html", fragment: "team"))
    }

    @Test func percentDecodingLeavesInvalidSequencesAsWritten() {
        #expect(LinkTarget.decode("a%20b") == "a b")
        #expect(LinkTarget.decode("100%") == "100%")
        #expect(LinkTarget.decode("%zz%20") == "%zz%20")
        #expect(LinkTarget.decode("plain") == "plain")
    }
}

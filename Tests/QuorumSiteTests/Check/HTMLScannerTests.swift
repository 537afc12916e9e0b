import Testing
@testable import QuorumSite

/// The byte scanner: names compared without case, values made only for what is kept.
@Suite("HTML scanner")
struct HTMLScannerTests {
    func references(_ html: String) -> [String] {
        HTMLReferences(scanning: html).references.map { "\($0.element) \($0.attribute)=\($0.value)\($0.isAsset ? " asset" : "")" }
    }

    @Test func upperCaseNamesAreReadAsLowerCase() {
        #expect(references("<LINK REL=stylesheet HREF=../a.css><Img Src='b.png'><A hReF=\"c.html\">c</A>")
                == ["link href=../a.css asset", "img src=b.png asset", "a href=c.html"])
    }

    @Test func unquotedValuesEndAtASpaceOrTheTag() {
        #expect(references("<a href=a.html?x=1&amp;y=2 class=x><a href=b.html>") == ["a href=a.html?x=1&y=2", "a href=b.html"])
    }

    @Test func spacesAroundTheEqualsSignAndAttributesWithoutValues() {
        #expect(references("<a href = \"a.html\" download><a href><a hidden href\n=\tb.html>") == ["a href=a.html", "a href=b.html"])
    }

    @Test func characterReferencesAreDecodedInKeptValues() {
        let scan = HTMLReferences(scanning: "<a href=\"q?a=1&amp;b=&#39;2&#x27;&lt;\" id=\"x&amp;y\" title=\"&amp;\">")
        #expect(scan.references.map(\.value) == ["q?a=1&b='2'<"])
        #expect(scan.ids == ["x&y"])
    }

    @Test func idsOfAnyElementAndNamesOnlyOfLinks() {
        let scan = HTMLReferences(scanning: "<h2 ID=one>1</h2><A NAME=two></A><div name=three></div><p id='four' name=five>")
        #expect(scan.ids == ["one", "two", "four"])
    }

    @Test func textOutsideASCIIIsKeptAsWritten() {
        #expect(references("<a href=\"café.html\"><img src=\"e\u{301}.png\">") == ["a href=café.html", "img src=e\u{301}.png asset"])
    }

    @Test func upperCaseScriptAndStyleAreSkippedToTheirEnd() {
        #expect(references("<SCRIPT>x = '<a href=no.html>'</Script ><a href=yes.html><STYLE>a[href=no]{}</STYLE><img src=y.png>")
                == ["a href=yes.html", "img src=y.png asset"])
    }

    @Test func aSelfClosingScriptHasNoTextToSkip() {
        #expect(references("<script src=\"a.js\" /><a href=b.html>") == ["script src=a.js asset", "a href=b.html"])
        // Unquoted, the "/" belongs to the value: the script is open to the end of the page.
        #expect(references("<script src=a.js/><a href=b.html>") == ["script src=a.js/ asset"])
    }

    @Test func aValueCutOffByTheEndOfThePage() {
        #expect(references("<a href=\"never-closed") == ["a href=never-closed"])
        #expect(references("<a href=") == ["a href="])
        #expect(references("<style><a href=x.html>").isEmpty)
    }
}

import Foundation
import Testing
import Yams
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport

/// Front matter keys are read once into a dictionary (`FrontMatterKeys`) and parsed with a
/// resolver that answers sooner for names (`YAMLResolver`); both must find exactly what
/// Yams's own lookup finds, and report what they reported before.
@Suite("Front matter keys")
struct FrontMatterKeyTests {
    @Test func theNameRuleResolvesEveryTagAsTheDefaultResolverDoes() {
        let texts = ["title", "menu_title", "key decision", "_x", "x-y", "Title", "TITLE", "yes", "Yes", "YES", "yEs",
                     "no", "on", "On", "off", "OFF", "true", "False", "null", "Null", "NULL", "nul", "~", "", " ",
                     "<<", "=", "1", "-1", "+1", "0x1F", "0o17", "1_000", "1.5", ".5", ".inf", "-.INF", ".nan",
                     "2019-09-30", "2019-09-30 10:00:00", "1:30", "yes\n", "null\n", "title\n", "title\r\n", "a.b",
                     "déscription", "a\tb", "yes please", "nothing", "onion", "offer", "truest", "Nullable"]
        for text in texts {
            let node = Node(text)
            #expect(YAMLResolver.resolver.resolveTag(of: node) == Resolver.default.resolveTag(of: node), "\(text.debugDescription)")
        }
    }

    @Test func keysAreFoundAsYamsFindsThem() throws {
        let yaml = """
            title: Plain
            "description": Quoted
            1: one
            "2": two
            yes: bool
            "no": quoted no
            !!str menu: tagged
            ? [a, b]
            : complex
            ~: tilde
            menu title: spaced
            """
        let mapping = try #require(Yams.compose(yaml: yaml, YAMLResolver.resolver)?.mapping)
        let values = FrontMatterKeys.values(mapping)
        for key in ["title", "description", "1", "2", "yes", "no", "menu", "~", "null", "menu title", "a", "[a, b]", "missing"] {
            #expect(values[key] == mapping[key], "\(key)")
        }
        // Yams's lookup resolves the text it is given: a quoted "2" is not found as 2, nor
        // "no" as the bool no; a plain 1 and yes are.
        #expect(values["1"]?.string == "one" && values["yes"]?.string == "bool")
        #expect(values["2"] == nil && values["no"] == nil)
    }

    @Test func duplicateKeysAreStillReportedAtTheirLine() {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source("---\ntitle: a\nmenu: 1\ntitle: b\n---\n"), log: &log)
        #expect(log.entries.map(\.code) == ["front-matter-syntax"])
        #expect(log.entries.map(\.location.line) == [2])
        #expect(log.entries[0].message == "invalid YAML: duplicate key 'title'")
    }

    @Test func aQuotedAndAPlainKeyOfOneTextAreTwoKeys() {
        // `1` is a number and `"1"` a string: not duplicates, and only the plain one is found by "1".
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\ntitle: Keys\n1: one\n\"1\": quoted\n---\n"), log: &log)
        #expect(log.entries.isEmpty)
        #expect(md.frontMatter.string("1", log: &log) == "one")
        #expect(md.frontMatter.location(of: "1").line == 3)
        md.frontMatter.warnAboutUnknownKeys(allowed: ["title"], log: &log)
        #expect(log.entries.map(\.location.line) == [3, 4])
    }

    @Test func nonScalarKeysAreNeitherFoundNorWarnedAbout() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\ntitle: T\n? [a, b]\n: c\n---\n"), log: &log)
        #expect(log.entries.isEmpty)
        #expect(md.frontMatter.node("[a, b]") == nil)
        md.frontMatter.warnAboutUnknownKeys(allowed: ["title"], log: &log)
        #expect(log.entries.isEmpty)
    }

    @Test func windowsLineEndingsKeepLinesAndColumns() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("\u{FEFF}---\r\ntitle: Hi\r\nmenu: x\r\n---\r\nBody\r\n"), log: &log)
        #expect(md.frontMatter.int("menu", log: &log) == nil)
        #expect(log.entries.map(\.location) == [SourceLocation(path: "Content/pages/test.md", line: 3, column: 7)])
        #expect(md.body == "Body\n" && md.bodyStartLine == 5)
    }

    @Test func valuesAreTrimmedOfUnicodeWhitespaceAsBefore() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\ntitle: \"\u{00A0} Hi\t\u{2003}\"\nblank: \" \u{00A0}\"\n---\n"), log: &log)
        #expect(md.frontMatter.string("title", log: &log) == "Hi")
        #expect(md.frontMatter.string("blank", required: true, log: &log) == nil)
        #expect(log.entries.map(\.code) == ["front-matter-missing"])
    }

    @Test func frontMatterOfOnlyWhitespaceIsEmpty() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\n  \n\t\n\u{00A0}\n---\nBody\n"), log: &log)
        #expect(log.entries.isEmpty && md.frontMatter.isValid && md.frontMatter.keys.isEmpty)
    }
}

import Testing
@testable import QuorumContent
@testable import QuorumSupport
import QuorumTestSupport

@Suite("Front matter")
struct FrontMatterTests {
    @Test func splitsFrontMatterAndBodyKeepingLineNumbers() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\ntitle: About\nmenu: 2\n---\n# Hello\n\ntext\n"), log: &log)
        #expect(log.entries.isEmpty)
        #expect(md.frontMatter.string("title", log: &log) == "About")
        #expect(md.frontMatter.int("menu", log: &log) == 2)
        #expect(md.body == "# Hello\n\ntext\n")
        #expect(md.bodyStartLine == 5)
        #expect(md.location(bodyLine: 3).line == 7)
        #expect(md.frontMatter.location(of: "menu") == SourceLocation(path: "Content/pages/test.md", line: 3, column: 7))
    }

    @Test func acceptsFilesWithoutFrontMatter() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("# Just markdown\n"), log: &log)
        #expect(log.entries.isEmpty)
        #expect(md.body == "# Just markdown\n")
        #expect(md.bodyStartLine == 1)
    }

    @Test func acceptsWindowsLineEndingsAndByteOrderMark() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("\u{FEFF}---\r\ntitle: Hi\r\n---\r\nBody\r\n"), log: &log)
        #expect(log.entries.isEmpty)
        #expect(md.frontMatter.string("title", log: &log) == "Hi")
    }

    @Test func reportsYAMLSyntaxErrorsAtTheLineOfTheFile() {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source("---\ntitle: Fine\ndescription: one: two\n---\nBody\n"), log: &log)
        #expect(log.entries.count == 1)
        let diagnostic = log.entries[0]
        #expect(diagnostic.code == "front-matter-syntax")
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 17)
        #expect(diagnostic.formatted.hasPrefix("Content/pages/test.md:3:17: error: invalid YAML: mapping values are not allowed"))
    }

    @Test func reportsBadIndentationBelowTheFirstLine() {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source("---\na: 1\nb:\n  - x\n - y\n---\n"), log: &log)
        #expect(log.entries.map(\.code) == ["front-matter-syntax"])
        #expect(log.entries[0].location.line == 5)
    }

    @Test func reportsUnclosedFrontMatter() {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source("---\ntitle: x\n\nBody never closed\n"), log: &log)
        #expect(log.entries.map(\.code) == ["front-matter-unclosed"])
        #expect(log.entries[0].location.line == 1)
    }

    @Test func reportsAListWhereAMappingBelongs() {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source("---\n- a\n- b\n---\n"), log: &log)
        #expect(log.entries.map(\.code) == ["front-matter-shape"])
        #expect(log.entries[0].location.line == 2)
    }

    @Test func reportsDuplicateKeys() {
        var log = DiagnosticLog()
        _ = MarkdownSource(file: source("---\ntitle: a\ntitle: b\n---\n"), log: &log)
        #expect(log.entries.map(\.code) == ["front-matter-syntax"])
        #expect(log.entries[0].message.contains("duplicate key 'title'"))
    }

    @Test func reportsMissingAndMistypedFields() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\nmenu: first\ndue: 2017-02-30\nopen: maybe\ntags: {a: 1}\n---\n"), log: &log)
        let meta = md.frontMatter
        #expect(meta.string("title", required: true, log: &log) == nil)
        #expect(meta.int("menu", log: &log) == nil)
        #expect(meta.date("due", log: &log) == nil)
        #expect(meta.bool("open", log: &log) == nil)
        #expect(meta.stringList("tags", log: &log) == nil)
        #expect(log.entries.map(\.code) == [
            "front-matter-missing", "front-matter-type", "front-matter-date", "front-matter-type", "front-matter-type",
        ])
        #expect(log.entries.map(\.location.line) == [2, 2, 3, 4, 5])
        #expect(log.entries[2].message == "'due' must be a date written YYYY-MM-DD, not '2017-02-30'")
    }

    @Test func warnsAboutUnknownKeysWithASuggestion() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("---\ntitel: x\ncolour: red\n---\n"), log: &log)
        md.frontMatter.warnAboutUnknownKeys(allowed: ["title", "menu"], log: &log)
        #expect(log.entries.map(\.severity) == [.warning, .warning])
        #expect(log.entries[0].message == "unknown front matter key 'titel' (did you mean 'title'?)")
        #expect(log.entries[1].message == "unknown front matter key 'colour'")
        #expect(log.entries[1].location.line == 3)
    }

    @Test func readsNestedMappingsAndLists() {
        var log = DiagnosticLog()
        let md = MarkdownSource(file: source("""
            ---
            contact:
              name: Jo Bloggs
              phone: "020 8314 0000"
            contributors:
              - name: A
                role: Director
              - name: B
            wards: [All]
            ---

            """), log: &log)
        let meta = md.frontMatter
        let contact = meta.mapping("contact", log: &log)
        #expect(contact?.string("phone", log: &log) == "020 8314 0000")
        let contributors = meta.mappingList("contributors", log: &log) ?? []
        #expect(contributors.map { $0.string("name", log: &log) } == ["A", "B"])
        #expect(contributors[1].string("role", required: true, log: &log) == nil)
        #expect(meta.stringList("wards", log: &log) == ["All"])
        #expect(log.entries.map(\.code) == ["front-matter-missing"])
        #expect(log.entries[0].location.line == 8)
    }
}

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test func aDiagnosticIsAlwaysOneLine() {
        let diagnostic = Diagnostic.error(SourceLocation(path: "a.csv", line: 2, column: 17),
                                          "the row for unclosed,quote\n on line 2 is odd", code: "x")
        #expect(diagnostic.formatted == "a.csv:2:17: error: the row for unclosed,quote\\n on line 2 is odd [x]")
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func parsesOnlyRealDates() {
        #expect(CalendarDate("2017-06-30")?.description == "2017-06-30")
        #expect(CalendarDate("2016-02-29") != nil)
        #expect(CalendarDate("2017-02-29") == nil)
        #expect(CalendarDate("2017-6-30") == nil)
        #expect(CalendarDate("30/06/2017") == nil)
        #expect(CalendarDate("2017-06-30x") == nil)
    }

    @Test func countsDaysAndWritesLongForm() {
        let date = CalendarDate("2017-06-30")!
        #expect(date.adding(days: 1).description == "2017-07-01")
        #expect(date.adding(days: -181).description == "2016-12-31")
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(date.longForm == "30 June 2017")
        #expect(CalendarDate("2017-06-30")! < CalendarDate("2017-07-01")!)
    }
}

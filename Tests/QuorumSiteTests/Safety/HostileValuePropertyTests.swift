import Foundation
import Testing
@testable import QuorumSite
@testable import QuorumSupport
import QuorumTestSupport

/// A property of every build: whatever text the front matter and bodies hold (control
/// characters, any unicode, markdown and HTML syntax, script), every HTML, XML and markdown
/// file written stays well-formed and free of script. The values are random but seeded, so a
/// failure names the seed and iteration that reproduce it (`QUORUM_PROPERTY_SEED`,
/// `QUORUM_PROPERTY_ITERATIONS` run others).
@Suite("Hostile values property")
struct HostileValuePropertyTests {
    /// SplitMix64: small, fast and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let controls = ["\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}[2J", "\u{1B}]0;title\u{7}", "\u{7F}",
                           "\u{85}", "\u{9B}31m", "\u{FFFE}", "\u{FFFF}", "\r", "\r\n", "\t", "\n"]
    static let unicode = ["é", "ł", "Ŵ", "日本", "🙂", "\u{202E}", "\u{200B}", "e\u{301}", "\"\u{301}", "ﬁ", "Ω", "\u{2028}"]
    static let markdown = ["**", "_", "`", "~~", "# ", "| a | b |", "---", "> ", "- ", "1. ", "\\", "[x](javascript:alert(1))",
                           "![i](data:text/html,x)", "<javascript:alert(1)>", "[y](&#106;avascript:alert(1))", "&lt;script&gt;",
                           "&#27;", "www.evil.example", "[z]: vbscript:x", "```", "<!-- -->"]
    static let html = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</p>", "\"><svg onload=alert(1)>", "'", "\"",
                       "&", "<", ">", "]]>", "<![CDATA[", "</script>", "<a href=\"javascript:alert(1)\">a</a>", "<style>", "{{x}}"]

    /// A value: a word (so that every slug has letters) and a few hostile pieces.
    static func value(_ random: inout Random, links: Bool = true) -> String {
        let pools = [controls, unicode, markdown, html]
        var text = random.pick(["Alpha", "Beta", "Gamma", "Delta"])
        for _ in 0...random.below(5) {
            var piece = random.pick(random.pick(pools))
            if !links, piece.contains("](") || piece.contains("<javascript") || piece.contains("www.") || piece.contains("]:") {
                piece = "plain"
            }
            text += random.pick(["", " "]) + piece
        }
        return text
    }

    /// `text` as a YAML double-quoted scalar: quotes, backslashes and control characters escaped.
    static func yaml(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value >= 0xFFFE
                || scalar.value == 0x2028:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += scalar.value > 0xFFFF ? String(scalar) : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A body: paragraphs of hostile pieces, written into the file as they are.
    static func body(_ random: inout Random, links: Bool = true) -> String {
        (0...random.below(4)).map { _ in value(&random, links: links).replacingOccurrences(of: "\u{0}", with: "") }
            .joined(separator: random.pick(["\n\n", "\n", " "])) + "\n"
    }

    static func site(_ random: inout Random) -> [String: String] {
        func v(_ links: Bool = true) -> String { yaml(value(&random, links: links)) }
        return [
            "site.yaml": "title: \(v())\ncouncil: \(v())\nbase_url: https://jobs.example.gov.uk\n",
            "pages/index.md": "---\ntitle: \(v())\n---\n\(body(&random))",
            "pages/about.md": "---\ntitle: \(v())\n---\n\(body(&random))",
            "pages/vacancies.md": "---\ntitle: \(v())\ntemplate: vacancies\n---\n\(body(&random))",
            "pages/testimonials.md": "---\ntitle: \(v())\ntemplate: testimonials\n---\n",
            "pages/events.md": "---\ntitle: \(v())\ntemplate: events\n---\n",
            "papers/2026-11-18-p.md": """
                ---
                committee: \(v())
                title: \(v())
                meeting_date: 2026-11-18
                item: \(v())
                key_decision: no
                wards: [\(v()), \(v())]
                contributors: [{name: \(v()), role: \(v())}]
                class: open
                recommendations_intro: \(v())
                recommendations: [\(v()), \(v())]
                contact: {name: \(v()), role: \(v()), phone: \(v()), email: a@example.org}
                background_documents:
                  - \(v())
                  - {title: \(v()), link: "https://www.gov.uk/doc"}
                ---
                ## Summary

                \(body(&random))
                ## Details

                \(body(&random))
                """,
            "vacancies/v.md": """
                ---
                title: \(v())
                team: \(v())
                grade: \(v())
                salary_min: 40000
                salary_max: 45000
                hours: \(v())
                working_pattern: full-time
                contract: permanent
                location: {office: \(v()), street: \(v()), town: \(v()), postcode: E1 1AA}
                posted: 2026-11-01
                closes: 2026-12-01
                reference: REF-1
                apply_url: https://apply.example.org/apply/1
                registration: \(v())
                ---
                \(body(&random))
                """,
            "testimonials/t.md": """
                ---
                name: \(v())
                role: \(v())
                team: \(v())
                years: 3
                quote: \(v())
                consent: {given: 2026-01-01, scope: [website], expires: 2027-01-01}
                ---
                \(body(&random, links: false))
                """,
            "events/e.md": """
                ---
                title: \(v())
                kind: open-day
                date: 2026-12-05
                time: \(v())
                venue: \(v())
                ---
                \(body(&random))
                """,
        ]
    }

    @Test func everyOutputStaysWellFormedAndFreeOfScript() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["QUORUM_PROPERTY_SEED"].flatMap(UInt64.init) ?? 20_261_129
        let iterations = environment["QUORUM_PROPERTY_ITERATIONS"].flatMap(Int.init) ?? 12
        var random = Random(state: seed)
        let root = TestPaths.temporaryFolder()
        defer { TestPaths.remove(root) }
        for iteration in 0..<iterations {
            let files = Self.site(&random)
            let content = root.appendingPathComponent("Content-\(iteration)"), output = root.appendingPathComponent("public-\(iteration)")
            writeTree(files, in: content)
            let report = SiteBuild.build(BuildOptions(content: content, templates: TestPaths.templates, output: output,
                                                      asOf: CalendarDate("2026-11-20")!))
            let place = "seed \(seed), iteration \(iteration)"
            #expect(report.errorCount == 0, "\(place): \(report.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
            let written = readTree(output)
            #expect(written.keys.contains("papers/2026-11-18-p.md") && written.keys.contains("feeds/vacancies.xml"), "\(place)")
            for (path, data) in written.sorted(by: { $0.key < $1.key }) {
                let problems = OutputSafety.problems(path: path, data: data)
                #expect(problems.isEmpty, "\(place): \(problems)\n\(String(decoding: data, as: UTF8.self))")
            }
            // Diagnostics quote values: printed, they hold no control character.
            let printed = DiagnosticFormat.text.render(report.diagnostics, summary: nil)
            #expect(!printed.unicodeScalars.contains { ControlCharacters.isControl($0) }, "\(place)")
        }
    }
}

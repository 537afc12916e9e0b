import Foundation
import QuorumContent
import QuorumMarkdown
import QuorumSupport

/// A committee paper: `papers/NAME.md`. The front matter fills the header table, the
/// recommendations and the originator section; the body holds the officer's text under
/// level-2 headings named after the standard sections.
package struct CommitteePaper: Sendable {
    package struct Person: Sendable {
        package let name: String
        package let role: String
    }

    package struct Contact: Sendable {
        package let name: String
        package let role: String
        package let phone: String
        package let email: String
    }

    package struct BackgroundDocument: Sendable {
        package let title: String
        package let link: String?
    }

    package let committee: String
    package let title: String
    package let meetingDate: CalendarDate
    /// The date live figures and the action plan are taken as at (default: the meeting date).
    package var asAt: CalendarDate
    package let item: String
    package let keyDecision: Bool
    package let wards: [String]
    package let contributors: [Person]
    package let classification: PaperClass
    package let recommendationsIntro: String
    package let recommendations: [String]
    package let contact: Contact?
    package let backgroundDocuments: [BackgroundDocument]
    package let source: MarkdownSource
    /// File name without extension inside `papers/`, e.g. `2018-11-14-workforce-strategy`.
    package var slug: String

    package static let folder = "papers"
    static let keys: Set<String> = [
        "committee", "title", "meeting_date", "as_at", "item", "key_decision", "wards", "contributors", "class",
        "exempt_paragraph", "recommendations_intro", "recommendations", "contact", "background_documents",
    ]

    package static func loadAll(from content: ContentFolder, log: inout DiagnosticLog) -> [CommitteePaper] {
        // A paper may name its own address; an annual update's is made from its year.
        content.files(in: folder, extensions: ["md", "markdown"]).compactMap { load($0, extraKeys: [ContentSlug.key], log: &log) }
            .sorted { ($0.committee, $0.meetingDate, $0.slug) < ($1.committee, $1.meetingDate, $1.slug) }
    }

    /// `extraKeys` are front matter keys a kind of paper adds (an annual update's period).
    static func load(_ file: SourceFile, extraKeys: Set<String> = [], log: inout DiagnosticLog) -> CommitteePaper? {
        guard let source = MarkdownSource.read(file, keys: keys.union(extraKeys), log: &log) else { return nil }
        let meta = source.frontMatter
        let committee = meta.string("committee", required: true, log: &log)
        let title = meta.string("title", required: true, log: &log)
        let meetingDate = meta.date("meeting_date", required: true, log: &log)
        let item = meta.string("item", required: true, log: &log)
        let keyDecision = meta.bool("key_decision", required: true, log: &log)
        let wards = meta.stringList("wards", log: &log) ?? ["All"]
        var ok = true
        let contributors: [Person] = (meta.mappingList("contributors", required: true, log: &log) ?? []).compactMap { entry in
            entry.warnAboutUnknownKeys(allowed: ["name", "role"], log: &log)
            guard let name = entry.string("name", required: true, log: &log),
                  let role = entry.string("role", required: true, log: &log) else { ok = false; return nil }
            return Person(name: name, role: role)
        }
        let classification = readClass(meta, log: &log, ok: &ok)
        var contact: Contact?
        if let entry = meta.mapping("contact", required: true, log: &log) {
            entry.warnAboutUnknownKeys(allowed: ["name", "role", "phone", "email"], log: &log)
            let fields = ["name", "role", "phone", "email"].map { entry.string($0, required: true, log: &log) }
            if let name = fields[0], let role = fields[1], let phone = fields[2], let email = fields[3] {
                contact = Contact(name: name, role: role, phone: phone, email: email)
                if !isMailAddress(email) {
                    log.error(entry.location(of: "email"), "'email' must be a mail address such as jo.bloggs@example.gov.uk, not '\(email)'",
                              code: "paper-contact-email")
                    ok = false
                }
            } else { ok = false }
        }
        let documents = readBackgroundDocuments(meta, log: &log)
        let slug = extraKeys.contains(ContentSlug.key) ? ContentSlug.read(source, kind: "paper", log: &log) : Slug.make(file.stem)
        guard ok, let slug, let committee, let title, let meetingDate, let item, let keyDecision else { return nil }
        return CommitteePaper(
            committee: committee, title: title, meetingDate: meetingDate,
            asAt: meta.date("as_at", log: &log) ?? meetingDate, item: item, keyDecision: keyDecision,
            wards: wards, contributors: contributors, classification: classification,
            recommendationsIntro: meta.string("recommendations_intro", log: &log) ?? "Members of the Select Committee are recommended to:",
            recommendations: meta.stringList("recommendations", log: &log) ?? [],
            contact: contact, backgroundDocuments: documents, source: source, slug: slug
        )
    }

    private static func readClass(_ meta: FrontMatter, log: inout DiagnosticLog, ok: inout Bool) -> PaperClass {
        let text = meta.string("class", required: true, log: &log)?.lowercased()
        switch text {
        case "open", nil:
            if text == nil { ok = false }
            return .open
        case "exempt", "part 2", "part ii":
            guard let paragraph = meta.int("exempt_paragraph", log: &log), (1...7).contains(paragraph) else {
                log.error(meta.location(of: "class"),
                          "an exempt paper needs 'exempt_paragraph': the paragraph (1 to 7) of Schedule 12A it falls under",
                          code: "paper-exempt-paragraph")
                ok = false
                // Still exempt: a paper marked exempt is never treated as open, whatever else is wrong.
                return .exempt(paragraph: 0)
            }
            return .exempt(paragraph: paragraph)
        default:
            log.error(meta.location(of: "class"), "'class' must be open or exempt, not '\(text!)'", code: "paper-class")
            ok = false
            return .exempt(paragraph: 0)
        }
    }

    private static func readBackgroundDocuments(_ meta: FrontMatter, log: inout DiagnosticLog) -> [BackgroundDocument] {
        guard let items = meta.items("background_documents") else {
            _ = meta.stringList("background_documents", log: &log)
            return []
        }
        var documents: [BackgroundDocument] = []
        for item in items {
            if let text = item.text {
                documents.append(BackgroundDocument(title: meta.text(of: text, at: item, key: "background_documents", log: &log),
                                                    link: nil))
            } else if let fields = item.fields, let title = fields["title"] {
                let written = fields["link"]
                let link = written.flatMap { readBackgroundLink($0, at: item.fieldLocations["link"] ?? item.location, log: &log) }
                if written != nil, link == nil { continue }
                documents.append(BackgroundDocument(title: meta.text(of: title, at: item, key: "title", log: &log), link: link))
            } else {
                log.error(item.location, "a background document is a title, or 'title:' with an optional 'link:'",
                          code: "front-matter-type")
            }
        }
        return documents
    }

    /// `name@domain`, with nothing that could end the `<address>` link the paper writes.
    static func isMailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || "<>()[]\\\",;:".unicodeScalars.contains($0) }
    }

    /// A background document's `link`: a web or mail address, or a path inside the site. Any
    /// other scheme (`javascript:`, `data:`) is an error, as for a vacancy's `apply_url`, and so
    /// is a space or a character that would end the link in the markdown paper.
    private static func readBackgroundLink(_ written: String, at location: SourceLocation, log: inout DiagnosticLog) -> String? {
        let text = written.trimming(.spacesAndNewlines)
        let lower = text.lowercased()
        let scheme = lower.firstIndex(of: ":").map { String(lower[..<$0]) }
        let hasScheme = scheme.map { !$0.isEmpty && !$0.contains("/") && !$0.contains("?") && !$0.contains("#") } ?? false
        let allowedScheme = !hasScheme || ["https", "http", "mailto"].contains(scheme!)
        guard !text.isEmpty, allowedScheme, !SafeMarkdownTree.isScriptAddress(text),
              !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || ControlCharacters.isControl($0) || $0 == "<" || $0 == ">" }),
              URL(string: text) != nil else {
            log.error(location,
                      "a background document's 'link' must be an https:// or mailto: address or a path inside the site, not '\(text)'",
                      code: "paper-background-link")
            return nil
        }
        return text
    }
}

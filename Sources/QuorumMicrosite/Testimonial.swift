import QuorumContent
import QuorumMarkdown
import QuorumSupport

/// A member of staff's testimonial: one markdown file in `testimonials/`, their story as the body.
///
/// Everything in it is treated as untrusted text: front matter values are escaped by the
/// templates, the story is rendered as safe markdown (raw HTML and script never survive), and
/// links must be web addresses. It is published only while its `consent` is valid.
package struct Testimonial: Sendable {
    package let source: MarkdownSource
    package let slug: String
    /// A name or initials, as the person agreed to be named.
    package let name: String
    package let role: String
    package let team: String
    /// Years working for the council.
    package let years: Int
    package let quote: String
    /// A picture in `media/`, with the alt text that is required with it.
    package let photo: (path: String, alt: String)?
    /// A video link, with the transcript that is required with it.
    package let video: (url: String, transcript: String)?
    /// Shown on the home page; the first featured testimonial wins.
    package let featured: Bool
    package let consent: Consent

    package static let folder = "testimonials"
    static let keys: Set<String> = [
        "name", "role", "team", "years", "quote", "photo", "photo_alt", "video", "transcript", "featured", "consent",
        ContentSlug.key,
    ]

    package static func loadAll(from content: ContentFolder, log: inout DiagnosticLog) -> [Testimonial] {
        content.files(in: folder, extensions: ["md", "markdown"]).compactMap { load($0, in: content, log: &log) }
    }

    static func load(_ file: SourceFile, in content: ContentFolder, log: inout DiagnosticLog) -> Testimonial? {
        guard let source = MarkdownSource.read(file, keys: keys, log: &log) else { return nil }
        let meta = source.frontMatter
        let errorsBefore = log.errorCount
        let name = meta.string("name", required: true, log: &log)
        let role = meta.string("role", required: true, log: &log)
        let team = meta.string("team", required: true, log: &log)
        let years = meta.int("years", required: true, log: &log)
        let quote = meta.string("quote", required: true, log: &log)
        let consent = Consent.read(meta, log: &log)
        if let years, years < 0 {
            log.error(meta.location(of: "years"), "'years' cannot be negative", code: "testimonial-years")
        }
        let photo = readPhoto(meta, content: content, log: &log)
        let video = readVideo(meta, log: &log)
        checkStoryLinks(source, log: &log)
        let slug = ContentSlug.read(source, kind: "testimonial", log: &log)
        guard log.errorCount == errorsBefore, let slug, let name, let role, let team, let years, let quote, let consent
        else { return nil }
        return Testimonial(source: source, slug: slug, name: name, role: role, team: team, years: years,
                           quote: quote, photo: photo, video: video,
                           featured: meta.bool("featured", log: &log) ?? false, consent: consent)
    }

    static func readPhoto(_ meta: FrontMatter, content: ContentFolder, log: inout DiagnosticLog) -> (path: String, alt: String)? {
        let path = meta.string("photo", log: &log)
        let alt = meta.string("photo_alt", log: &log)
        guard let path else {
            if alt != nil {
                log.warning(meta.location(of: "photo_alt"), "'photo_alt' is set but there is no 'photo'", code: "testimonial-photo")
            }
            return nil
        }
        guard path.hasPrefix("media/"), OutputPath(path) != nil, content.hasBinaryFile(path) else {
            log.error(meta.location(of: "photo"), "'photo' must name a picture in the content folder's media/, such as media/staff/jo.jpg; '\(path)' is not there",
                      code: "testimonial-photo")
            return nil
        }
        guard let alt, !alt.isEmpty else {
            log.error(meta.location(of: "photo"), "a photo needs 'photo_alt': a short description of the picture for people who cannot see it",
                      code: "testimonial-photo-alt")
            return nil
        }
        return (path, alt)
    }

    /// Links and pictures in the story: `https://` addresses or files in `media/`, as the
    /// docs promise, so an `http://`, `//host`, `www.` or script link is an error at its line.
    static func checkStoryLinks(_ source: MarkdownSource, log: inout DiagnosticLog) {
        for link in source.sourceLinks(MarkdownDocument(source.body).links) where !isAllowedStoryLink(link.url) {
            log.error(link.location, "a link or picture in a testimonial must be an https:// address, a file in media/ or a #place on the page, not '\(link.url)'",
                      code: "testimonial-link")
        }
    }

    static func isAllowedStoryLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") { return lower.count > "https://".count }
        // A link to a place on the same page; the link check makes sure it is there.
        if url.hasPrefix("#") { return url.count > 1 }
        return url.hasPrefix("media/") && !url.split(separator: "/").contains("..")
    }

    static func readVideo(_ meta: FrontMatter, log: inout DiagnosticLog) -> (url: String, transcript: String)? {
        guard let url = meta.webAddress("video", httpsOnly: true, code: "testimonial-video", log: &log) else {
            if meta.node("transcript") != nil, meta.node("video") == nil {
                log.warning(meta.location(of: "transcript"), "'transcript' is set but there is no 'video'", code: "testimonial-video")
            }
            return nil
        }
        guard let transcript = meta.string("transcript", log: &log), !transcript.isEmpty else {
            log.error(meta.location(of: "video"), "a video needs a 'transcript' of everything said and shown in it",
                      code: "testimonial-transcript")
            return nil
        }
        return (url, transcript)
    }
}

import Foundation
import QuorumSupport

/// `site.yaml`: who publishes the site and how it looks.
package struct SiteConfig: Sendable {
    /// The site's name, e.g. "Work for Children's Social Care in Harbourside".
    package var title: String
    /// The council, e.g. "London Borough of Harbourside".
    package var council: String
    /// The public address the site will live at, without a trailing slash.
    package var baseURL: String
    package var language: String
    package var description: String
    package var primaryColour: String
    package var logo: String?
    /// `as_of`: pins the as-at date of builds not given `--as-of` (for sample and demo content).
    package var asOf: CalendarDate?

    package static let fileName = "site.yaml"
    static let keys: Set<String> = ["title", "council", "base_url", "language", "description", "branding", "as_of"]

    package static func load(from content: ContentFolder, log: inout DiagnosticLog) -> SiteConfig {
        var config = SiteConfig(title: "Quorum site", council: "Council", baseURL: "", language: "en-GB",
                                description: "", primaryColour: "#1d4f91", logo: nil)
        guard let file = content.file(fileName) else {
            // A missing content folder, or a settings file that cannot be read, is reported
            // once, by ContentFolder.
            guard FileManager.default.fileExists(atPath: content.root.path), !content.wasUnread(fileName) else {
                return config
            }
            log.error(SourceLocation(path: content.displayPath(fileName)),
                      "the content folder has no \(fileName); 'quorum new' shows one", code: "missing-site-config")
            return config
        }
        let yaml = FrontMatter.parse(yaml: file.text, firstLine: 1, file: file, log: &log)
        guard yaml.isValid else { return config }
        yaml.warnAboutUnknownKeys(allowed: keys, log: &log)
        config.title = yaml.string("title", required: true, log: &log) ?? config.title
        config.council = yaml.string("council", required: true, log: &log) ?? config.council
        if let url = yaml.string("base_url", log: &log) {
            if url.hasPrefix("https://") || url.hasPrefix("http://") {
                config.baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else {
                log.error(yaml.location(of: "base_url"), "'base_url' must start with https:// or http://, not '\(url)'",
                          code: "site-config-url")
            }
        }
        config.language = yaml.string("language", log: &log) ?? config.language
        config.description = yaml.string("description", log: &log) ?? ""
        config.asOf = yaml.date("as_of", log: &log)
        if let branding = yaml.mapping("branding", log: &log) {
            branding.warnAboutUnknownKeys(allowed: ["primary_colour", "logo"], log: &log)
            if let colour = branding.string("primary_colour", log: &log) {
                if colour.range(of: "^#[0-9A-Fa-f]{6}$", options: .regularExpression) != nil {
                    config.primaryColour = colour
                    if let ratio = Contrast.againstWhite(colour), ratio < Contrast.minimumForText {
                        log.warning(branding.location(of: "primary_colour"), String(format: "white text on '\(colour)' has a contrast of %.1f:1; WCAG 2.2 AA needs 4.5:1, so choose a darker colour", ratio),
                                    code: "site-config-contrast")
                    }
                } else {
                    log.error(branding.location(of: "primary_colour"),
                              "'primary_colour' must be a colour written #RRGGBB, not '\(colour)'",
                              code: "site-config-colour")
                }
            }
            config.logo = branding.string("logo", log: &log)
        }
        return config
    }
}

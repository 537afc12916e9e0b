import QuorumSupport

/// The address of a content file's page: its `slug:` key when it has one, else its file
/// name made into a slug (`Équipe d'accueil.md` -> `equipe-d-accueil`).
///
/// Never empty: a name with nothing to make an address from (`-.md`, `!!!.md`, an emoji)
/// is an error at the file asking for a `slug:` key, so no page is ever written as a hidden
/// `.html`. `kind` names the rule in codes: `page-slug`, `vacancy-slug`, `paper-slug`.
package enum ContentSlug {
    package static let key = "slug"

    package static func read(_ source: MarkdownSource, kind: String, log: inout DiagnosticLog) -> String? {
        let meta = source.frontMatter
        if let typed = meta.string(key, log: &log) {
            let slug = Slug.make(typed)
            if slug.isEmpty {
                log.error(meta.location(of: key), "'slug' must contain letters or digits", code: "\(kind)-slug")
                return nil
            }
            if slug != typed {
                log.warning(meta.location(of: key), "slug '\(typed)' is written as '\(slug)'", code: "\(kind)-slug-rewritten")
            }
            return slug
        }
        let slug = Slug.make(source.file.stem)
        if slug.isEmpty {
            log.error(source.file.location(),
                      "the file name '\(source.file.stem)' has no letters or digits to make the page's address from; add a 'slug:' key (e.g. slug: my-page)",
                      code: "\(kind)-slug")
            return nil
        }
        return slug
    }
}

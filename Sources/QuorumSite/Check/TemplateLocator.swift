import Foundation
import QuorumSupport

/// Finds the template line that writes a reference a page has, for the references the
/// templates make. Asked only for the ones that need a place (a broken or an external
/// link): every page has template references of its own (its canonical link), and
/// searching the templates for each would cost more than checking the whole page.
///
/// One locator serves a run of pages; it remembers what it found, and reads the
/// templates' candidate lines only when first asked.
struct TemplateLocator {
    let templates: [String: String]
    /// The output folder as diagnostics print it, for pages that have no known origin.
    let outputDisplay: String

    private lazy var lines = TemplateLinkLines(templates: templates)
    private var chains: [String: [String]] = [:]
    /// Search results by template and needle; nil when no template line has the needle.
    private var found: [Written: SourceLocation?] = [:]
    /// Every location given, by the page's template (or path) and the value.
    private var located: [Written: SourceLocation] = [:]

    /// A value as written by a template (or, for a page with no origin, by the page).
    private struct Written: Hashable {
        let template: String
        let value: Substring
    }

    init(templates: [String: String], outputDisplay: String) {
        self.templates = templates
        self.outputDisplay = outputDisplay
    }

    /// Where the template of `page` writes `value`, as the page has it.
    mutating func location(of value: String, in page: OutputFile) -> SourceLocation {
        let key = Written(template: page.origin?.template ?? page.path.value, value: Substring(value))
        if let known = located[key] { return known }
        let location = templateLocation(of: value, in: page)
        located[key] = location
        return location
    }

    /// The template line that holds `value`, as far as it can be found: templates write
    /// `{{root}}assets/x.css` where the page has `../assets/x.css`, so the search is for
    /// the value without its leading `../`. Otherwise line 1 of the page's template.
    private mutating func templateLocation(of value: String, in page: OutputFile) -> SourceLocation {
        guard let origin = page.origin else { return SourceLocation(path: "\(outputDisplay)/\(page.path.value)") }
        var needle = Substring(value)
        while needle.hasPrefix("../") { needle = needle.dropFirst(3) }
        if needle.count > 1 {
            let key = Written(template: origin.template, value: needle)
            if let known = found[key] {
                if let known { return known }
            } else {
                let chain = chains[origin.template] ?? includeChain(from: origin.template)
                chains[origin.template] = chain
                let location = lines.find(needle, from: origin.template, chain: chain)
                found[key] = .some(location)
                if let location { return location }
            }
        }
        return SourceLocation(path: origin.template)
    }

    /// The page's template, then the parents and partials it uses (`{{<base}}`, `{{> partials/x}}`),
    /// depth first: where a link in a page most likely comes from.
    func includeChain(from template: String) -> [String] {
        var chain: [String] = []
        func visit(_ path: String) {
            guard !chain.contains(path), let text = templates[path] else { return }
            chain.append(path)
            var rest = Substring(text)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                let tag = rest.drop { $0 == " " }
                guard let kind = tag.first, kind == "<" || kind == ">", let close = tag.range(of: "}}") else { continue }
                let name = tag.dropFirst()[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let included = templates.keys.sorted().first(where: { $0.hasSuffix("/\(name).mustache") }) {
                    visit(included)
                }
            }
        }
        visit(template)
        return chain
    }
}

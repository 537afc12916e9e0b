/// Whether a template writes a page's own text only as it is or escaped, which is what a
/// `PageShell` can stand in for. It does not when it has
/// - a transform, `{{uppercased(page.title)}}`, or a dynamic partial, `{{>*name}}`;
/// - a whole value written out where that value holds the page's text: `{{page}}`, or `{{.}}`
///   outside any section or inside `{{#page}}` (Swift describes the strings of a value in its
///   own quoted form). `{{.}}` inside a section over a list or a text is the item itself;
/// - changed delimiters, `{{=<% %>=}}`, behind which none of these can be seen.
enum ShellSafety {
    static func allows(_ template: String) -> Bool {
        var sections: [Substring] = []
        for tag in template.split(separator: "{{", omittingEmptySubsequences: false).dropFirst() {
            let inside = tag.prefix { $0 != "}" }
            guard let sigil = inside.first(where: { $0 != " " }) else { continue }
            // A comment writes nothing, whatever it says ("(" included).
            if sigil == "!" { continue }
            let name = inside.drop { $0 == " " || $0 == sigil }.trimmingCharacters(in: .whitespaces)
            if inside.contains("(") || sigil == "=" { return false }
            switch sigil {
            case "#", "^":
                sections.append(Substring(name))
            case "/":
                _ = sections.popLast()
            case ">", "<":
                if name.hasPrefix("*") { return false }
            case "!", "$", "%":
                continue
            default:
                // A variable: `{{name}}`, `{{{name}}}`, `{{& name}}`.
                let variable = inside.drop { $0 == " " || $0 == "{" || $0 == "&" }.trimmingCharacters(in: .whitespaces)
                if variable == "page" { return false }
                if variable == ".", sections.last.map({ $0 == "page" }) ?? true { return false }
            }
        }
        return true
    }
}

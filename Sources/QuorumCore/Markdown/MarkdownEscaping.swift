import Mustache

/// Escapes text so that markdown shows it as written: for names and titles placed into
/// generated markdown, and for `{{value}}` in markdown templates.
public enum MarkdownEscaping {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#"]

    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" { result.append(" "); continue }
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// The `{{% CONTENT_TYPE: MARKDOWN }}` pragma for markdown templates: `{{value}}` escapes
/// markdown, `{{{value}}}` inserts it as it is (for markdown Quorum rendered itself).
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }

    /// Registered before any template is parsed; registering twice is harmless.
    static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
}

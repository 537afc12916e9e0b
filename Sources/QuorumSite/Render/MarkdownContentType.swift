import Mustache
import QuorumMarkdown

/// The `{{% CONTENT_TYPE: MARKDOWN }}` pragma for markdown templates: `{{value}}` escapes
/// markdown, `{{{value}}}` inserts it as it is (for markdown Quorum rendered itself).
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }

    /// Registered before any template is parsed; registering twice is harmless.
    static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
}

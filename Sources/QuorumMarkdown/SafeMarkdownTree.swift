import CCmarkGFM
import QuorumSupport

/// The rules the HTML renderer applies, applied to the tree before it is written back out as
/// markdown (the `.md` papers), so that someone who renders or converts that markdown gets no
/// more than the HTML page has: a raw HTML block is replaced by the comment the HTML shows in
/// its place, inline raw HTML is left out, and a link or picture to a script address (`javascript:`, also written with
/// entities as `&#106;avascript:`, which cmark has decoded by now) loses its address.
///
/// Both edits leave the HTML rendering of the same tree as it was: cmark omits raw HTML with
/// that same comment and writes an empty `href` for such an address.
package enum SafeMarkdownTree {
    static let omittedHTML = "<!-- raw HTML omitted -->"
    /// The only raw HTML in markdown Quorum writes: that comment, and the one cmark puts
    /// between two lists so they are not read back as one.
    static let writtenHTML: Set<String> = [omittedHTML, "<!-- end list -->"]

    /// Makes `root` and everything inside it safe to write as markdown.
    static func apply(to root: OpaquePointer) {
        CmarkTree.forEachNode(in: root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK:
                _ = cmark_node_set_literal(node, omittedHTML + "\n")
            case CMARK_NODE_HTML_INLINE:
                // Nothing: a comment here could open a line, and a line that opens with `<!--`
                // is read back as a raw HTML block that takes the text after it raw too.
                _ = cmark_node_set_literal(node, "")
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node).map({ String(cString: $0) }), isScriptAddress(url) {
                    _ = cmark_node_set_url(node, "")
                }
            default:
                break
            }
        }
    }

    /// Whether a browser could run or open `url` as script or inline content: the schemes
    /// cmark-gfm refuses (`javascript:`, `vbscript:`, `file:`, `data:` other than a picture),
    /// matched as a browser reads the address, ignoring whitespace and control characters.
    package static func isScriptAddress(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || ControlCharacters.isControl(scalar) { continue }
            if scalar == ":" { break }
            scheme.unicodeScalars.append(scalar)
            if scheme.count > 16 { return false }
        }
        switch scheme.lowercased() {
        case "javascript", "vbscript", "file": return true
        case "data":
            let lower = url.lowercased().filter { !$0.isWhitespace }
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        default: return false
        }
    }
}

import CCmarkGFM

/// A node of a parsed markdown tree. It keeps its document alive, and is only valid
/// while the tree is not changed.
package struct MarkdownNode {
    let pointer: OpaquePointer
    let owner: MarkdownDocument

    /// cmark-gfm's name for the node kind: `document`, `heading`, `paragraph`, `list`,
    /// `item`, `tasklist`, `code_block`, `table`, `text`, `link`, ...
    package var kind: String {
        guard let name = cmark_node_get_type_string(pointer) else { return "" }
        return String(cString: name)
    }

    package var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, owner: owner))
            child = cmark_node_next(current)
        }
        return result
    }

    package var parent: MarkdownNode? {
        cmark_node_parent(pointer).map { MarkdownNode(pointer: $0, owner: owner) }
    }

    /// Line in the markdown body where the node starts (from 1).
    package var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    package var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    package var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The text of a text, code or code block node.
    package var literal: String? {
        cmark_node_get_literal(pointer).map { String(cString: $0) }
    }

    package var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The info string of a fenced code block (` ```quorum workforce-table ` gives
    /// `quorum workforce-table`).
    package var fenceInfo: String? {
        cmark_node_get_fence_info(pointer).map { String(cString: $0) }
    }

    package var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }

    /// True for a list item written `- [ ]` or `- [x]`.
    package var isTaskItem: Bool { kind == "tasklist" }

    /// True for a ticked task list item.
    package var isTaskChecked: Bool { isTaskItem && cmark_gfm_extensions_get_tasklist_item_checked(pointer) }

    /// The text a reader sees, with markup removed: used for heading ids and parsing.
    package var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    private func appendPlainText(to text: inout String) {
        switch kind {
        case "text", "code", "html_inline":
            text += literal ?? ""
        case "softbreak", "linebreak":
            text += " "
        default:
            for child in children { child.appendPlainText(to: &text) }
        }
    }

    /// True when `ancestor` contains this node.
    func isInside(_ ancestor: OpaquePointer) -> Bool {
        var current = cmark_node_parent(pointer)
        while let node = current {
            if node == ancestor { return true }
            current = cmark_node_parent(node)
        }
        return false
    }

    /// This node and everything below it, in document order.
    package var descendants: [MarkdownNode] {
        var result: [MarkdownNode] = []
        func walk(_ node: MarkdownNode) {
            result.append(node)
            for child in node.children { walk(child) }
        }
        walk(self)
        return result
    }
}

extension MarkdownDocument {
    /// The text of the first paragraph: a summary for lists and link previews.
    package var firstParagraphText: String? {
        document.children.first { $0.kind == "paragraph" }?.plainText
    }
}

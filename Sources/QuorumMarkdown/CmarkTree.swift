import CCmarkGFM

/// A walk over cmark's own tree, for the questions asked of every page (heading ids, links):
/// straight through cmark's iterator, without making a `MarkdownNode` for each node.
enum CmarkTree {
    /// Calls `body` with `root` and every node inside it, in document order.
    static func forEachNode(in root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }
}

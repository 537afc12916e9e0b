/// Names the checkboxes of GFM task lists (`- [x] Done`).
///
/// cmark-gfm writes a bare disabled `<input type="checkbox">`, which has no accessible name
/// (axe's "form elements must have labels"); a screen reader would say only "checkbox".
/// Each gets `aria-label="Done"` or `"Not done"` (see `CmarkHTMLEdits`).
enum TaskListLabels {
    private static let replacements: [(tag: [UInt8], named: [UInt8])] = [
        (Array(#"<input type="checkbox" checked="" disabled="" />"#.utf8),
         Array(#"<input type="checkbox" checked="" disabled="" aria-label="Done" />"#.utf8)),
        (Array(#"<input type="checkbox" disabled="" />"#.utf8),
         Array(#"<input type="checkbox" disabled="" aria-label="Not done" />"#.utf8)),
    ]

    /// The replacement for a checkbox at `index` of cmark's HTML; nil when there is none there.
    static func tag(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, replacement: [UInt8])? {
        replacements.first { tag, _ in
            index + tag.count <= bytes.count && bytes[index..<(index + tag.count)].elementsEqual(tag)
        }.map { ($0.tag.count, $0.named) }
    }
}

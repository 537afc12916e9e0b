/// Names the checkboxes of GFM task lists (`- [x] Done`).
///
/// cmark-gfm writes a bare disabled `<input type="checkbox">`, which has no accessible name
/// (axe's "form elements must have labels"); a screen reader would say only "checkbox".
/// Each gets `aria-label="Done"` or `"Not done"`. Safe to do on the HTML: raw HTML in
/// content is never emitted, so every such input in cmark's output is a task list's.
enum TaskListLabels {
    static let checked = #"<input type="checkbox" checked="" disabled="" />"#
    static let unchecked = #"<input type="checkbox" disabled="" />"#

    static func add(to html: String) -> String {
        // Most pages have no task list: one byte search finds that.
        guard html.utf8.firstRange(of: #"<input type="checkbox""#.utf8) != nil else { return html }
        return html
            .replacing(checked, with: #"<input type="checkbox" checked="" disabled="" aria-label="Done" />"#)
            .replacing(unchecked, with: #"<input type="checkbox" disabled="" aria-label="Not done" />"#)
    }
}

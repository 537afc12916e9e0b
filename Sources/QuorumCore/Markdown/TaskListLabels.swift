import Foundation

/// Names the checkboxes of GFM task lists (`- [x] Done`).
///
/// cmark-gfm writes a bare disabled `<input type="checkbox">`, which has no accessible name
/// (axe's "form elements must have labels"); a screen reader would say only "checkbox".
/// Each gets `aria-label="Done"` or `"Not done"`. Safe to do on the HTML: raw HTML in
/// content is never emitted, so every such input in cmark's output is a task list's.
enum TaskListLabels {
    private static let replacements: [(tag: [UInt8], named: [UInt8])] = [
        (Array(#"<input type="checkbox" checked="" disabled="" />"#.utf8),
         Array(#"<input type="checkbox" checked="" disabled="" aria-label="Done" />"#.utf8)),
        (Array(#"<input type="checkbox" disabled="" />"#.utf8),
         Array(#"<input type="checkbox" disabled="" aria-label="Not done" />"#.utf8)),
    ]

    /// One pass over the bytes (every page goes through here; few have a task list).
    static func add(to html: String) -> String {
        var html = html
        return html.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress else { return nil }
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count,
                  let found = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard let (tag, named) = replacements.first(where: { matches($0.tag, bytes, at: index) }) else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: named)
                index += tag.count
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? html
    }

    private static func matches(_ needle: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + needle.count <= bytes.count && bytes[index..<(index + needle.count)].elementsEqual(needle)
    }
}

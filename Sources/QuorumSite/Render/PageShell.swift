import QuorumMarkdown

/// A page's layout rendered once, with a gap wherever the page's own text goes.
///
/// Most pages of a site share everything but their own text: the same template, the same
/// depth (so the same links back to the root), the same navigation. Rendering such a page
/// through Mustache costs far more than the markdown in it, so the layout is rendered once
/// with a marker in place of each piece of text, and each page is then its text put into
/// the gaps. A marker shows how the template wrote it: as it is (`{{{content}}}`), HTML
/// escaped (`{{page.title}}`) or markdown escaped; the page's text is written the same way.
struct PageShell: Sendable, Equatable {
    enum Escaping: Sendable, Equatable {
        case none, html, markdown

        func apply(_ text: Substring) -> String {
            switch self {
            case .none: String(text)
            case .html: HTMLContentType.escape(String(text))
            case .markdown: MarkdownEscaping.escape(String(text))
            }
        }
    }

    enum Segment: Sendable, Equatable {
        case text(String)
        case gap(Int, Escaping)
    }

    let segments: [Segment]

    // Private-use characters never written by Quorum; the `<#` shows the escaping (HTML
    // escapes only the `<`, markdown both).
    private static let open: [UInt8] = Array("\u{E000}".utf8)
    private static let close: [UInt8] = Array("\u{E001}".utf8)
    private static let forms: [([UInt8], Escaping)] = [
        (Array("<#".utf8), .none), (Array("&lt;#".utf8), .html), (Array("&lt;\\#".utf8), .markdown),
    ]

    /// The text to render in place of text number `gap`.
    static func marker(_ gap: Int) -> String {
        "\u{E000}\(gap)<#\u{E001}"
    }

    /// Reads a layout rendered with markers; nil when a marker came out in a form other
    /// than the three known ones (a template changed it), or there is a stray marker character.
    init?(rendered: String, gaps: Int) {
        var segments: [Segment] = []
        let bytes = Array(rendered.utf8)
        var textStart = 0
        var index = 0
        func matches(_ needle: [UInt8], at position: Int) -> Bool {
            position + needle.count <= bytes.count && bytes[position..<(position + needle.count)].elementsEqual(needle)
        }
        while index < bytes.count {
            if bytes[index] == Self.close[0], matches(Self.close, at: index) { return nil }
            guard bytes[index] == Self.open[0], matches(Self.open, at: index) else {
                index += 1
                continue
            }
            var cursor = index + Self.open.count
            var number = 0
            let digitsStart = cursor
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), cursor - digitsStart < 4 {
                number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            guard cursor > digitsStart, number < gaps,
                  let (form, escaping) = Self.forms.first(where: { matches($0.0, at: cursor) }),
                  matches(Self.close, at: cursor + form.count) else { return nil }
            if textStart < index {
                segments.append(.text(String(decoding: bytes[textStart..<index], as: UTF8.self)))
            }
            segments.append(.gap(number, escaping))
            index = cursor + form.count + Self.close.count
            textStart = index
        }
        if textStart < bytes.count {
            segments.append(.text(String(decoding: bytes[textStart..<bytes.count], as: UTF8.self)))
        }
        self.segments = segments
    }

    /// The page: the layout with `texts` in its gaps.
    func filled(with texts: [Substring]) -> String {
        var result = ""
        result.reserveCapacity(segments.reduce(0) { total, segment in
            switch segment {
            case .text(let text): total + text.utf8.count
            case .gap(let number, _): total + texts[number].utf8.count + 16
            }
        })
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .gap(let number, .none): result += texts[number]
            case .gap(let number, let escaping): result += escaping.apply(texts[number])
            }
        }
        return result
    }
}

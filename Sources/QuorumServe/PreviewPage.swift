import Foundation
import QuorumSupport

/// What `quorum serve` adds to the pages it serves, and only to those: the live-reload
/// script and, while the latest build is broken, an overlay with its diagnostics.
/// Nothing of this is in the built site.
enum PreviewPage {
    static let eventsPath = "/__quorum/events"
    static let statusPath = "/__quorum/status"

    /// `html` with the overlay (when `state` failed) and the script added before `</body>`.
    static func inject(into html: String, state: PreviewState) -> String {
        let addition = (state.failed ? overlay(state) : "") + script(state)
        if let close = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            return html.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: addition)
        }
        return html + addition
    }

    /// The page served for every address before any build has succeeded, and for 404s.
    static func errorPage(title: String, state: PreviewState) -> String {
        inject(into: """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body><h1>\(escape(title))</h1></body></html>
            """, state: state)
    }

    static func overlay(_ state: PreviewState) -> String {
        let items = state.diagnostics.map { "<li>\(escape($0.formatted))</li>" }.joined()
        return """
            <div id="quorum-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
            overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem">\
            <h2 style="color:#ff8080;margin-top:0">The build failed: \(escape(state.summary))</h2>\
            <p>The page below is the last good build. Fix these and save; the page reloads by itself.</p>\
            <ul>\(items)</ul></div>
            """
    }

    /// Listens to the server's events: reloads on `reload`, shows the overlay on `failed`,
    /// and reloads when the page is older than the latest build (`hello`).
    static func script(_ state: PreviewState) -> String {
        """
        <script>
        (function () {
          var generation = \(state.generation);
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (e) { if (Number(e.data) !== generation) location.reload(); });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failed", function (e) {
            var state = JSON.parse(e.data);
            generation = state.generation;
            var old = document.getElementById("quorum-error-overlay");
            if (old) old.remove();
            var box = document.createElement("div");
            box.id = "quorum-error-overlay";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
              "color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem";
            var h = document.createElement("h2");
            h.style.color = "#ff8080";
            h.textContent = "The build failed: " + state.summary;
            box.appendChild(h);
            var list = document.createElement("ul");
            state.diagnostics.forEach(function (d) {
              var li = document.createElement("li");
              li.textContent = d.formatted;
              list.appendChild(li);
            });
            box.appendChild(list);
            document.body.appendChild(box);
          });
        })();
        </script>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "svg": "image/svg+xml", "webp": "image/webp", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff": "font/woff", "woff2": "font/woff2",
    ]

    static func contentType(_ path: String) -> String {
        contentTypes[(path as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }
}

/// The latest build as the preview shows it: its number, and its diagnostics if it failed.
struct PreviewState: Sendable, Encodable {
    struct Entry: Encodable, Sendable {
        let path: String, line: Int, column: Int, severity: String, message: String, code: String, formatted: String
    }

    let generation: Int
    let failed: Bool
    let summary: String
    let diagnostics: [Diagnostic]

    enum CodingKeys: String, CodingKey { case generation, ok, summary, diagnostics }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(generation, forKey: .generation)
        try container.encode(!failed, forKey: .ok)
        try container.encode(summary, forKey: .summary)
        try container.encode(diagnostics.map {
            Entry(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, message: $0.message, code: $0.code, formatted: $0.formatted)
        }, forKey: .diagnostics)
    }

    /// One line of JSON (an event's data must not hold a bare newline in the middle of a value).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

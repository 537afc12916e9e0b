import Foundation

/// What a link in a page points at, worked out from the page's own path.
package enum LinkTarget: Sendable, Equatable {
    /// A file of the output, by its path in the output folder (percent-decoded), and an
    /// optional `#fragment` (decoded). `path` is the page itself for `#id` links.
    case file(path: String, fragment: String?)
    /// A path that climbs above the output folder (`../../x.html` from a top-level page).
    case outside
    /// `http:` or `https:`: checked only with `quorum check --external`.
    case external(String)
    /// `mailto:`, `tel:`, `data:` and other schemes a browser hands elsewhere: not checked.
    case other

    /// Resolves `reference` written in the page at `pagePath`. A reference that starts with
    /// the site's `base_url` (a canonical link) is a link into the output like any other.
    package init(_ reference: String, from pagePath: String, baseURL: String = "") {
        self = LinkTarget(printableASCII: reference, from: pagePath, baseURL: baseURL)
            ?? LinkTarget(anyText: reference, from: pagePath, baseURL: baseURL)
    }

    /// The resolution for any text, character by character: what the byte path must match.
    init(anyText reference: String, from pagePath: String, baseURL: String) {
        var value = reference.first?.isWhitespace == true || reference.last?.isWhitespace == true
            ? reference.trimmingCharacters(in: .whitespacesAndNewlines) : reference
        var fromRoot = false
        if !baseURL.isEmpty, value == baseURL || value.hasPrefix(baseURL + "/") || value.hasPrefix(baseURL + "#") {
            value = String(value.dropFirst(baseURL.count))
            fromRoot = true
        } else if value.hasPrefix("//") {
            self = .external("https:" + value)
            return
        } else if let scheme = LinkTarget.scheme(of: value) {
            self = scheme == "http" || scheme == "https" ? .external(value) : .other
            return
        }
        var fragment: String? = nil
        if let hash = value.firstIndex(of: "#") {
            fragment = LinkTarget.decode(String(value[value.index(after: hash)...]))
            value = String(value[..<hash])
        }
        if let query = value.firstIndex(of: "?") { value = String(value[..<query]) }
        if value.isEmpty && !fromRoot {
            self = .file(path: pagePath, fragment: fragment)
            return
        }
        if value.hasPrefix("/") { fromRoot = true }
        var parts: [Substring] = fromRoot ? [] : pagePath.split(separator: "/").dropLast()
        let components = value.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in components.enumerated() {
            switch part {
            case "", ".":
                // "a//b" and "./a" name the same file; a trailing "/" names a folder,
                // which a web server answers with its index.html.
                if index == components.count - 1 { parts.append("index.html") }
            case "..":
                guard !parts.isEmpty else {
                    self = .outside
                    return
                }
                parts.removeLast()
            default:
                parts.append(part)
            }
        }
        if parts.isEmpty { parts = ["index.html"] }
        self = .file(path: LinkTarget.decode(parts.joined(separator: "/")), fragment: fragment)
    }

    /// `https` for `https://x`, nil for a relative reference (`a/b:c` has no scheme).
    static func scheme(of value: String) -> String? {
        guard let colon = value.firstIndex(of: ":"), colon != value.startIndex else { return nil }
        let name = value[..<colon]
        guard let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return name.lowercased()
    }

    /// Percent-decoded, or as it is when that is not valid. A byte search for `%` first:
    /// no character but `%` itself holds one, and most values have none.
    static func decode(_ text: String) -> String {
        let percent = UInt8(ascii: "%")
        let hasPercent = text.utf8.withContiguousStorageIfAvailable { $0.contains(percent) } ?? text.utf8.contains(percent)
        return hasPercent ? text.removingPercentEncoding ?? text : text
    }
}

extension LinkTarget {
    /// The same resolution as `init(_:from:baseURL:)`, on bytes, for the values nearly every
    /// link has: the reference, the page's path and the `base_url` all printable ASCII (no
    /// spaces, no controls). There a byte is a character, so comparing and splitting bytes
    /// is what the general path does with characters, without making a String for each part.
    /// nil for anything else, which the general path resolves.
    init?(printableASCII reference: String, from pagePath: String, baseURL: String) {
        let resolved = reference.utf8.withContiguousStorageIfAvailable { value in
            pagePath.utf8.withContiguousStorageIfAvailable { page in
                baseURL.utf8.withContiguousStorageIfAvailable { base in
                    LinkTarget.resolve(value, reference: reference, page: page, pagePath: pagePath, base: base)
                } ?? nil
            } ?? nil
        } ?? nil
        guard let resolved else { return nil }
        self = resolved
    }

    private static func resolve(_ value: UnsafeBufferPointer<UInt8>, reference: String,
                                page: UnsafeBufferPointer<UInt8>, pagePath: String,
                                base: UnsafeBufferPointer<UInt8>) -> LinkTarget? {
        guard isPrintableASCII(value), isPrintableASCII(page), isPrintableASCII(base) else { return nil }
        var rest = value[...]
        var fromRoot = false
        if !base.isEmpty, value.starts(with: base),
           value.count == base.count || value[base.count] == UInt8(ascii: "/") || value[base.count] == UInt8(ascii: "#") {
            rest = value[base.count...]
            fromRoot = true
        } else if value.starts(with: "//".utf8) {
            return .external("https:" + reference)
        } else if let isWeb = isWebScheme(value) {
            return isWeb ? .external(reference) : .other
        }
        var fragment: String? = nil
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = decode(string(rest[(hash + 1)...]))
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }
        if rest.isEmpty && !fromRoot { return .file(path: pagePath, fragment: fragment) }
        if rest.first == UInt8(ascii: "/") { fromRoot = true }

        guard let path = joinedPath(rest, from: fromRoot ? nil : page) else { return .outside }
        return .file(path: decode(path), fragment: fragment)
    }

    /// The parts of `page`'s folder (none from the root) and of `path`, joined with "/" as
    /// the general path joins them, written straight into the String; nil when `path`
    /// climbs above the root.
    private static func joinedPath(_ path: Slice<UnsafeBufferPointer<UInt8>>,
                                   from page: UnsafeBufferPointer<UInt8>?) -> String? {
        let slash = UInt8(ascii: "/")
        let index = "index.html".utf8
        var outside = false
        // At most every byte of both, a "/" between them and a last "/index.html".
        let capacity = (page?.count ?? 0) + path.count + index.count + 2
        let joined = String(unsafeUninitializedCapacity: capacity) { out in
            var count = 0
            var depth = 0
            func append(_ part: some Collection<UInt8>) {
                if depth > 0 { out[count] = slash; count += 1 }
                for byte in part { out[count] = byte; count += 1 }
                depth += 1
            }
            if let page {
                // The page's folders: every non-empty part of its path but the last.
                var pending: Range<Int>? = nil
                var start = 0
                while start < page.count {
                    let end = page[start...].firstIndex(of: slash) ?? page.count
                    if end > start {
                        if let pending { append(page[pending]) }
                        pending = start..<end
                    }
                    start = end + 1
                }
            }
            var start = path.startIndex
            while true {
                let end = path[start...].firstIndex(of: slash) ?? path.endIndex
                let part = path[start..<end]
                let isLast = end == path.endIndex
                if part.isEmpty || part.elementsEqual(".".utf8) {
                    // "a//b" and "./a" name the same file; a trailing "/" names a folder,
                    // which a web server answers with its index.html.
                    if isLast { append(index) }
                } else if part.elementsEqual("..".utf8) {
                    guard depth > 0 else {
                        outside = true
                        return 0
                    }
                    depth -= 1
                    count = depth == 0 ? 0 : out[..<count].lastIndex(of: slash)!
                } else {
                    append(part)
                }
                if isLast { break }
                start = end + 1
            }
            if depth == 0 { append(index) }
            return count
        }
        return outside ? nil : joined
    }

    /// Whether `value` starts with a scheme (`https:`), and if so whether it is `http` or
    /// `https`; nil when it has none, as `scheme(of:)` decides.
    private static func isWebScheme(_ value: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let colon = value.firstIndex(of: UInt8(ascii: ":")), colon > 0, isLetter(value[0]),
              value[..<colon].allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+")
                                           || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        let lowered = value[..<colon].lazy.map { $0 | 0x20 }
        return lowered.elementsEqual("http".utf8) || lowered.elementsEqual("https".utf8)
    }

    private static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}

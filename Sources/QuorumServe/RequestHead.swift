import Foundation

/// The head of one HTTP/1.1 request (its request line and header fields), read within
/// `HTTPLimits`. The preview server accepts no request bodies, so the head is all of it.
struct RequestHead: Sendable, Equatable {
    let method: String
    let target: String
    let version: String
    /// Field names lowercased, in the order received.
    let fields: [Field]

    struct Field: Sendable, Equatable {
        let name: String
        let value: String
    }

    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// HTTP/1.1 keeps the connection open unless told `Connection: close`; HTTP/1.0 closes.
    var keepsAlive: Bool {
        guard version == "HTTP/1.1" else { return false }
        return !values("connection").contains { $0.lowercased().split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "close" } }
    }

    /// The path asked for: the target without its query, percent-decoded; nil when the
    /// target is not a path (`*`, an absolute URL) or does not decode.
    var path: String? {
        guard target.hasPrefix("/") else { return nil }
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return String(raw).removingPercentEncoding
    }

    /// Parses a complete head: the bytes before the blank line that ends it.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<RequestHead, HTTPRefusal> {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }  // CRLFs before a request are ignored
        guard let requestLine = lines.first else { return .failure(HTTPRefusal(.badRequest, "empty request")) }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy(isTokenByte), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return .failure(HTTPRefusal(.badRequest, "the request line is not 'METHOD /path HTTP/1.1'")) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else {
            return .failure(HTTPRefusal(.badRequest, "the request line is not 'METHOD /path HTTP/1.1'"))
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .failure(HTTPRefusal(.versionNotSupported, "only HTTP/1.1 and HTTP/1.0 are served"))
        }
        var fields: [Field] = []
        for line in lines.dropFirst() where !line.isEmpty {  // the head ends with its last line's CRLF
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                return .failure(HTTPRefusal(.badRequest, "folded header lines are not accepted"))
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy(isTokenByte)
            else { return .failure(HTTPRefusal(.badRequest, "a header line is not 'Name: value'")) }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append(Field(name: name, value: value))
        }
        return .success(RequestHead(method: String(decoding: parts[0], as: UTF8.self),
                                    target: String(decoding: parts[1], as: UTF8.self),
                                    version: version, fields: fields))
    }

    /// The characters of a method or a field name (RFC 9110 `token`).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

/// Finds where a request's head ends in the bytes read so far, looking at each byte once,
/// and refuses as soon as the request line or the header lines pass their limits.
struct RequestHeadScanner {
    enum Outcome: Equatable {
        /// Keep reading.
        case incomplete
        /// The head is `bytes[..<headEnd]`; the next request starts at `next`.
        case complete(headEnd: Int, next: Int)
        case refused(HTTPRefusal)
    }

    let limits: HTTPLimits
    private var scanned = 0
    private var lineStart = 0
    /// Where the request line ends (its `\n`), once seen.
    private var requestLineEnd: Int?

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    mutating func scan(_ bytes: [UInt8]) -> Outcome {
        while scanned < bytes.count {
            let index = scanned
            scanned += 1
            guard bytes[index] == UInt8(ascii: "\n") else { continue }
            let length = index - lineStart - (index > lineStart && bytes[index - 1] == UInt8(ascii: "\r") ? 1 : 0)
            if let requestLineEnd {
                if length == 0 { return .complete(headEnd: lineStart, next: index + 1) }
                if index - requestLineEnd > limits.headers { return .refused(tooManyHeaders) }
            } else if length > 0 {
                // Blank lines before the request line are ignored, but count towards its limit.
                if lineStart + length > limits.requestLine { return .refused(tooLongLine) }
                requestLineEnd = index
            }
            lineStart = index + 1
        }
        // (One byte more than the limit may be the `\r` of the line's end.)
        if let requestLineEnd {
            if bytes.count - requestLineEnd - 1 > limits.headers + 1 { return .refused(tooManyHeaders) }
        } else if bytes.count > limits.requestLine + 1 {
            return .refused(tooLongLine)
        }
        return .incomplete
    }

    private var tooLongLine: HTTPRefusal {
        HTTPRefusal(.uriTooLong, "the request line is longer than \(limits.requestLine) bytes")
    }

    private var tooManyHeaders: HTTPRefusal {
        HTTPRefusal(.headerFieldsTooLarge, "the header lines are longer than \(limits.headers) bytes together")
    }
}

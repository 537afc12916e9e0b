import Foundation

/// The names a request's `Host` may give: the loopback addresses the server listens on and
/// the names the user passed with `--host-name`, with the server's port when one is given. A page on
/// another site that points its own name at 127.0.0.1 (DNS rebinding) sends its own name,
/// and is refused, as webpack's and Vite's development servers refuse it.
struct HostCheck: Sendable {
    static let loopbackNames = ["127.0.0.1", "localhost", "[::1]"]

    let names: [String]
    let port: UInt16

    init(port: UInt16, extraNames: [String] = []) {
        self.port = port
        var names = Self.loopbackNames
        for name in extraNames.map(Self.normalised) where !names.contains(name) { names.append(name) }
        self.names = names
    }

    /// True when `host` (a `Host` field's value) names this server.
    func allows(_ host: String) -> Bool {
        let value = host.trimmingCharacters(in: .whitespaces).lowercased()
        let name: Substring, givenPort: Substring?
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            name = value[...close]
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            givenPort = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = value.lastIndex(of: ":") {
            name = value[..<colon]
            givenPort = value[value.index(after: colon)...]
        } else {
            name = value[...]
            givenPort = nil
        }
        // Without a port, the name alone decides (a loopback name cannot be rebound).
        let portMatches = givenPort.map { UInt16($0) == port } ?? true
        return portMatches && names.contains(Self.normalised(String(name)))
    }

    /// `127.0.0.1:8000, localhost:8000, [::1]:8000`: what a refusal says is accepted.
    var described: String {
        names.map { "\($0):\(port)" }.joined(separator: ", ")
    }

    /// Lowercased, without the trailing dot of a fully qualified name.
    static func normalised(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}

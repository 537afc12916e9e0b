/// A path inside the output folder that cannot point outside it: relative, made of plain
/// names, with no `..`, no `.`, no empty part and no control characters.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    public init?(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.containsByte(UInt8(ascii: "\\")),
              parts.allSatisfy({ part in
                  !part.isEmpty && part != "." && part != ".."
                      && !part.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
              })
        else { return nil }
        value = path
    }

    public var description: String { value }

    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.value < rhs.value }

    /// How to get from this file's folder back to the output root: `""` or `"../../"`.
    /// Links are relative so that the site works from a file:// folder and under any prefix.
    public var rootPrefix: String {
        String(repeating: "../", count: value.count { $0 == "/" })
    }
}

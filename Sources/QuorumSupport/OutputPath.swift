/// A path inside the output folder that cannot point outside it: relative, made of plain
/// names, with no `..`, no `.`, no empty part and no control characters.
package struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let value: String

    package init?(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.containsByte(UInt8(ascii: "\\")),
              parts.allSatisfy({ part in
                  !part.isEmpty && part != "." && part != ".."
                      && !part.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
              })
        else { return nil }
        value = path
    }

    package var description: String { value }

    package static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.value < rhs.value }

    /// How to get from this file's folder back to the output root: `""` or `"../../"`.
    /// Links are relative so that the site works from a file:// folder and under any prefix.
    package var rootPrefix: String {
        String(repeating: "../", count: value.count { $0 == "/" })
    }
}

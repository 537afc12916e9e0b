import Foundation

/// Trimming whitespace without Foundation in the common case.
///
/// Foundation's `trimmingCharacters(in:)` bridges every string it is given; cells, names and
/// front matter values rarely have anything to trim. Text that starts and ends with a
/// printable ASCII character (which no whitespace set contains) is returned as it is;
/// anything else goes to Foundation, which gives the same answer it always did.
extension String {
    package enum Whitespace {
        /// `CharacterSet.whitespaces`: spaces and tabs.
        case spaces
        /// `CharacterSet.whitespacesAndNewlines`.
        case spacesAndNewlines

        var characters: CharacterSet {
            switch self {
            case .spaces: .whitespaces
            case .spacesAndNewlines: .whitespacesAndNewlines
            }
        }
    }

    /// The same as `trimmingCharacters(in: whitespace.characters)`.
    package func trimming(_ whitespace: Whitespace) -> String {
        if hasNothingToTrim { return self }
        return trimmingCharacters(in: whitespace.characters)
    }

    /// The same as `trimmingCharacters(in: whitespace.characters).isEmpty`.
    package func isBlank(_ whitespace: Whitespace) -> Bool {
        if let first = utf8.first, Self.isPrintableASCII(first) { return false }
        let characters = whitespace.characters
        return unicodeScalars.allSatisfy { characters.contains($0) }
    }

    private var hasNothingToTrim: Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        return Self.isPrintableASCII(first) && Self.isPrintableASCII(last)
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }
}

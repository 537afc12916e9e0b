import Foundation

/// Turns any text into a safe file name: lower-case ASCII letters, digits and hyphens.
/// Path separators, dots and everything else are dropped, so a slug can never climb out
/// of its folder.
///
/// Letters are transliterated first, so that names keep their address: `Équipe d'accueil`
/// is `equipe-d-accueil`, `Łódź` is `lodz`, `Straße` is `strasse`, Welsh `Dŵr` is `dwr`.
/// Text in another script is written in Latin letters by ICU's `Any-Latin; Latin-ASCII`
/// (`日本` is `ri-ben`, `Привет` is `privet`), which ships with the toolchain, so a slug is
/// the same on every machine with the same Swift. Text with nothing to transliterate
/// (`!!!`, `-`, emoji) gives an empty slug: callers report that and ask for a `slug:` key.
package enum Slug {
    package static func make(_ text: String) -> String {
        // Most names are plain ASCII: no transliteration to pay for.
        let latin = text.utf8.allSatisfy { $0 < 0x80 } ? text : transliterated(text)
        var result = ""
        var pendingHyphen = false
        for scalar in latin.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumericsASCII.contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// Latin letters lose their accents (cheaply, without ICU); letters that do not decompose
    /// (ł, ø, ß, æ …) come from a table; any letter still outside ASCII goes through ICU.
    static func transliterated(_ text: String) -> String {
        let folded = text.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        var result = ""
        var needsICU = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else if let plain = latinLetters[scalar] {
                result += plain
            } else {
                result.unicodeScalars.append(scalar)
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { needsICU = true }
            }
        }
        guard needsICU else { return result }
        return result.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? result
    }

    /// Lower-case Latin letters with no decomposition to strip an accent from.
    static let latinLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ħ": "h", "ı": "i", "ĳ": "ij", "ŀ": "l", "ŋ": "n", "ŧ": "t", "ſ": "s", "ĸ": "k",
    ]
}

extension CharacterSet {
    static let alphanumericsASCII = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789")
}

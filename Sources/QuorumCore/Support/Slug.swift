/// Turns any text into a safe file name: lower-case ASCII letters, digits and hyphens.
/// Path separators, dots and everything else are dropped, so a slug can never climb out
/// of its folder.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
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
}

import Foundation

extension CharacterSet {
    static let alphanumericsASCII = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789")
}

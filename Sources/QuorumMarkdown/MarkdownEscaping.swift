import QuorumSupport

/// Escapes text so that markdown shows it as written: for names and titles placed into
/// generated markdown, and for `{{value}}` in markdown templates.
package enum MarkdownEscaping {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#"]

    /// One line of text: a line break (LF, CR or CR LF) becomes a space, so a value cannot end
    /// a table row or a heading; other control characters are dropped; `&` before a letter or
    /// `#` is escaped so that `&#106;` stays as written instead of becoming a character.
    package static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                result.append(" ")
                continue
            }
            if character.unicodeScalars.contains(where: { ControlCharacters.isControl($0) }) {
                let kept = character.unicodeScalars.filter { !ControlCharacters.isControl($0) }
                result.unicodeScalars.append(contentsOf: kept)
                continue
            }
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        // `<` as a reference, not `\<`: a `www.` autolink just before takes the backslash into
        // its address, and the `<` it leaves bare would open an autolink (`<javascript:...>`).
        return escapingEntities(result).replacingOccurrences(of: "\\<", with: "&lt;")
    }

    /// `&name;` and `&#...;` shown as written: `\&`.
    static func escapingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var characters = text[...]
        while let character = characters.popFirst() {
            if character == "&", let next = characters.first, next.isLetter || next.isNumber || next == "#" {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }
}

/// How names typed in HR exports are compared with the names in the config: ignoring case,
/// spacing, quotes and brackets, with `&` read as "and". "Total 'others' (non sw posts)"
/// and "total others non sw posts" are the same name.
enum WorkforceName {
    static func normalised(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        let lowered = text.lowercased()
        // Foundation's replace only when there is an `&` to replace (no other character is equivalent to it).
        let spelled = lowered.utf8.contains(UInt8(ascii: "&")) ? lowered.replacingOccurrences(of: "&", with: " and ") : lowered
        for scalar in spelled.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "/" {
                word.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "children's" and "childrens" are one word
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The name without a leading "total", so "Total managers" matches the group "managers".
    static func withoutTotal(_ normalised: String) -> String {
        normalised.hasPrefix("total ") ? String(normalised.dropFirst("total ".count)) : normalised
    }

    /// A stable id for a name the config does not know, e.g. `family-support`.
    static func id(for text: String) -> String {
        normalised(text).replacingOccurrences(of: "/", with: " ").split(separator: " ").joined(separator: "-")
    }
}

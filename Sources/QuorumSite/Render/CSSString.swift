/// A CSS string literal, quotes included, for a value a template writes into a `<style>`
/// element (a paper's item in the printed page's margin). Inside `<style>` HTML escaping
/// does not apply, so quotes, backslashes, line ends and the characters HTML treats
/// specially (`<`, `>`, `&`) are written as CSS hex escapes: the literal cannot end early,
/// nor end the element, whatever the value holds.
enum CSSString {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "'":
                result += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\" + String(scalar.value, radix: 16) + " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

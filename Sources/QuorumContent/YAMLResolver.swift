import Yams

/// Yams's default tag resolver, answering sooner for keys spelled like names.
///
/// Yams resolves a plain scalar's tag by trying its default rules (bool, int, float, merge,
/// null, timestamp, value) in turn, one regular expression each, and a key's tag is resolved
/// whenever the key is hashed or compared: when Yams checks a mapping for duplicate keys, and
/// when a key is looked up. For `title` every rule fails, so the answer "string" costs seven
/// matches. This resolver first tries one rule that matches only text every default rule
/// would leave a string: ASCII letters, digits, `_`, `-` and spaces, starting with a letter
/// or `_`, and not a bool or null word. Every tag it resolves is the default resolver's.
enum YAMLResolver {
    static let nameRule = try! Resolver.Rule(
        .str,
        #"^(?!(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$)[A-Za-z_][A-Za-z0-9_ -]*$"#)

    static let resolver: Resolver = Resolver.default.rules.reduce(Resolver.basic.appending(nameRule)) { $0.appending($1) }

    /// Yams's default constructor, made once: `Constructor.default` builds a new one (three
    /// dictionaries of closures) on every use, and a `Tag` made without one uses it.
    /// Never changed after it is made, so safe to share.
    nonisolated(unsafe) static let constructor = Constructor.default
}

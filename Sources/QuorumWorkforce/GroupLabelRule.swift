import QuorumContent
import QuorumSupport

/// The words HR puts around a staff group's name in its labels, stripped before the label is
/// matched with the groups of the config: `Total managers` is the managers group. Set in
/// `workforce/config.yaml`:
///
/// ```yaml
/// group_label_prefixes: [Total, Sum of]   # default: [Total]
/// group_label_suffixes: [FTE]             # default: none
/// ```
///
/// Outline returns name each group row only by such a label, so the rule is what tells a
/// group row from an area row there; tidy files go through it too.
struct GroupLabelRule: Sendable {
    static let prefixesKey = "group_label_prefixes"
    static let suffixesKey = "group_label_suffixes"

    /// Normalised (`WorkforceName.normalised`), as the labels they are compared with.
    private(set) var prefixes: [String]
    private(set) var suffixes: [String]

    init(prefixes: [String] = ["Total"], suffixes: [String] = []) {
        self.prefixes = prefixes.map(WorkforceName.normalised).filter { !$0.isEmpty }
        self.suffixes = suffixes.map(WorkforceName.normalised).filter { !$0.isEmpty }
    }

    /// A normalised label without one prefix and/or one suffix: every spelling it may
    /// stand for, the label itself first. More than one means the label has a prefix or suffix.
    func candidates(_ label: String) -> [String] {
        var result = [label]
        for prefix in prefixes where label.hasPrefix(prefix + " ") {
            result.append(String(label.dropFirst(prefix.count + 1)))
        }
        for candidate in result {
            for suffix in suffixes where candidate.hasSuffix(" " + suffix) {
                result.append(String(candidate.dropLast(suffix.count + 1)))
            }
        }
        return result
    }

    /// The label in its own words without the prefix or suffix it has (`Total business
    /// support` gives `business support`); nil when it has neither.
    func stripped(_ text: String) -> String? {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var changed = false
        func normalisedCount(_ affix: String) -> Int { affix.split(separator: " ").count }
        if let prefix = prefixes.first(where: { prefix in
            let count = normalisedCount(prefix)
            return words.count > count && WorkforceName.normalised(words.prefix(count).joined(separator: " ")) == prefix
        }) {
            words.removeFirst(normalisedCount(prefix))
            changed = true
        }
        if let suffix = suffixes.first(where: { suffix in
            let count = normalisedCount(suffix)
            return words.count > count && WorkforceName.normalised(words.suffix(count).joined(separator: " ")) == suffix
        }) {
            words.removeLast(normalisedCount(suffix))
            changed = true
        }
        return changed ? words.joined(separator: " ") : nil
    }

    static func read(_ config: FrontMatter, log: inout DiagnosticLog) -> GroupLabelRule {
        let defaults = GroupLabelRule()
        return GroupLabelRule(prefixes: config.stringList(prefixesKey, log: &log) ?? defaults.prefixes,
                              suffixes: config.stringList(suffixesKey, log: &log) ?? defaults.suffixes)
    }
}

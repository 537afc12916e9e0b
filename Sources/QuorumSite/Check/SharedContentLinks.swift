import QuorumContent

/// Links written in content that templates can show on any page: the events' descriptions
/// are in the values of every markdown and microsite page, so an event's link may be on the
/// home page, the events page, or wherever a theme lists events. The link checker looks a
/// reference up here only when it is broken or external, to report it at its markdown line
/// rather than at a template; one instance serves every page of a build. A template link
/// with the same value as an event's is broken (or external) the same way, so naming the
/// event for it points at a place that has the same problem.
package final class SharedContentLinks: Sendable {
    /// The first link written with each destination, by its decoded value (as the HTML has it).
    private let byValue: [String: SourceLink]

    package init(_ links: [SourceLink]) {
        var byValue: [String: SourceLink] = [:]
        for link in links where byValue[LinkTarget.decode(link.url)] == nil {
            byValue[LinkTarget.decode(link.url)] = link
        }
        self.byValue = byValue
    }

    package var isEmpty: Bool { byValue.isEmpty }

    /// The link written in content that a page's reference `value` came from, if any.
    func link(for value: String) -> SourceLink? {
        byValue.isEmpty ? nil : byValue[LinkTarget.decode(value)]
    }
}

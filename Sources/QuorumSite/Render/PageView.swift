/// The values every template receives. Templates hold the markup; these hold only values.
package struct SiteView: Sendable {
    let title: String
    let council: String
    let description: String
    let language: String
    let primaryColour: String
    let logo: String?
    let asOf: String
    let asOfLong: String
}

package struct NavigationItem {
    let title: String
    let url: String
    let current: Bool
}

/// A page's own text: what differs from one page to the next of the same layout.
package struct PageText: Sendable {
    let title: String
    let description: String
    let url: String
    let canonicalURL: String?
    let content: String
}

package struct PageInfo {
    let title: String
    let description: String
    let url: String
    /// The page's address on the live site, when `base_url` is set.
    let canonicalURL: String?
}

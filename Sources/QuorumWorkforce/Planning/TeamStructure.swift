import Foundation
import QuorumContent
import QuorumSupport

/// The shape of a team the board considers right, as a ratio of staff groups
/// (1 manager : 6 social workers : 1 support), for one area or for every area.
package struct TeamStructure: Sendable, Hashable {
    /// FTE of each group in one team, by group id, e.g. managers 1, social-workers 6, others 1.
    package let ratio: [String: Double]

    package init(ratio: [String: Double]) {
        self.ratio = ratio
    }
}

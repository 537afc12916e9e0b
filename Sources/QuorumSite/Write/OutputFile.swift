import Foundation
import QuorumSupport

/// One file of the built site, held in memory until the whole build has succeeded.
package struct OutputFile: Sendable {
    package enum Contents: Sendable {
        case text(String)
        case data(Data)
        /// A file copied as it is from the content or templates folder.
        case copy(URL)
    }

    package let path: OutputPath
    package let contents: Contents
    /// For a rendered page: what it was rendered from, for the link checker. Not written.
    package var origin: PageOrigin?

    package init(path: OutputPath, contents: Contents, origin: PageOrigin? = nil) {
        self.path = path
        self.contents = contents
        self.origin = origin
    }
}

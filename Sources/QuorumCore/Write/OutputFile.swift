import Foundation

/// One file of the built site, held in memory until the whole build has succeeded.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        case data(Data)
        /// A file copied as it is from the content or templates folder.
        case copy(URL)
    }

    public let path: OutputPath
    public let contents: Contents
    /// For a rendered page: what it was rendered from, for the link checker. Not written.
    public var origin: PageOrigin?

    public init(path: OutputPath, contents: Contents, origin: PageOrigin? = nil) {
        self.path = path
        self.contents = contents
        self.origin = origin
    }
}

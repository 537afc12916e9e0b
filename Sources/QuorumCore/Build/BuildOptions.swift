import Foundation

/// What to build, from where, to where, and as at which date.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// The date everything time-dependent is judged against (overdue, closing, consent).
    public var asOf: CalendarDate
    /// Treat warnings as errors.
    public var strict: Bool
    /// Where to write exempt papers; nil (the default) leaves them out altogether.
    public var exemptOutput: URL?

    public init(content: URL, templates: URL, output: URL, asOf: CalendarDate, strict: Bool = false, exemptOutput: URL? = nil) {
        self.exemptOutput = exemptOutput
        self.content = content
        self.templates = templates
        self.output = output
        self.asOf = asOf
        self.strict = strict
    }

    /// How a folder is printed in diagnostics: as the user named it, relative to here.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath
        if path.hasPrefix(here + "/") { return String(path.dropFirst(here.count + 1)) }
        return path
    }
}

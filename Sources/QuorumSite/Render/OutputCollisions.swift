import QuorumSupport

/// Two outputs that would be written to one path: a vacancy named `Team A.md` beside
/// `team-a.md`, a page whose `slug:` is another page's name, a page `pages/media/x.md`
/// beside a media file `media/x.html`. Found while rendering, so that `check` reports it as
/// `build` would, at the source of the second output and naming the first.
enum OutputCollisions {
    static let code = "duplicate-output"

    static func report(_ files: [OutputFile], log: inout DiagnosticLog) {
        var owners: [OutputPath: Int] = [:]
        owners.reserveCapacity(files.count)
        for index in files.indices {
            let path = files[index].path
            guard let first = owners[path] else {
                owners[path] = index
                continue
            }
            let (earlier, later) = (files[first], files[index])
            let location = later.origin?.source ?? earlier.origin?.source ?? SourceLocation(path: path.value)
            log.error(location, "\(name(of: later)) would be written to \(path.value), which \(name(of: earlier)) already uses",
                      code: code)
        }
    }

    /// What an output was made from, as a message names it.
    static func name(of file: OutputFile) -> String {
        if let origin = file.origin {
            return origin.source.path
        }
        if case .copy(let url) = file.contents { return "the file \(url.path)" }
        return "a file Quorum makes"
    }
}

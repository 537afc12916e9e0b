import Foundation

/// `.quorum-output`: the mark Quorum leaves at the top of every folder it writes, so that
/// a later build knows the folder is its own to replace. It also lists the hidden
/// top-level entries the build itself wrote, which the next build must not carry over as
/// if they were the user's.
enum OutputMarker {
    static let name = ".quorum-output"

    static func text(hiddenEntries: [String]) -> String {
        var text = """
            This folder was written by Quorum, which replaces all of it (but the hidden entries
            it did not write) on every build. Delete this file to keep Quorum from replacing it.

            """
        for entry in hiddenEntries.sorted() { text += "wrote: \(entry)\n" }
        return text
    }

    /// The hidden entries a previous build wrote into `folder`, from its mark.
    static func hiddenEntries(in folder: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return Set(lines.compactMap { $0.hasPrefix("wrote: ") ? String($0.dropFirst(7)) : nil })
    }
}

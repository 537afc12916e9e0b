import Foundation
import QuorumSupport
import QuorumWorkforce

/// The rules that keep a build from deleting or overwriting what Quorum did not write,
/// checked before any work so that a refused build has read and written nothing.
///
/// A folder Quorum replaces (the output, the exempt folder, an annual update's folder) must
/// not be, hold or sit inside the content or templates folder, must not be a file, and must
/// be missing, empty (hidden entries only, which are carried over), or marked as Quorum's
/// by `.quorum-output`; `force` takes over any other folder. The summary JSON must not go
/// into the content, templates or a replaced folder, nor over a file that is not a summary.
package enum OutputSafety {
    /// A folder Quorum is asked to replace, as the user named it.
    package struct Target: Sendable {
        /// `--output`, `--include-exempt`: how the user chose it, for messages.
        package let option: String
        package let url: URL

        package init(option: String, url: URL) {
            self.option = option
            self.url = url
        }
    }

    /// Every refusal, one diagnostic each (code `unsafe-output`), empty when all is safe.
    package static func refusals(content: URL, templates: URL, targets: [Target], summary: URL?,
                                 force: Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func refuse(_ url: URL, _ message: String) {
            found.append(.error(SourceLocation(path: BuildOptions.display(url)), message, code: "unsafe-output"))
        }
        let sources = [("content", RealPath.of(content)), ("templates", RealPath.of(templates))]
        for target in targets {
            let real = RealPath.of(target.url)
            let overlaps = sources.compactMap { name, source in RealPath.relation(of: real, to: source).map { ($0, name) } }
            for (relation, name) in overlaps {
                refuse(target.url, "\(target.option) \(relation) the \(name) folder; building there would delete your files: choose a folder outside it")
            }
            guard overlaps.isEmpty else { continue }
            switch FolderState.of(real) {
            case .file:
                refuse(target.url, "\(target.option) is a file, not a folder; Quorum will not replace it: choose a folder, or remove the file")
            case .foreign(let example) where !force:
                refuse(target.url, "\(target.option) holds files Quorum did not write (e.g. '\(example)') and no \(OutputMarker.name) mark; "
                    + "Quorum replaces only an empty folder or one it wrote: choose another folder, or pass --force to replace it")
            default:
                break
            }
        }
        for (index, target) in targets.enumerated() {
            for other in targets[(index + 1)...] {
                if let relation = RealPath.relation(of: RealPath.of(other.url), to: RealPath.of(target.url)) {
                    refuse(other.url, "\(other.option) \(relation) \(target.option) \(BuildOptions.display(target.url)): each must be a folder of its own")
                }
            }
        }
        if let summary {
            let real = RealPath.of(summary)
            let around = sources + targets.map { ($0.option, RealPath.of($0.url)) }
            if let (name, _) = around.first(where: { real == $0.1 || RealPath.isInside(real, $0.1) }) {
                let folder = name.hasPrefix("--") ? "the \(name) folder, which each build replaces" : "the \(name) folder"
                refuse(summary, "--summary is inside \(folder); the summary must go elsewhere, e.g. beside the output (the default)")
            } else {
                switch FolderState.of(real) {
                case .foreign, .empty, .marked:
                    refuse(summary, "--summary is a folder; give the path of a JSON file")
                case .file where !force && !BuildSummary.isSummary(at: URL(fileURLWithPath: real)):
                    refuse(summary, "--summary would overwrite a file that is not a Quorum build summary: choose another path, or pass --force")
                default:
                    break
                }
            }
        }
        return found
    }

    /// The refusals for a build's options: its output (named by `outputOption`), its exempt
    /// folder and its summary.
    package static func refusals(_ options: BuildOptions, outputOption: String = "--output", summary: URL?) -> [Diagnostic] {
        var targets = [Target(option: outputOption, url: options.output)]
        if let exempt = options.exemptOutput { targets.append(Target(option: "--include-exempt", url: exempt)) }
        return refusals(content: options.content, templates: options.templates, targets: targets, summary: summary,
                        force: options.force)
    }

    /// Refusals for options given as the empty string, which would otherwise mean the
    /// current folder.
    package static func emptyArguments(_ options: [(option: String, value: String?)]) -> [Diagnostic] {
        options.compactMap { option, value in
            guard value == "" else { return nil }
            return .error(SourceLocation(path: "\(option) ''"),
                          "\(option) is empty, which would mean the current folder; give a folder name", code: "unsafe-output")
        }
    }
}

/// What is at a path, as far as replacing it goes.
enum FolderState: Equatable {
    case missing
    case file
    /// A folder holding only hidden entries, which a build carries over.
    case empty
    case marked
    /// A folder with an entry Quorum did not write, e.g. that one.
    case foreign(String)

    static func of(_ path: String) -> FolderState {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
        guard isFolder.boolValue else { return .file }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if names.contains(OutputMarker.name) { return .marked }
        if let visible = names.sorted().first(where: { !$0.hasPrefix(".") }) { return .foreign(visible) }
        return .empty
    }
}

/// Paths with their symbolic links resolved, compared part by part.
enum RealPath {
    /// The path with every symbolic link resolved in the part that exists; the rest
    /// appended as given.
    static func of(_ url: URL) -> String {
        var head = url.standardizedFileURL.path
        var tail: [String] = []
        while true {
            if let resolved = realpath(head, nil) {
                let base = String(cString: resolved)
                free(resolved)
                return ([base == "/" ? "" : base] + tail).joined(separator: "/").nonEmpty ?? "/"
            }
            guard head != "/", !head.isEmpty else { return "/" + tail.joined(separator: "/") }
            tail.insert((head as NSString).lastPathComponent, at: 0)
            head = (head as NSString).deletingLastPathComponent
        }
    }

    /// "is", "is inside" or "holds": how `path` stands to `folder`, or nil when apart.
    static func relation(of path: String, to folder: String) -> String? {
        if path == folder { return "is" }
        if isInside(path, folder) { return "is inside" }
        if isInside(folder, path) { return "holds" }
        return nil
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

import Foundation

/// Writes a build's files so that the output folder is either the previous build or the
/// new one, never a mix: files go to a staging folder beside it, which then takes its place.
public struct OutputFolder {
    public let url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// `.public.quorum-staging` beside `public/`.
    var stagingURL: URL { sibling("staging") }
    /// Where the previous output waits while the new one is moved in.
    var previousURL: URL { sibling("previous") }

    private func sibling(_ role: String) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).quorum-\(role)")
    }

    public enum WriteError: Error, CustomStringConvertible {
        case duplicatePath(String)
        case io(String, underlying: String)

        public var description: String {
            switch self {
            case .duplicatePath(let path): "two outputs want the same path '\(path)'"
            case .io(let path, let underlying): "cannot write \(path): \(underlying)"
            }
        }
    }

    /// Replaces the folder's contents with `files`. Top-level hidden entries of the old
    /// folder (`.git`, `.gitkeep`) are kept, as Quorum never writes hidden files itself.
    /// On any failure the previous folder is left exactly as it was.
    public func replace(with files: [OutputFile]) throws {
        let fm = FileManager.default
        try recoverInterruptedSwap()
        try? fm.removeItem(at: stagingURL)
        do {
            try fm.createDirectory(at: stagingURL, withIntermediateDirectories: true)
            var seen = Set<OutputPath>()
            for file in files.sorted(by: { $0.path < $1.path }) {
                guard seen.insert(file.path).inserted else { throw WriteError.duplicatePath(file.path.value) }
                try write(file, into: stagingURL)
            }
            try carryHiddenEntries(from: url, to: stagingURL)
        } catch {
            try? fm.removeItem(at: stagingURL)
            throw error
        }
        try swapIn()
    }

    private func write(_ file: OutputFile, into folder: URL) throws {
        let target = folder.appendingPathComponent(file.path.value)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file.contents {
            case .text(let text): try Data(text.utf8).write(to: target)
            case .data(let data): try data.write(to: target)
            case .copy(let source): try fm.copyItem(at: source, to: target)
            }
        } catch {
            throw WriteError.io(file.path.value, underlying: error.localizedDescription)
        }
    }

    private func carryHiddenEntries(from old: URL, to new: URL) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: old.path) else { return }
        for name in names.sorted() where name.hasPrefix(".") {
            try fm.copyItem(at: old.appendingPathComponent(name), to: new.appendingPathComponent(name))
        }
    }

    /// Two renames: the old folder steps aside, the new one moves in. If the process dies
    /// between them, the next build puts the old one back first (`recoverInterruptedSwap`).
    private func swapIn() throws {
        let fm = FileManager.default
        do {
            if fm.fileExists(atPath: url.path) {
                try? fm.removeItem(at: previousURL)
                try fm.moveItem(at: url, to: previousURL)
            }
            try fm.moveItem(at: stagingURL, to: url)
            try? fm.removeItem(at: previousURL)
        } catch {
            try? recoverInterruptedSwap()
            try? fm.removeItem(at: stagingURL)
            throw WriteError.io(url.path, underlying: error.localizedDescription)
        }
    }

    private func recoverInterruptedSwap() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path), fm.fileExists(atPath: previousURL.path) {
            try fm.moveItem(at: previousURL, to: url)
        }
    }
}

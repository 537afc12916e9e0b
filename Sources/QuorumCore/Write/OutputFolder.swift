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
            let sorted = files.sorted(by: { $0.path < $1.path })
            var seen = Set<OutputPath>()
            var folders = Set<String>()
            for file in sorted {
                guard seen.insert(file.path).inserted else { throw WriteError.duplicatePath(file.path.value) }
                folders.insert((file.path.value as NSString).deletingLastPathComponent)
            }
            // Folders first, each once; then the files, on every core.
            for folder in folders.sorted() where !folder.isEmpty {
                do {
                    try fm.createDirectory(at: stagingURL.appendingPathComponent(folder), withIntermediateDirectories: true)
                } catch {
                    throw WriteError.io(folder, underlying: error.localizedDescription)
                }
            }
            // One run of files a core, cut between folders where it can be: two writers in one
            // folder wait for each other on the folder's lock.
            let staging = stagingURL
            let failures = ParallelMap.map(OutputFolder.runs(of: sorted, count: ProcessInfo.processInfo.activeProcessorCount)) { run in
                for file in run {
                    do {
                        try OutputFolder.write(file, into: staging)
                    } catch let error as WriteError {
                        return Optional(error)
                    } catch {
                        return WriteError.io(file.path.value, underlying: "\(error)")
                    }
                }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            try carryHiddenEntries(from: url, to: stagingURL)
        } catch {
            try? fm.removeItem(at: stagingURL)
            throw error
        }
        try swapIn()
    }

    /// `files` in `count` consecutive runs of about the same size, each ending at a change of
    /// folder when one is near.
    static func runs(of files: [OutputFile], count: Int) -> [ArraySlice<OutputFile>] {
        guard count > 1, files.count > 1 else { return [files[...]] }
        let size = (files.count + count - 1) / count
        func folder(_ i: Int) -> Substring {
            let path = files[i].path.value
            return path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
        }
        var runs: [ArraySlice<OutputFile>] = []
        var start = 0
        while start < files.count {
            var end = min(start + size, files.count)
            // Move the cut forward to the next folder change, within half a run.
            var probe = end
            while probe < files.count, probe < end + size / 2, folder(probe) == folder(probe - 1) { probe += 1 }
            if probe < files.count, probe < end + size / 2 { end = probe }
            runs.append(files[start..<end])
            start = end
        }
        return runs
    }

    /// Writes one file into its (existing) folder. Text is written straight from the
    /// string's UTF-8 with `open`/`write`, without Foundation's per-file sync to disk:
    /// the folder only becomes the output by the rename in `swapIn`.
    private static func write(_ file: OutputFile, into folder: URL) throws {
        let target = folder.appendingPathComponent(file.path.value)
        do {
            switch file.contents {
            case .text(let text):
                var text = text
                try text.withUTF8 { try writeBytes(UnsafeRawBufferPointer($0), to: target.path) }
            case .data(let data): try data.withUnsafeBytes { try writeBytes($0, to: target.path) }
            case .copy(let source): try FileManager.default.copyItem(at: source, to: target)
            }
        } catch {
            throw WriteError.io(file.path.value, underlying: error.localizedDescription)
        }
    }

    private static func writeBytes(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
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

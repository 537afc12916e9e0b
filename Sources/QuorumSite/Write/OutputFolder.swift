import Foundation
import QuorumSupport

/// Writes a build's files so that the output folder is either the previous build or the
/// new one, never a mix: files go to a staging folder beside it, which then takes its place.
///
/// It replaces only a missing folder, one holding nothing but hidden entries, or one that
/// carries Quorum's mark (`.quorum-output`, written into every output), unless `force`.
/// An output that is a symbolic link to a folder is written through: the staging folder
/// goes beside the link's target, so the link keeps pointing at the new build.
package struct OutputFolder {
    /// The folder as it was named.
    package let url: URL
    /// Where it really is, symbolic links resolved.
    let target: URL
    /// Replace a folder that is not Quorum's.
    package var force: Bool

    package init(_ url: URL, force: Bool = false) {
        self.url = url.standardizedFileURL
        self.target = URL(fileURLWithPath: RealPath.of(url))
        self.force = force
    }

    var display: String { BuildOptions.display(url) }

    /// `.public.quorum-staging` beside `public/`.
    var stagingURL: URL { sibling("staging") }
    /// Where the previous output waits while the new one is moved in.
    var previousURL: URL { sibling("previous") }

    private func sibling(_ role: String) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).quorum-\(role)")
    }

    package enum WriteError: Error, CustomStringConvertible {
        case duplicatePath(String)
        case io(String, underlying: String)
        /// The folder is not Quorum's to replace.
        case refused(String)

        package var description: String {
            switch self {
            case .duplicatePath(let path): "two outputs want the same path '\(path)'"
            case .io(let path, let underlying): "cannot write \(path): \(underlying)"
            case .refused(let reason): reason
            }
        }
    }

    /// Says on standard error that the build waits for another one.
    package static func tellWaiting(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Replaces the folder's contents with `files` and the mark. Top-level hidden entries
    /// of the old folder (`.git`, `.gitkeep`) are kept, but for those the previous build
    /// wrote itself and those the new build writes. On any failure the previous folder is
    /// left exactly as it was. Holds the folder's lock (see `OutputLock`) throughout.
    package func replace(with files: [OutputFile], waiting: (String) -> Void = OutputFolder.tellWaiting) throws {
        let fm = FileManager.default
        let lock = try OutputLock(for: target, display: display, waiting: waiting)
        defer { withExtendedLifetime(lock) {} }
        try recoverInterruptedSwap()
        switch FolderState.of(target.path) {
        case .file:
            throw WriteError.refused("\(display) is a file, not a folder; Quorum will not replace it")
        case .foreign(let example) where !force:
            throw WriteError.refused("\(display) holds files Quorum did not write (e.g. '\(example)') and no \(OutputMarker.name) mark; "
                + "choose another folder, or pass --force to replace it")
        default:
            break
        }
        try OutputFolder.remove(stagingURL, what: "the staging folder left by an earlier build")
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
                    throw WriteError.io(folder, underlying: WriteFailure.reason(error))
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
                        return WriteError.io(file.path.value, underlying: WriteFailure.reason(error))
                    }
                }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            let hidden = Set(sorted.map { String($0.path.value.prefix { $0 != "/" }) }.filter { $0.hasPrefix(".") })
            try OutputFolder.write(OutputFile(path: OutputPath(OutputMarker.name)!, contents: .text(OutputMarker.text(hiddenEntries: Array(hidden)))),
                                   into: stagingURL)
            try carryHiddenEntries(from: target, to: stagingURL)
        } catch {
            try? OutputFolder.remove(stagingURL, what: "the staging folder")
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
            throw WriteError.io(file.path.value, underlying: WriteFailure.reason(error))
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

    /// Hidden entries the user keeps in the output (`.git`, `.gitkeep`), not the mark, not
    /// those the previous build wrote (listed in its mark), and not those the new build writes.
    private func carryHiddenEntries(from old: URL, to new: URL) throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: old.path) else { return }
        let written = OutputMarker.hiddenEntries(in: old)
        for name in names.sorted() where name.hasPrefix(".") && name != OutputMarker.name && !written.contains(name) {
            let destination = new.appendingPathComponent(name)
            guard !OutputFolder.exists(destination) else { continue }
            do {
                try fm.copyItem(at: old.appendingPathComponent(name), to: destination)
            } catch {
                throw WriteError.io(name, underlying: "cannot carry over this hidden entry of the previous output: \(WriteFailure.reason(error))")
            }
        }
    }

    /// Two renames: the old folder steps aside, the new one moves in. If the process dies
    /// between them, the next build puts the old one back first (`recoverInterruptedSwap`).
    private func swapIn() throws {
        let fm = FileManager.default
        do {
            if OutputFolder.exists(target) {
                try OutputFolder.remove(previousURL, what: "the previous output left by an earlier build")
                do {
                    try fm.moveItem(at: target, to: previousURL)
                } catch {
                    throw WriteError.io(display, underlying: "cannot move the previous output aside: \(WriteFailure.reason(error))")
                }
            }
            do {
                try fm.moveItem(at: stagingURL, to: target)
            } catch {
                throw WriteError.io(display, underlying: "cannot move the new output into place: \(WriteFailure.reason(error))")
            }
        } catch {
            try? recoverInterruptedSwap()
            try? OutputFolder.remove(stagingURL, what: "the staging folder")
            throw error
        }
        // The build is in place; a previous output that cannot be removed now is tried
        // again, or reported, by the next build.
        try? OutputFolder.remove(previousURL, what: "the previous output")
    }

    private func recoverInterruptedSwap() throws {
        if !OutputFolder.exists(target), OutputFolder.exists(previousURL) {
            do {
                try FileManager.default.moveItem(at: previousURL, to: target)
            } catch {
                throw WriteError.io(display, underlying: "cannot put back the previous output \(BuildOptions.display(previousURL)) "
                    + "after an interrupted build: \(WriteFailure.reason(error)); move it back to \(display) by hand")
            }
        }
    }

    /// True when anything, even a dangling symbolic link, is at `url`.
    static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    /// Removes what Quorum left at `url` (a staging or previous folder), making read-only
    /// folders in it writable first; when even that fails, says exactly what to do.
    static func remove(_ url: URL, what: String) throws {
        let fm = FileManager.default
        guard exists(url) else { return }
        if (try? fm.removeItem(at: url)) != nil { return }
        if let paths = fm.enumerator(atPath: url.path) {
            chmod(url.path, 0o755)
            for case let path as String in paths {
                let full = url.appendingPathComponent(path).path
                var status = stat()
                if lstat(full, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { chmod(full, 0o755) }
            }
        }
        do {
            try fm.removeItem(at: url)
        } catch {
            throw WriteError.io(BuildOptions.display(url), underlying: "cannot remove \(what): \(WriteFailure.reason(error)); "
                + "remove it by hand (rm -rf '\(url.path)') and build again")
        }
    }
}

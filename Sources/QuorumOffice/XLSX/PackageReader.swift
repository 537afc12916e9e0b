import Foundation
import ZIPFoundation

/// The zip package of a workbook: finds parts by name and unpacks them within the limits.
///
/// Entry sizes in a zip can lie, so the unpacked bytes are counted as they come and
/// unpacking stops at the limit, whatever the header claims.
struct PackageReader {
    private let archive: Archive
    private let limits: WorkbookLimits
    /// Part names in lower case to the names in the zip: OPC part names ignore case.
    private let entryNames: [String: String]

    init(data: Data, limits: WorkbookLimits) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw WorkbookError.notAZipArchive(Self.describe(error))
        }
        self.archive = archive
        self.limits = limits
        var names: [String: String] = [:]
        for entry in archive where entry.type == .file {
            names[entry.path.lowercased()] = entry.path
        }
        guard !names.isEmpty else { throw WorkbookError.notAZipArchive("the archive holds no files") }
        entryNames = names
    }

    func contains(_ part: String) -> Bool {
        entryNames[part.lowercased()] != nil
    }

    /// The bytes of a part (`xl/workbook.xml`), or nil when the package has no such part.
    func data(ofPart part: String) throws -> Data? {
        guard let name = entryNames[part.lowercased()], let entry = archive[name] else { return nil }
        let limit = limits.maximumPartSize
        if entry.uncompressedSize > UInt64(limit) { throw WorkbookError.partTooLarge(part: part, limit: limit) }
        var data = Data()
        data.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(limit))))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw WorkbookError.partTooLarge(part: part, limit: limit)
        } catch {
            throw WorkbookError.notAZipArchive("\(part) cannot be unpacked: \(Self.describe(error))")
        }
        return data
    }

    /// The bytes of a part the workbook cannot do without.
    func requiredData(ofPart part: String) throws -> Data {
        guard let data = try data(ofPart: part) else { throw WorkbookError.missingPart(part) }
        return data
    }

    private struct PartTooLarge: Error {}

    private static func describe(_ error: Error) -> String {
        switch error {
        case Archive.ArchiveError.unreadableArchive: return "no zip directory found"
        case Archive.ArchiveError.invalidCRC32: return "checksum mismatch"
        case Archive.ArchiveError.invalidCompressionMethod: return "unsupported compression method"
        case Archive.ArchiveError.invalidEntryPath: return "an entry has an invalid path"
        case Archive.ArchiveError.invalidLocalHeaderDataOffset,
             Archive.ArchiveError.invalidLocalHeaderSize,
             Archive.ArchiveError.invalidCentralDirectoryOffset,
             Archive.ArchiveError.invalidCentralDirectorySize,
             Archive.ArchiveError.invalidCentralDirectoryEntryCount,
             Archive.ArchiveError.missingEndOfCentralDirectoryRecord:
            return "the zip structure is damaged"
        default: return String(describing: error)
        }
    }
}

/// Resolves relationship targets against the folder of the part that names them.
enum PartPath {
    /// `sheets/sheet1.xml` from `xl/workbook.xml` is `xl/sheets/sheet1.xml`; `/xl/x.xml` is
    /// absolute; `..` climbs. Nil when the target climbs out of the package or is external.
    static func resolve(_ target: String, from source: String) -> String? {
        if target.contains("://") { return nil }
        var segments: [Substring] = target.hasPrefix("/") ? [] : source.split(separator: "/").dropLast()
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        let path = segments.joined(separator: "/")
        return path.isEmpty ? nil : path.removingPercentEncoding ?? path
    }

    /// The relationships part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`.
    static func relationships(of part: String) -> String {
        var segments = part.split(separator: "/").map(String.init)
        let name = segments.popLast() ?? ""
        return (segments + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}

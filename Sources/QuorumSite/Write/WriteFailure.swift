import Foundation

/// The real cause of a failed file operation in a few words ("No space left on device"),
/// instead of Foundation's sentence about a file that "couldn't be saved" or its
/// `NSCocoaErrorDomain` dump.
enum WriteFailure {
    static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(posix.code.rawValue) }
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying { return reason(underlying) }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error {
            return reason(underlying)
        }
        if ns.domain == NSPOSIXErrorDomain { return reason(Int32(ns.code)) }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteOutOfSpace: return reason(ENOSPC)
            case .fileWriteNoPermission, .fileReadNoPermission: return reason(EACCES)
            case .fileWriteFileExists: return reason(EEXIST)
            case .fileNoSuchFile, .fileReadNoSuchFile: return reason(ENOENT)
            case .fileWriteVolumeReadOnly: return reason(EROFS)
            default: break
            }
        }
        return error.localizedDescription
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

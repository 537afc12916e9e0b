import Foundation

extension String {
    /// True when the UTF-8 text has `byte`: `memchr` over the text's storage, for a question
    /// asked of every page (is there a carriage return?).
    package func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count > 0 && memchr(bytes.baseAddress!, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}

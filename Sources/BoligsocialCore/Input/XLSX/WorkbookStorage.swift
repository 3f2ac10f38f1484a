import Foundation

/// A large buffer that is read once from end to end (an inflated sheet).
enum LargeBuffer {
    /// Asks the kernel for 2 MB pages over the whole 2 MB blocks of `buffer` (where transparent huge
    /// pages are on request): filling a 100 MB sheet then takes 50 page faults, not 25,000.
    static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
            guard let base = buffer.baseAddress, buffer.count >= 4 << 20 else { return }
            let huge = UInt(2 << 20)
            let start = (UInt(bitPattern: base) + huge - 1) & ~(huge - 1)
            let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(huge - 1)
            if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) }
        #endif
    }
}

/// A file holding a copy of some bytes, in a fresh private directory (`mkdtemp`, mode 0700), removed
/// with `remove()`.
struct PrivateCopy {
    let directory: String
    let path: String

    init?(_ bytes: [UInt8]) {
        var template = Array((NSTemporaryDirectory() + "/boligsocial-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        directory = String(cString: made)
        path = directory + "/workbook.xlsx"
        guard let file = fopen(path, "wbx") else {
            rmdir(directory)
            return nil
        }
        let written = fwrite(bytes, 1, bytes.count, file)
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            unlink(path)
            rmdir(directory)
            return nil
        }
    }

    func remove() {
        unlink(path)
        rmdir(directory)
    }
}

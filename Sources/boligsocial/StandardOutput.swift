import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Text for a terminal: every control character but line feed and tab (an escape sequence from an
/// input cell, a carriage return that would overwrite the line) as a visible `\u{…}`.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value)
    }
}

/// Checked writes to standard output and error: every byte is written or the error is returned.
enum StandardStream {
    /// `nil` when all of `bytes` reached `descriptor`, else why not.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Writes to standard output, or throws the failure that exits 73.
    static func output(_ bytes: [UInt8]) throws(OutputWriter.Failure) {
        if let reason = write(bytes, to: STDOUT_FILENO) {
            throw OutputWriter.Failure(message: "standard output: cannot write: \(reason)")
        }
    }
}

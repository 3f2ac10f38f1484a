/// Checks what TOML++ would otherwise meet with an `assert` (which aborts the process, as fuzzing
/// found): outside strings and comments, TOML 1.0 allows only ASCII, so any other character there
/// is reported as a syntax error with its line and column before TOML++ sees the text. NUL bytes
/// are refused anywhere.
enum TOMLPrecheck {
    static func firstProblem(in text: String) -> (line: Int, column: Int, message: String)? {
        let bytes = Array(text.utf8)
        var i = 0, line = 1, lineStart = 0
        func column(_ at: Int) -> Int { bytes[lineStart..<at].filter { $0 & 0xC0 != 0x80 }.count + 1 }
        func starts(_ s: String, at j: Int) -> Bool {
            let p = Array(s.utf8)
            return j + p.count <= bytes.count && Array(bytes[j..<j + p.count]) == p
        }
        func newline(at j: Int) {
            line += 1
            lineStart = j + 1
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0 { return (line, column(i), "a NUL byte is not allowed in a scenario file") }
            if b == UInt8(ascii: "\n") {
                newline(at: i)
                i += 1
            } else if b == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
                    if bytes[i] == 0 { return (line, column(i), "a NUL byte is not allowed in a scenario file") }
                    i += 1
                }
            } else if starts("\"\"\"", at: i) || starts("'''", at: i) {
                let delimiter = starts("\"\"\"", at: i) ? "\"\"\"" : "'''", escapes = delimiter == "\"\"\""
                i += 3
                while i < bytes.count, !starts(delimiter, at: i) {
                    if bytes[i] == 0 { return (line, column(i), "a NUL byte is not allowed in a scenario file") }
                    if escapes, bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\n") { newline(at: i) }
                    i += 1
                }
                i += 3
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                i += 1
                while i < bytes.count, bytes[i] != b, bytes[i] != UInt8(ascii: "\n") {
                    if bytes[i] == 0 { return (line, column(i), "a NUL byte is not allowed in a scenario file") }
                    if b == UInt8(ascii: "\""), bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                i += 1
            } else if b >= 0x80 {
                let end = bytes[(i + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
                let character = String(decoding: bytes[i..<end], as: UTF8.self)
                return (line, column(i), "unexpected character '\(character)': outside quotes, keys and values are plain ASCII (quote a key like \"Mjølnerparken\")")
            } else {
                i += 1
            }
        }
        return nil
    }
}

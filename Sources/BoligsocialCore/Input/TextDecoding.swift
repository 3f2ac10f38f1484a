/// The encodings an input file may come in (docs/formats.md).
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8", utf8WithBOM = "UTF-8 with BOM", windows1252 = "Windows-1252"
}

/// Turns a file's bytes into UTF-8: a BOM is dropped, valid UTF-8 is kept as it is, and anything
/// else is read as Windows-1252, Danish Excel's default ("Ærø" arrives as C6 72 F8).
func decodeToUTF8(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: TextEncoding) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        let rest = Array(bytes.dropFirst(3))
        if isValidUTF8(rest) { return (rest, .utf8WithBOM) }
        return (transcodeWindows1252(rest), .windows1252)
    }
    if isValidUTF8(bytes) { return (bytes, .utf8) }
    return (transcodeWindows1252(bytes), .windows1252)
}

private func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    // Pure ASCII is the common case and needs no decoder.
    if !bytes.contains(where: { $0 >= 0x80 }) { return true }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}

/// Windows-1252's 0x80–0x9F block; the five unassigned bytes become U+FFFD.
private let windows1252High: [UInt32] = [
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
]

private func transcodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
        if byte < 0x80 {
            out.append(byte)
            continue
        }
        let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
    }
    return out
}

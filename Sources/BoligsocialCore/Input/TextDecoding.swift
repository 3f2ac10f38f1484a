/// The encodings an input file may come in (docs/formats.md).
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case windows1252 = "Windows-1252"
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
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
    0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD,
    0x017E, 0x0178,
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

/// A file that is neither all UTF-8 nor all Windows-1252: it has valid UTF-8 characters (first on
/// `utf8Line`) and a byte that is not UTF-8 at `line`:`column`. Read as Windows-1252, every one of
/// its UTF-8 letters would turn into two wrong ones; read as UTF-8, the stray byte would be lost.
struct MixedEncoding: Equatable {
    var line: Int
    var column: Int
    var byte: UInt8
    var utf8Line: Int

    var problem: InputProblem { .mixedEncoding(byte: byte, utf8Line: utf8Line) }
}

/// Finds a mix of UTF-8 and other bytes (see `MixedEncoding`); `nil` for a file in one encoding.
func mixedEncoding(_ bytes: [UInt8]) -> MixedEncoding? {
    var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var column = 1
    var utf8Line: Int?
    var invalid: (line: Int, column: Int, byte: UInt8)?
    let n = bytes.count
    func continuation(_ k: Int) -> Bool { k < n && bytes[k] & 0xC0 == 0x80 }
    while i < n {
        let b = bytes[i]
        if b < 0x80 {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
            continue
        }
        // The length of a well-formed sequence starting with `b`, with the narrower ranges of
        // its second byte (no overlong forms, no surrogates, nothing above U+10FFFF).
        var length = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: length = 0
        }
        let wellFormed =
            length > 0 && i + 1 < n && bytes[i + 1] >= low && bytes[i + 1] <= high
            && (2..<length).allSatisfy { continuation(i + $0) }
        if wellFormed {
            if utf8Line == nil { utf8Line = line }
            i += length
        } else {
            if invalid == nil { invalid = (line, column, b) }
            i += 1
        }
        column += 1
        if let utf8Line, let invalid {
            return MixedEncoding(line: invalid.line, column: invalid.column, byte: invalid.byte, utf8Line: utf8Line)
        }
    }
    return nil
}

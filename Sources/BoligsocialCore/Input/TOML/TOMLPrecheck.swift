/// A lexical check of scenario TOML before TOML++ parses it. TOML++ `assert`s (aborting the
/// process) when a key starts with a character that cannot start a key, in a table header or an
/// inline table (fuzzing found `[Ã…]` and `[:weights]`); so every key position is checked here, and
/// so is everything outside strings and comments being ASCII (TOML 1.0) and the absence of NUL.
/// What passes is well-formed enough that TOML++ reports any remaining error as an error.
struct TOMLPrecheck {
    typealias Problem = (line: Int, column: Int, problem: TOMLSyntaxProblem)

    private let bytes: [UInt8]
    private var i = 0, line = 1, lineStart = 0
    /// How deep arrays and inline tables are nested where the check is now.
    private var depth = 0

    /// Nesting deeper than this (arrays in arrays, inline tables in inline tables) is refused
    /// before TOML++ parses it: its parser recurses once per level, and no scenario needs more.
    static let maximumDepth = 32
    /// A dotted key of more parts than this is refused (TOML++ takes time cubic in their number).
    static let maximumKeyParts = 32

    static func firstProblem(in text: String) -> Problem? {
        var checker = TOMLPrecheck(bytes: Array(text.utf8))
        return checker.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Characters

    private var atEnd: Bool { i >= bytes.count }
    private var current: UInt8 { bytes[i] }
    private func isBare(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "-")
    }
    private func problem(_ problem: TOMLSyntaxProblem) -> Problem {
        (line, bytes[lineStart..<min(i, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1, problem)
    }
    private func unexpected() -> Problem {
        guard !atEnd else { return problem(.endsWhereKeyOrValueShould) }
        if current == 0 { return problem(.nulByte) }
        let end = bytes[(i + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? bytes.count
        let character = String(decoding: bytes[i..<end], as: UTF8.self)
        if current >= 0x80 {
            return problem(.nonASCII(character))
        }
        return problem(.badKeyStart(character))
    }
    private mutating func skipSpaces() { while !atEnd, current == 0x20 || current == 0x09 { i += 1 } }
    private mutating func newline() {
        i += 1
        line += 1
        lineStart = i
    }
    private mutating func skipComment() -> Problem? {
        while !atEnd, current != UInt8(ascii: "\n") {
            if current == 0 { return unexpected() }
            i += 1
        }
        return nil
    }
    private func starts(_ s: String) -> Bool {
        let p = Array(s.utf8)
        return i + p.count <= bytes.count && bytes[i..<i + p.count].elementsEqual(p)
    }

    // MARK: Grammar (just enough)

    private mutating func document() -> Problem? {
        while !atEnd {
            skipSpaces()
            if atEnd { break }
            switch current {
            case UInt8(ascii: "\n"): newline()
            case UInt8(ascii: "\r"): i += 1
            case UInt8(ascii: "#"): if let p = skipComment() { return p }
            case UInt8(ascii: "["):
                i += 1
                if !atEnd, current == UInt8(ascii: "[") { i += 1 }
                if let p = keyPath() { return p }
                skipSpaces()
                guard !atEnd, current == UInt8(ascii: "]") else { return unexpectedAfterKey() }
                i += 1
                if !atEnd, current == UInt8(ascii: "]") { i += 1 }
                if let p = restOfLine() { return p }
            default:
                if let p = keyPath() { return p }
                skipSpaces()
                guard !atEnd, current == UInt8(ascii: "=") else { return unexpectedAfterKey() }
                i += 1
                if let p = value() { return p }
                if let p = restOfLine() { return p }
            }
        }
        return nil
    }

    private func unexpectedAfterKey() -> Problem {
        guard !atEnd, current < 0x80, current != 0 else { return unexpected() }
        return problem(.unexpectedAfterKey(String(UnicodeScalar(current))))
    }

    /// `key(.key)*`: bare keys or quoted ones.
    private mutating func keyPath() -> Problem? {
        var parts = 0
        while true {
            parts += 1
            if parts > Self.maximumKeyParts { return problem(.tooManyKeyParts(maximum: Self.maximumKeyParts)) }
            skipSpaces()
            guard !atEnd else { return unexpected() }
            if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                if let p = string() { return p }
            } else if isBare(current) {
                while !atEnd, isBare(current) { i += 1 }
            } else {
                return unexpected()
            }
            skipSpaces()
            guard !atEnd, current == UInt8(ascii: ".") else { return nil }
            i += 1
        }
    }

    /// Only spaces and a comment may follow on the line.
    private mutating func restOfLine() -> Problem? {
        skipSpaces()
        guard !atEnd else { return nil }
        switch current {
        case UInt8(ascii: "#"): return skipComment()
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return nil
        case 0, 0x80...: return unexpected()
        default: return problem(.textAfterValue)
        }
    }

    /// A value: a string, an array, an inline table, or a run of plain ASCII (numbers, dates,
    /// booleans; TOML++ checks their form).
    private mutating func value() -> Problem? {
        skipSpaces()
        guard !atEnd else { return unexpected() }
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return string()
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth { return problem(.nestedTooDeep(maximum: Self.maximumDepth)) }
            i += 1
            while true {
                if let p = gap() { return p }
                guard !atEnd else { return unexpected() }
                if current == UInt8(ascii: "]") {
                    i += 1
                    return nil
                }
                if let p = value() { return p }
                if let p = gap() { return p }
                guard !atEnd else { return unexpected() }
                if current == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if current == UInt8(ascii: "]") {
                    i += 1
                    return nil
                }
                return problem(.arraySeparator)
            }
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth { return problem(.nestedTooDeep(maximum: Self.maximumDepth)) }
            i += 1
            skipSpaces()
            if !atEnd, current == UInt8(ascii: "}") {
                i += 1
                return nil
            }
            while true {
                if let p = keyPath() { return p }
                skipSpaces()
                guard !atEnd, current == UInt8(ascii: "=") else { return unexpectedAfterKey() }
                i += 1
                if let p = value() { return p }
                skipSpaces()
                guard !atEnd else { return unexpected() }
                if current == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if current == UInt8(ascii: "}") {
                    i += 1
                    return nil
                }
                return problem(.inlineTableSeparator)
            }
        default:
            let start = i
            while !atEnd, current > 0x20, current < 0x7F, !",]}#".utf8.contains(current) { i += 1 }
            if !atEnd, current >= 0x80 || current == 0 { return unexpected() }
            return i > start ? nil : unexpected()
        }
    }

    /// Spaces, newlines and comments between array elements.
    private mutating func gap() -> Problem? {
        while !atEnd {
            switch current {
            case 0x20, 0x09, UInt8(ascii: "\r"): i += 1
            case UInt8(ascii: "\n"): newline()
            case UInt8(ascii: "#"): if let p = skipComment() { return p }
            default: return nil
            }
        }
        return nil
    }

    /// A basic, literal or multi-line string; escapes are skipped, not interpreted.
    private mutating func string() -> Problem? {
        let quote = current
        let multi = starts(quote == UInt8(ascii: "\"") ? "\"\"\"" : "'''")
        let openLine = line
        i += multi ? 3 : 1
        while !atEnd {
            let b = current
            if b == 0 { return unexpected() }
            if b == quote {
                if !multi {
                    i += 1
                    return nil
                }
                if starts(quote == UInt8(ascii: "\"") ? "\"\"\"" : "'''") {
                    i += 3
                    while !atEnd, current == quote { i += 1 } // up to two quotes may close it
                    return nil
                }
            }
            if b == UInt8(ascii: "\n") {
                if !multi { return problem(.stringNotClosedOnLine) }
                newline()
                continue
            }
            if b == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { i += 1 }
            i += 1
        }
        return (openLine, 1, .stringNeverClosed)
    }
}

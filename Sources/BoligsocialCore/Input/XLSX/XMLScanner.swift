import Foundation

/// A forward scanner over the XML of a workbook's parts: start tags with their attributes, end
/// tags, and text with its entities decoded. It reads what SpreadsheetML uses (elements,
/// attributes in either quote, the five named entities and numeric ones, comments, processing
/// instructions, CDATA) and reports anything else as malformed; it checks no schema and resolves
/// no external entity. Names, attributes and text are byte ranges of the part, decoded only when
/// asked for, so a 100,000-row sheet costs no allocation per tag. (Foundation's XMLParser was
/// measured 26 times slower than reading the same round as CSV, and failed outright on a
/// 100,000-row sheet written on one line.)
struct XMLScanner {
    enum Kind { case start, end, text }

    /// The part's bytes, borrowed for the scan (see `scan`): read without bounds checks or
    /// reference counting, which matters with a sheet read on two cores at once.
    let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private(set) var malformed: XMLProblem?
    /// The token found by `next()`: its kind, its name (without a namespace prefix) or its text,
    /// whether a start tag closes itself, and a start tag's attributes.
    private(set) var name: Range<Int> = 0..<0
    private(set) var text: Range<Int> = 0..<0
    private(set) var selfClosing = false
    private(set) var isCDATA = false
    /// The current start tag's attributes: the first `attributeCount` of each array (kept
    /// between tags, so a tag costs no array operation but stores).
    private var attributeNames: [Range<Int>] = [], attributeValues: [Range<Int>] = []
    private var attributeCount = 0

    /// Where scanning stops: the end of the part, or of the piece of it being read.
    let end: Int

    /// Calls `body` with a scanner over `range` of `data` (all of it by default; a piece when a
    /// sheet is read in two pieces side by side). The scanner must not outlive the call.
    static func scan<R>(_ data: [UInt8], range: Range<Int>? = nil, _ body: (inout XMLScanner) -> R) -> R {
        data.withUnsafeBufferPointer { p in
            var scanner = XMLScanner(p, range: range ?? 0..<p.count)
            return body(&scanner)
        }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    /// How far scanning has come.
    var offset: Int { i }

    /// Whether the current name is `s`.
    func named(_ s: StaticString) -> Bool { equal(name, s) }

    /// The raw value of the current start tag's attribute `s`, if it has one.
    func attribute(_ s: StaticString) -> Range<Int>? {
        for k in 0..<attributeCount where equal(attributeNames[k], s) { return attributeValues[k] }
        return nil
    }

    /// The current text, or an attribute's value, with its entities decoded; `nil` for an unknown entity.
    func decoded(_ range: Range<Int>) -> String? {
        isCDATA && range == text ? String(decoding: bytes[range], as: UTF8.self) : Self.decoded(bytes[range])
    }

    private func equal(_ range: Range<Int>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard range.count == n else { return false }
        let p = s.utf8Start
        for k in 0..<n where bytes[range.lowerBound + k] != p[k] { return false }
        return true
    }

    /// Moves to the next token; `nil` at the end (or at the first malformed construct: see `malformed`).
    mutating func next() -> Kind? {
        isCDATA = false
        let n = end
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                let start = i
                let base = bytes.baseAddress!
                i =
                    memchr(base + start, Int32(UInt8(ascii: "<")), n - start).map {
                        UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
                    } ?? n
                text = start..<i
                return .text
            }
            // One look at the byte after `<` tells the kind of markup (nearly always a tag).
            let second = i + 1 < n ? bytes[i + 1] : 0
            if second == UInt8(ascii: "/") {
                var k = i + 2
                let start = k
                while k < n, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                let nameEnd = k
                while k < n, bytes[k] != UInt8(ascii: ">") { k += 1 }
                guard k < n else { return fail(.endTagNotClosed) }
                name = localName(start..<nameEnd)
                i = k + 1
                return .end
            } else if second == UInt8(ascii: "!") {
                if starts("<!--") {
                    guard let end = find("-->", from: i + 4) else { return fail(.commentNotClosed) }
                    i = end + 3
                } else if starts("<![CDATA[") {
                    guard let end = find("]]>", from: i + 9) else { return fail(.cdataNotClosed) }
                    text = (i + 9)..<end
                    isCDATA = true
                    i = end + 3
                    return .text
                } else {
                    guard let end = bytes[i..<self.end].firstIndex(of: UInt8(ascii: ">")) else {
                        return fail(.declarationNotClosed)
                    }
                    i = end + 1
                }
            } else if second == UInt8(ascii: "?") {
                guard let end = bytes[i..<self.end].firstIndex(of: UInt8(ascii: ">")) else {
                    return fail(.declarationNotClosed)
                }
                i = end + 1
            } else {
                return startTag()
            }
        }
        return nil
    }

    private mutating func fail(_ why: XMLProblem) -> Kind? {
        malformed = why
        i = end
        return nil
    }

    private func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = s.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { return false }
        return true
    }

    private func find(_ s: StaticString, from start: Int) -> Int? {
        let n = s.utf8CodeUnitCount
        return s.withUTF8Buffer { p -> Int? in
            var k = start
            while k + n <= end {
                if bytes[k] == p[0], (1..<n).allSatisfy({ bytes[k + $0] == p[$0] }) { return k }
                k += 1
            }
            return nil
        }
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// `range` without a namespace prefix (`x:row` → `row`).
    private func localName(_ range: Range<Int>) -> Range<Int> {
        var k = range.upperBound
        while k > range.lowerBound, bytes[k - 1] != UInt8(ascii: ":") { k -= 1 }
        return k..<range.upperBound
    }

    private mutating func startTag() -> Kind? {
        let b = bytes
        let n = end
        var k = i + 1
        let start = k
        while k < n, !isSpace(b[k]), b[k] != UInt8(ascii: ">"), b[k] != UInt8(ascii: "/") { k += 1 }
        guard k > start else { return fail(.tagWithoutName) }
        name = localName(start..<k)
        attributeCount = 0
        while true {
            while k < n, isSpace(b[k]) { k += 1 }
            guard k < n else { return fail(.startTagNotClosed) }
            if b[k] == UInt8(ascii: ">") {
                i = k + 1
                selfClosing = false
                return .start
            }
            if b[k] == UInt8(ascii: "/") {
                guard k + 1 < n, b[k + 1] == UInt8(ascii: ">") else { return fail(.straySlash) }
                i = k + 2
                selfClosing = true
                return .start
            }
            let attributeStart = k
            while k < n, b[k] != UInt8(ascii: "="), !isSpace(b[k]), b[k] != UInt8(ascii: ">") { k += 1 }
            let attribute = localName(attributeStart..<k)
            while k < n, isSpace(b[k]) { k += 1 }
            guard k < n, b[k] == UInt8(ascii: "=") else { return fail(.attributeWithoutValue) }
            k += 1
            while k < n, isSpace(b[k]) { k += 1 }
            guard k < n, b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") else {
                return fail(.attributeValueWithoutQuotes)
            }
            let quote = b[k]
            var close = k + 1
            while close < n, b[close] != quote { close += 1 }
            guard close < n else { return fail(.attributeValueNotClosed) }
            if attributeCount < attributeNames.count {
                attributeNames[attributeCount] = attribute
                attributeValues[attributeCount] = (k + 1)..<close
            } else {
                attributeNames.append(attribute)
                attributeValues.append((k + 1)..<close)
            }
            attributeCount += 1
            k = close + 1
        }
    }

    /// Appends the current text (or an attribute's value) to `out` with its entities decoded;
    /// `false` for an unknown entity. No `String` is made: a sheet's cells are copied as bytes.
    func appendDecoded(_ range: Range<Int>, to out: inout [UInt8]) -> Bool {
        if isCDATA && range == text {
            out.append(contentsOf: bytes[range])
            return true
        }
        return Self.appendDecoded(bytes[range], to: &out)
    }

    /// Text with `&lt; &gt; &amp; &quot; &apos;` and `&#…;` `&#x…;` decoded; `nil` for another entity.
    static func decoded(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        guard appendDecoded(raw, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendDecoded(_ raw: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) -> Bool {
        guard raw.contains(UInt8(ascii: "&")) else {
            out.append(contentsOf: raw)
            return true
        }
        var k = raw.startIndex
        while k < raw.endIndex {
            let b = raw[k]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                k += 1
                continue
            }
            guard let semicolon = raw[k...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return false }
            let entity = String(decoding: raw[(k + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                guard entity.hasPrefix("#") else { return false }
                let digits = entity.dropFirst()
                let code =
                    digits.hasPrefix("x") || digits.hasPrefix("X")
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let code, let scalar = Unicode.Scalar(code) else { return false }
                out.append(contentsOf: Array(String(scalar).utf8))
            }
            k = semicolon + 1
        }
        return true
    }
}

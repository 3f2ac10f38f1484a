/// Reading numbers and booleans as docs/formats.md writes them.
enum ValueParser {
    /// An amount or fraction. Comma files: `1250000.50`. Semicolon files also take a decimal comma
    /// and `.` thousands groups (`1.250.000,50`); there a dot followed by groups of exactly three
    /// digits is a thousands separator, so `1.250` is 1250 and `0.5` is one half.
    /// Anything else (`1e400`, `NaN`, `12.5.000`, `1,5` in a comma file) is not a number.
    ///
    /// As officers type amounts, a `kr.` before or after, spaces between groups of three digits
    /// (`1 040 000`) and `mio.` after (`1,04 mio.`: millions, the decimals shifted, never rounded)
    /// are accepted too.
    static func number(_ raw: String, semicolonDialect: Bool) -> Double? {
        var text = raw.trimmingSpaces
        if let whole = plainInteger(text) { return whole }
        var millions = false
        if text.unicodeScalars.contains(where: {
            $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "k" || $0 == "K" || $0 == "m" || $0 == "M"
        }) {
            guard let plain = withoutUnitsAndSpaces(text) else { return nil }
            (text, millions) = plain
        }
        var scalars = Array(text.utf8)
        guard !scalars.isEmpty else { return nil }
        var negative = false
        if scalars[0] == UInt8(ascii: "-") || scalars[0] == UInt8(ascii: "+") {
            negative = scalars[0] == UInt8(ascii: "-")
            scalars.removeFirst()
        }
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        guard let first = scalars.first, isDigit(first) else { return nil }
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        let dots = scalars.filter { $0 == UInt8(ascii: ".") }.count
        let commas = scalars.filter { $0 == UInt8(ascii: ",") }.count
        guard scalars.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) else {
            return nil
        }

        func split(_ bytes: ArraySlice<UInt8>, at separator: UInt8) -> (ArraySlice<UInt8>, ArraySlice<UInt8>?) {
            guard let index = bytes.firstIndex(of: separator) else { return (bytes, nil) }
            return (bytes[..<index], bytes[(index + 1)...])
        }
        func groupedThousands(_ part: ArraySlice<UInt8>) -> [UInt8]? {
            let groups = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else {
                return nil
            }
            return groups.flatMap { $0 }
        }

        if semicolonDialect, commas == 1 {
            let (whole, fraction) = split(scalars[...], at: UInt8(ascii: ","))
            guard let fraction, !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
            if dots == 0 {
                integerDigits = Array(whole)
            } else {
                guard let digits = groupedThousands(whole) else { return nil }
                integerDigits = digits
            }
            fractionDigits = Array(fraction)
        } else if commas > 0 {
            return nil
        } else if semicolonDialect, dots >= 1, let digits = groupedThousands(scalars[...]) {
            integerDigits = digits
        } else if dots <= 1 {
            let (whole, fraction) = split(scalars[...], at: UInt8(ascii: "."))
            if let fraction { guard !fraction.isEmpty else { return nil } }
            integerDigits = Array(whole)
            fractionDigits = Array(fraction ?? [])
        } else {
            return nil
        }
        if millions {
            // Six places to the left, in the digits themselves: `1,04 mio.` is exactly 1040000.
            let moved = Array(fractionDigits.prefix(6))
            integerDigits += moved + [UInt8](repeating: UInt8(ascii: "0"), count: 6 - moved.count)
            fractionDigits = Array(fractionDigits.dropFirst(6))
            while integerDigits.count > 1, integerDigits.first == UInt8(ascii: "0") { integerDigits.removeFirst() }
        }
        guard !integerDigits.isEmpty, integerDigits.count <= 15 else { return nil }
        let literal =
            String(decoding: integerDigits, as: UTF8.self)
            + (fractionDigits.isEmpty ? "" : "." + String(decoding: fractionDigits, as: UTF8.self))
        guard let value = Double(literal), value.isFinite else { return nil }
        return negative ? -value : value
    }

    /// `text` without a leading or trailing `kr.`/`kr`, a trailing `mio.`/`mio` (reported), and the
    /// spaces between digit groups; `nil` when spaces stand anywhere but between groups of three.
    static func withoutUnitsAndSpaces(_ text: String) -> (String, millions: Bool)? {
        var s = Substring(text)
        func strip(prefix: String) -> Bool {
            guard s.lowercased().hasPrefix(prefix) else { return false }
            s = s.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{A0}" }
            return true
        }
        func strip(suffix: String) -> Bool {
            guard s.lowercased().hasSuffix(suffix) else { return false }
            s = s.dropLast(suffix.count)
            while let last = s.last, last == " " || last == "\u{A0}" { s = s.dropLast() }
            return true
        }
        if !strip(prefix: "kr.") { _ = strip(prefix: "kr ") }
        if !strip(suffix: "kr.") { _ = strip(suffix: "kr") }
        let millions = strip(suffix: "mio.") || strip(suffix: "mio")
        // Spaces only between groups of three digits: `1 040 000`, `1 040 000,50`.
        let groups = s.split(omittingEmptySubsequences: false) { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }
        if groups.count > 1 {
            let isDigits = { (g: Substring) in !g.isEmpty && g.allSatisfy { $0.isASCII && $0.isNumber } }
            guard (1...3).contains(groups[0].count), isDigits(groups[0]) else { return nil }
            for (k, g) in groups.enumerated().dropFirst() {
                let digits = k == groups.count - 1 ? g.prefix { $0.isASCII && $0.isNumber } : g
                guard digits.count == 3, isDigits(digits) else { return nil }
            }
        }
        let joined = groups.joined()
        guard !joined.isEmpty, !joined.contains(where: { $0.isLetter }) else { return nil }
        return (joined, millions)
    }

    /// The common case, read without allocating: 1 to 15 ASCII digits (exact in a Double).
    static func plainInteger(_ text: String) -> Double? { plainInteger(text.utf8.span) }

    static func plainInteger(_ bytes: Span<UInt8>) -> Double? {
        guard (1...15).contains(bytes.count) else { return nil }
        var value = 0
        for k in bytes.indices {
            let b = bytes[k]
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return Double(value)
    }

    /// `yes/no`, `true/false`, `ja/nej`, `1/0`, any case.
    static func boolean(_ raw: String) -> Bool? {
        switch raw.trimmingSpaces.lowercased() {
        case "yes", "true", "ja", "1": true
        case "no", "false", "nej", "0": false
        default: nil
        }
    }

    /// `yes/no`, `true/false`, `ja/nej`, `1/0` in ASCII letters of any case, from a cell's trimmed
    /// bytes without making a `String`; `nil` leaves the cell to `boolean(_: String)`.
    static func boolean(_ bytes: Span<UInt8>) -> Bool? {
        if spells(bytes, yesWords) { return true }
        if spells(bytes, noWords) { return false }
        return nil
    }

    private static let yesWords = ["yes", "true", "ja", "1"].map { Array($0.utf8) }
    private static let noWords = ["no", "false", "nej", "0"].map { Array($0.utf8) }

    /// Whether `bytes` spell one of `words` (lower-case ASCII) in letters of any case.
    static func spells(_ bytes: Span<UInt8>, _ words: [[UInt8]]) -> Bool {
        words.contains { word in spells(bytes, word) }
    }

    static func spells(_ bytes: Span<UInt8>, _ word: [UInt8]) -> Bool {
        guard word.count == bytes.count else { return false }
        for k in word.indices where word[k] != asciiLowercased(bytes[k]) { return false }
        return true
    }

    /// An ASCII capital as its small letter; every other byte as it is.
    static func asciiLowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}

extension String {
    /// The string without leading and trailing spaces, tabs and no-break spaces. Returns `self`
    /// unchanged, without allocating, when there is nothing to trim (nearly every CSV field).
    var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        // A no-break space is C2 A0 in UTF-8: it starts with 0xC2 and ends with 0xA0.
        let mayTrim = first == 0x20 || first == 0x09 || first == 0xC2 || last == 0x20 || last == 0x09 || last == 0xA0
        guard mayTrim else { return self }
        let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\u{A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

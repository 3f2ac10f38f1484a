/// Column positions by normalised header name.
struct HeaderMap {
    private var index: [String: Int] = [:]

    init?(_ table: CSVTable, file: String, required: [String], diagnostics: inout DiagnosticCollector) {
        guard !table.header.isEmpty else {
            diagnostics.add(SourceLocation(file: file, line: 1, column: 1), .emptyTable)
            return nil
        }
        for (i, field) in table.header.enumerated() {
            // A Danish header stands for its English key; spaces, case and æ ø å do not matter.
            let name = InputWords.canonicalHeader(field.name)
            if name.isEmpty { continue }
            if index[name] != nil {
                diagnostics.add(
                    SourceLocation(file: file, line: field.line, column: field.column), .duplicateColumn(name))
            } else {
                index[name] = i
            }
        }
        let present = Array(index.keys)
        var ok = true
        for name in required where index[name] == nil {
            ok = false
            diagnostics.add(
                SourceLocation(file: file, line: 1, column: 1),
                .missingColumn(name, suggestion: closestMatch(to: name, in: present)))
        }
        if !ok { return nil }
    }

    func has(_ name: String) -> Bool { index[name] != nil }
    /// A column resolved once per file, so reading a row costs no hashing of names.
    func column(_ name: String) -> Column { Column(name: name, index: index[name]) }
}

/// A vocabulary's keys as bytes, made once per file, so a cell is matched in any case of its ASCII
/// letters without making a `String` for it.
struct Spellings<K: DanishSpelled> {
    let what: VocabularyKind
    private let entries: [(value: K, bytes: [UInt8])]
    /// Every English key and Danish word, normalized (`InputWords.normalized`), with its case.
    private let words: [String: K]
    /// Every spelling, for a "did you mean".
    let all: [String]

    init(_: K.Type, what: VocabularyKind) {
        self.what = what
        entries = K.allCases.map { ($0, Array($0.rawValue.utf8)) }
        var words: [String: K] = [:]
        var all: [String] = []
        for value in K.allCases {
            for word in [value.rawValue] + value.danish {
                words[InputWords.normalized(word)] = value
                all.append(word)
            }
        }
        self.words = words
        self.all = all
    }

    /// The common case: an English key in any case of its letters, matched on the cell's bytes.
    func match(_ bytes: Span<UInt8>) -> K? {
        for entry in entries where ValueParser.spells(bytes, entry.bytes) { return entry.value }
        return nil
    }

    /// Any spelling: the English key or a Danish word, normalized.
    func lookup(_ text: String) -> K? { words[InputWords.normalized(text)] }
}

/// A column's name (for messages) and its position in the records, if the file has it.
struct Column {
    let name: String
    let index: Int?
}

/// Reads one record's fields by column name, recording every problem with its location.
struct RowReader {
    let record: CSVRecord
    let file: String
    let table: CSVTable
    private(set) var problems: [Diagnostic] = []
    var failed: Bool { !problems.isEmpty }

    init(record: CSVRecord, file: String, table: CSVTable) {
        self.record = record
        self.file = file
        self.table = table
        if record.fields.count < table.header.count {
            let last = record.fields.last
            problems.append(
                Diagnostic(
                    SourceLocation(
                        file: file, line: last?.line ?? record.line,
                        column: (last?.column ?? 1) + (last.map(record.width) ?? 0)),
                    .tooFewFields(expected: table.header.count, found: record.fields.count)))
        } else if record.fields.count > table.header.count {
            // Never dropped: an unquoted `1,500,000` in a comma file is three fields, not an amount.
            let extra = record.fields[table.header.count]
            problems.append(
                Diagnostic(
                    SourceLocation(file: file, line: extra.line, column: extra.column),
                    .tooManyFields(
                        expected: table.header.count, found: record.fields.count, semicolon: table.semicolonDelimited)))
        }
    }

    private func field(_ column: Column) -> CSVField? {
        guard let i = column.index, i < record.fields.count else { return nil }
        return record.fields[i]
    }

    func location(_ column: Column) -> SourceLocation {
        let f = field(column)
        return SourceLocation(file: file, line: f?.line ?? record.line, column: f?.column ?? 1)
    }

    mutating func fail(_ column: Column, _ problem: InputProblem) {
        problems.append(Diagnostic(location(column), problem))
    }

    func text(_ column: Column) -> String { field(column).map(record.text) ?? "" }

    /// Calls `body` with a cell's trimmed bytes (empty when the row has no such cell).
    private func withTrimmedBytes<R>(_ column: Column, _ body: (Span<UInt8>) -> R) -> R {
        guard let f = field(column) else { return body([UInt8]().span) }
        return record.withTrimmedBytes(f, body)
    }

    mutating func key<K>(_ name: Column, _ keys: Spellings<K>) -> K? {
        guard field(name) != nil else { return nil }
        if let value = withTrimmedBytes(name, keys.match) { return value }
        let raw = text(name)
        if let value = keys.lookup(raw) { return value }
        fail(
            name,
            .unknownWord(
                keys.what, raw: raw, suggestion: raw.isEmpty ? nil : closestMatch(to: raw, in: keys.all),
                expected: K.allCases.map(\.rawValue), danish: K.allCases.map { $0.danish.first ?? $0.rawValue }))
        return nil
    }

    /// Keys separated by `|`, `;` or `,` (the first is the primary one).
    mutating func keyList<K: Equatable>(_ name: Column, _ keys: Spellings<K>) -> [K] {
        var result: [K] = []
        var unknown: [String] = []
        let separators: [UInt8] = [UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: ",")]
        withTrimmedBytes(name) { whole in
            var start = 0
            while start <= whole.count {
                var end = start
                while end < whole.count, !separators.contains(whole[end]) { end += 1 }
                defer { start = end + 1 }
                let raw = whole.extracting(start..<end)
                if raw.isEmpty { continue }
                if let value = keys.match(raw) {
                    if !result.contains(value) { result.append(value) }
                    continue
                }
                var bytes: [UInt8] = []
                for k in raw.indices { bytes.append(raw[k]) }
                let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                if text.isEmpty { continue }
                if let value = keys.lookup(text) {
                    if !result.contains(value) { result.append(value) }
                } else {
                    unknown.append(text)
                }
            }
        }
        for raw in unknown {
            fail(name, .unknownListWord(keys.what, raw: raw, suggestion: closestMatch(to: raw, in: keys.all)))
        }
        return result
    }

    mutating func boolean(_ name: Column) -> Bool? {
        guard field(name) != nil else { return nil }
        if let value = withTrimmedBytes(name, ValueParser.boolean) ?? ValueParser.boolean(text(name)) { return value }
        fail(name, .notYesNo(text(name)))
        return nil
    }

    /// A yes/no cell of an optional column: absent or blank is no.
    mutating func optionalBoolean(_ name: Column) -> Bool {
        guard field(name) != nil, !text(name).isEmpty else { return false }
        return boolean(name) ?? false
    }

    /// The caseworker's score, a whole number 1–5; blank (or no column) is not assessed.
    mutating func assessment(_ name: Column) -> Int? {
        let raw = text(name)
        if raw.isEmpty { return nil }
        guard let value = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited), value == value.rounded(),
            (1...5).contains(value)
        else {
            fail(name, .notAssessment(raw))
            return nil
        }
        return Int(value)
    }

    /// A non-negative DKK amount; blank is 0. Every path, the fast one included, ends in the
    /// same check against `Amount.maximum`.
    mutating func amount(_ name: Column) -> Double? {
        guard field(name) != nil else { return nil }
        // The common case, digits only, read straight from the file's bytes.
        let value: Double
        if let plain = withTrimmedBytes(name, { $0.isEmpty ? 0 : ValueParser.plainInteger($0) }) {
            value = plain
        } else {
            let raw = text(name)
            guard let parsed = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited) else {
                fail(name, .notAmount(raw))
                return nil
            }
            value = parsed
        }
        if let problem = Amount.problem(value) {
            fail(name, .amountOutOfRange(text(name).trimmingSpaces, problem))
            return nil
        }
        return value == 0 ? 0 : value
    }

    /// A share in [0, 1]; blank means the column does not apply.
    mutating func fraction(_ name: Column) -> Double? {
        let raw = text(name)
        if raw.isEmpty { return nil }
        guard let value = ValueParser.number(raw, semicolonDialect: table.semicolonDelimited), (0...1).contains(value)
        else {
            fail(name, .notFraction(raw))
            return nil
        }
        return value
    }

    func report(into diagnostics: inout DiagnosticCollector) {
        diagnostics.diagnostics.append(contentsOf: problems)
    }
}

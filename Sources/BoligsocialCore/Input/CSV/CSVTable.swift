/// One cell of a CSV file with where it starts. Its bytes are `start..<end` of the decoded file,
/// or of its record's `unquoted` buffer when quotes had to be undone, so reading a row makes no
/// `String` for a cell nobody asks for.
struct CSVField: Sendable {
    var start: Int
    var end: Int
    var inUnquoted: Bool
    var line: Int
    var column: Int
}

/// A header cell: its text, trimmed and lower-cased, and where it starts.
struct CSVHeaderCell: Sendable {
    var name: String
    var line: Int
    var column: Int
}

/// One record (a row after the header).
struct CSVRecord: Sendable {
    var line: Int
    var fields: [CSVField]
    /// The whole decoded file, shared with the cursor (not copied).
    let file: [UInt8]
    /// The cells that were quoted, with their quotes undone.
    var unquoted: [UInt8]

    /// The buffer a cell's range is in.
    private func storage(of field: CSVField) -> [UInt8] { field.inUnquoted ? unquoted : file }

    /// Where a cell's bytes are without leading and trailing spaces, tabs and no-break spaces.
    func trimmedRange(_ field: CSVField) -> Range<Int> {
        let bytes = storage(of: field).span
        var lower = field.start
        var upper = field.end
        while lower < upper {
            if bytes[lower] == 0x20 || bytes[lower] == 0x09 {
                lower += 1
            } else if bytes[lower] == 0xC2, lower + 1 < upper, bytes[lower + 1] == 0xA0 {
                lower += 2
            } else {
                break
            }
        }
        while upper > lower {
            if bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 {
                upper -= 1
            } else if bytes[upper - 1] == 0xA0, upper - 2 >= lower, bytes[upper - 2] == 0xC2 {
                upper -= 2
            } else {
                break
            }
        }
        return lower..<upper
    }

    /// Calls `body` with a cell's trimmed bytes.
    func withTrimmedBytes<R>(_ field: CSVField, _ body: (Span<UInt8>) -> R) -> R {
        body(storage(of: field).span.extracting(trimmedRange(field)))
    }

    /// Whether every cell is empty once trimmed: a row Excel leaves below a table or between
    /// blocks (`;;;;`), skipped without a word.
    var isBlank: Bool { fields.allSatisfy { trimmedRange($0).isEmpty } }

    /// A cell's text, trimmed.
    func text(_ field: CSVField) -> String {
        String(decoding: storage(of: field)[trimmedRange(field)], as: UTF8.self)
    }

    /// A cell's length in characters as written (for the column just after it).
    func width(_ field: CSVField) -> Int {
        storage(of: field)[field.start..<field.end].count { $0 & 0xC0 != 0x80 }
    }
}

/// A CSV file's header and the dialect that was detected; the records are read one at a time
/// with a `CSVCursor`, so a 100,000-row file is never held as fields all at once.
struct CSVTable: Sendable {
    var header: [CSVHeaderCell]
    /// `;` files may write amounts with a decimal comma and `.` thousands (docs/formats.md).
    var semicolonDelimited: Bool
    var encoding: TextEncoding
}

/// Reads CSV in the dialects of docs/formats.md: comma or semicolon (detected from the header line),
/// RFC 4180 quoting, CRLF, LF or CR line ends, one record per `next()`. Problems are collected,
/// never thrown one by one. An unquoted cell is found by one pass over its bytes and kept as their
/// range; only a quoted cell is copied (into its record's `unquoted` buffer).
struct CSVCursor {
    let bytes: [UInt8]
    private(set) var table: CSVTable
    private let delimiter: UInt8
    private var i = 0
    private var line = 1, column = 1
    private var unclosedQuote: (line: Int, column: Int)?

    /// Decodes the file, detects its delimiter and reads the header line.
    init(_ raw: [UInt8]) {
        let (decoded, encoding) = decodeToUTF8(raw)
        bytes = decoded
        delimiter = CSVDialect.detectDelimiter(decoded)
        table = CSVTable(header: [], semicolonDelimited: delimiter == UInt8(ascii: ";"), encoding: encoding)
        if let first = next() {
            table.header = first.fields.map { field in
                CSVHeaderCell(name: first.text(field).lowercased(), line: field.line, column: field.column)
            }
        }
    }

    /// Reports a quoted field that never closed (after the last `next()`).
    func finish(file: String, diagnostics: inout DiagnosticCollector) {
        if let q = unclosedQuote {
            diagnostics.add(SourceLocation(file: file, line: q.line, column: q.column), .unclosedQuote)
        }
    }

    /// The next record; a line with nothing on it is skipped, as Excel writes a trailing one.
    mutating func next() -> CSVRecord? {
        var record = CSVRecord(line: line, fields: [], file: bytes, unquoted: [])
        record.fields.reserveCapacity(table.header.count)
        while i < bytes.count {
            record.line = line
            record.fields.removeAll(keepingCapacity: true)
            record.unquoted.removeAll(keepingCapacity: true)
            let quotedLast = readRecord(into: &record)
            if !(record.fields.count == 1 && record.fields[0].start == record.fields[0].end && !quotedLast) {
                return record
            }
        }
        return nil
    }

    /// Reads one line's fields (a quoted field may span lines) and tells whether the last field was
    /// quoted (a quoted empty field is a record, an empty line is not).
    private mutating func readRecord(into record: inout CSVRecord) -> Bool {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        let delimiter = self.delimiter
        var i = self.i
        var line = self.line
        var column = self.column
        var unclosed = unclosedQuote
        defer {
            self.i = i
            self.line = line
            self.column = column
            unclosedQuote = unclosed
        }
        let b = bytes.span
        let n = b.count
        var cellLine = line
        var cellColumn = column
        var cellStart = i
        // Once a cell has had a quote it lives in `record.unquoted` from `copiedFrom` on.
        var copiedFrom: Int?
        var inQuotes = false
        var quotedCell = false
        func finishCell() {
            if let from = copiedFrom {
                record.fields.append(
                    CSVField(
                        start: from, end: record.unquoted.count, inUnquoted: true, line: cellLine, column: cellColumn))
            } else {
                record.fields.append(
                    CSVField(start: cellStart, end: i, inUnquoted: false, line: cellLine, column: cellColumn))
            }
        }
        func cellIsBlank() -> Bool {
            if let from = copiedFrom { return record.unquoted[from...].allSatisfy { $0 == space } }
            return bytes[cellStart..<i].allSatisfy { $0 == space }
        }
        while i < n {
            let byte = b[i]
            if inQuotes {
                if byte == quote {
                    if i + 1 < n, b[i + 1] == quote {
                        record.unquoted.append(quote)
                        i += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    unclosed = nil
                    i += 1
                    column += 1
                    continue
                }
                if byte == lf || (byte == cr && !(i + 1 < n && b[i + 1] == lf)) {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                record.unquoted.append(byte)
                i += 1
                continue
            }
            if byte == delimiter {
                finishCell()
                copiedFrom = nil
                quotedCell = false
                i += 1
                column += 1
                cellStart = i
                cellLine = line
                cellColumn = column
            } else if byte == cr || byte == lf {
                finishCell()
                i += (byte == cr && i + 1 < n && b[i + 1] == lf) ? 2 : 1
                line += 1
                column = 1
                return quotedCell
            } else if byte == quote, cellIsBlank() {
                // Leading spaces before an opening quote are dropped.
                if let from = copiedFrom { record.unquoted.removeSubrange(from...) }
                copiedFrom = record.unquoted.count
                inQuotes = true
                quotedCell = true
                unclosed = (line, column)
                i += 1
                column += 1
            } else {
                if copiedFrom != nil { record.unquoted.append(byte) }
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        // The end of the file ends the record (and leaves an open quote unclosed).
        finishCell()
        return quotedCell
    }
}

enum CSVDialect {
    /// Text encodings Excel can write but docs/formats.md does not take, named so the officer knows what to
    /// do: UTF-16 ("Unicode text") starts with a byte-order mark FF FE or FE FF.
    static func unsupportedEncoding(_ raw: [UInt8]) -> InputProblem? {
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) { return .utf16 }
        return nil
    }

    /// `;` when the header line has at least as many semicolons as commas (outside quotes).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > 0 && semicolons >= commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}

/// One cell of a CSV file with where it starts.
struct CSVField: Sendable {
    var text: String
    var line: Int
    var column: Int
}

/// One record (a row after the header).
struct CSVRecord: Sendable {
    var line: Int
    var fields: [CSVField]
}

/// A CSV file's header and the dialect that was detected; the records are read one at a time
/// with a `CSVCursor`, so a 100,000-row file is never held as fields all at once.
struct CSVTable: Sendable {
    var header: [CSVField]
    /// `;` files may write amounts with a decimal comma and `.` thousands (SPEC §3).
    var semicolonDelimited: Bool
    var encoding: TextEncoding
}

/// Reads CSV in the dialects of SPEC §3: comma or semicolon (detected from the header line),
/// RFC 4180 quoting, CRLF, LF or CR line ends, one record per `next()`. Problems are collected,
/// never thrown one by one.
struct CSVCursor {
    let bytes: [UInt8]
    private(set) var table: CSVTable
    private let delimiter: UInt8
    private var i = 0
    private var line = 1, column = 1
    private var unclosedQuote: (line: Int, column: Int)?
    private var cell: [UInt8] = []

    /// Decodes the file, detects its delimiter and reads the header line.
    init(_ raw: [UInt8]) {
        let (decoded, encoding) = decodeToUTF8(raw)
        bytes = decoded
        delimiter = CSVReader.detectDelimiter(decoded)
        table = CSVTable(header: [], semicolonDelimited: delimiter == UInt8(ascii: ";"), encoding: encoding)
        table.header = next()?.fields ?? []
    }

    /// Reports a quoted field that never closed (after the last `next()`).
    func finish(file: String, diagnostics: inout DiagnosticCollector) {
        if let q = unclosedQuote {
            diagnostics.add(SourceLocation(file: file, line: q.line, column: q.column), "a quoted field is never closed")
        }
    }

    /// The next record; a line with nothing on it is skipped, as Excel writes a trailing one.
    mutating func next() -> CSVRecord? {
        var fields: [CSVField] = []
        fields.reserveCapacity(table.header.count)
        while i < bytes.count {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            let quotedLast = readRecord(into: &fields)
            if !(fields.count == 1 && fields[0].text.isEmpty && !quotedLast) {
                return CSVRecord(line: recordLine, fields: fields)
            }
        }
        return nil
    }

    /// Reads one line's fields (a quoted field may span lines) and tells whether the last field was
    /// quoted (a quoted empty field is a record, an empty line is not).
    private mutating func readRecord(into fields: inout [CSVField]) -> Bool {
        let n = bytes.count
        var cellLine = line, cellColumn = column
        var inQuotes = false, quotedCell = false
        cell.removeAll(keepingCapacity: true)
        func finishCell(_ fields: inout [CSVField], _ cell: inout [UInt8]) {
            fields.append(CSVField(text: String(decoding: cell, as: UTF8.self), line: cellLine, column: cellColumn))
            cell.removeAll(keepingCapacity: true)
        }
        while i < n {
            let byte = bytes[i]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        i += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                    unclosedQuote = nil
                    i += 1
                    column += 1
                    continue
                }
                if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !(i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n"))) {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                cell.append(byte)
                i += 1
                continue
            }
            switch byte {
            case delimiter:
                finishCell(&fields, &cell)
                quotedCell = false
                i += 1
                column += 1
                cellLine = line
                cellColumn = column
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                finishCell(&fields, &cell)
                i += (byte == UInt8(ascii: "\r") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n")) ? 2 : 1
                line += 1
                column = 1
                return quotedCell
            case UInt8(ascii: "\"") where cell.allSatisfy({ $0 == UInt8(ascii: " ") }):
                cell.removeAll()
                inQuotes = true
                quotedCell = true
                unclosedQuote = (line, column)
                i += 1
                column += 1
            default:
                cell.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        // The end of the file ends the record (and leaves an open quote unclosed).
        finishCell(&fields, &cell)
        return quotedCell
    }
}

enum CSVReader {
    /// Text encodings Excel can write but SPEC §3 does not take, named so the officer knows what to
    /// do: UTF-16 ("Unicode text") starts with a byte-order mark FF FE or FE FF.
    static func unsupportedEncoding(_ raw: [UInt8]) -> String? {
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            return "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV (semicolon separated)\""
        }
        return nil
    }

    /// `;` when the header line has at least as many semicolons as commas (outside quotes).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
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

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

/// A parsed CSV file: header, records and the dialect that was detected.
struct CSVTable: Sendable {
    var header: [CSVField]
    var records: [CSVRecord]
    /// `;` files may write amounts with a decimal comma and `.` thousands (SPEC §3).
    var semicolonDelimited: Bool
    var encoding: TextEncoding
}

/// Reads CSV in the dialects of SPEC §3: comma or semicolon (detected from the header line),
/// RFC 4180 quoting, CRLF, LF or CR line ends. Problems are collected, never thrown one by one.
enum CSVReader {
    static func parse(_ raw: [UInt8], file: String, diagnostics: inout DiagnosticCollector) -> CSVTable {
        let (bytes, encoding) = decodeToUTF8(raw)
        let delimiter = detectDelimiter(bytes)
        var rows: [CSVRecord] = []
        var fields: [CSVField] = []
        var cell: [UInt8] = []
        var line = 1, column = 1
        var cellLine = 1, cellColumn = 1, recordLine = 1
        var inQuotes = false, quotedCell = false, quoteLine = 0, quoteColumn = 0
        var i = 0
        let n = bytes.count

        func finishCell() {
            let text = String(decoding: cell, as: UTF8.self)
            fields.append(CSVField(text: quotedCell ? text : text, line: cellLine, column: cellColumn))
            cell.removeAll(keepingCapacity: true)
            quotedCell = false
        }
        func finishRecord() {
            // A line with nothing on it is skipped, as Excel writes a trailing one.
            if !(fields.count == 1 && fields[0].text.isEmpty && !quotedCell) {
                rows.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
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
                finishCell()
                i += 1
                column += 1
                cellLine = line
                cellColumn = column
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                finishCell()
                finishRecord()
                i += (byte == UInt8(ascii: "\r") && i + 1 < n && bytes[i + 1] == UInt8(ascii: "\n")) ? 2 : 1
                line += 1
                column = 1
                cellLine = line
                cellColumn = 1
                recordLine = line
            case UInt8(ascii: "\"") where cell.allSatisfy({ $0 == UInt8(ascii: " ") }):
                cell.removeAll()
                inQuotes = true
                quotedCell = true
                quoteLine = line
                quoteColumn = column
                i += 1
                column += 1
            default:
                cell.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        if inQuotes {
            diagnostics.add(SourceLocation(file: file, line: quoteLine, column: quoteColumn), "a quoted field is never closed")
        }
        if !cell.isEmpty || !fields.isEmpty || quotedCell {
            finishCell()
            finishRecord()
        }
        let header = rows.first?.fields ?? []
        return CSVTable(
            header: header, records: Array(rows.dropFirst()),
            semicolonDelimited: delimiter == UInt8(ascii: ";"), encoding: encoding)
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

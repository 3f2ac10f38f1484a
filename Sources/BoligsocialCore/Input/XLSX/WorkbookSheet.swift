import Foundation
import ZIPFoundation

/// One sheet of an `.xlsx` workbook, turned into what the CSV reader takes: one line per sheet row
/// (row 1 on line 1, an empty row an empty line), every cell quoted, semicolons between cells, so
/// the Danish forms of amounts (`1.040.000 kr.`) read as in a Danish CSV file. Numbers are written
/// as Excel stores them (`0.5`, `1040000`), formulas by their cached value, booleans as 1/0, a
/// formula error as its code (`#REF!`, which no check accepts). Each cell's place is kept, so a
/// problem is named by sheet, row, Excel column and header: `runde.xlsx[Ansøgninger]:14:F (salary_2009)`.
struct WorkbookSheet: Sendable {
    /// `file[sheet]`, as messages name it.
    let label: String
    var csv: [UInt8] = []
    /// Per line (from 1), the text column where each cell starts, in cell order.
    var starts: [[Int]] = [[]]
    /// The header row's texts, by Excel column (from 0), for messages.
    var headers: [String] = []

    /// The largest uncompressed part of a workbook read (a sheet, the shared strings): refused
    /// before inflating, so a zip bomb costs nothing.
    static let largestPart: UInt64 = 512 << 20
    /// The most rows a sheet may have (Excel's own limit).
    static let mostRows = 1_048_576

    /// Reads `sheet` (or the first sheet) of the workbook in `bytes`.
    static func read(_ bytes: [UInt8], file: String, sheet wanted: String?) throws(InputError) -> WorkbookSheet {
        func bad(_ message: String) -> InputError { .badData([Diagnostic(SourceLocation(file: file, line: 1, column: 1), message)]) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw bad("the workbook is encrypted (password-protected) or an old .xls file; save it as an .xlsx workbook without a password")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw bad("not an .xlsx workbook (not a zip archive)") }
        // Opened from a private copy on disk: ZIPFoundation's in-memory archive traps on an entry
        // whose offset lies past the end (fuzzing found it); its file-backed one reports it.
        guard let copy = PrivateCopy(bytes) else { throw bad("the workbook cannot be opened: no room for a temporary copy") }
        defer { copy.remove() }
        guard let archive = try? Archive(url: URL(fileURLWithPath: copy.path), accessMode: .read) else {
            throw bad("not an .xlsx workbook (not a zip archive)")
        }
        func part(_ path: String) throws(InputError) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= largestPart else {
                throw bad("the workbook's \(path) unpacks to \(entry.uncompressedSize >> 20) MB, more than any round needs")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if UInt64(data.count) > largestPart { throw Archive.ArchiveError.invalidEntrySize }
                }
            } catch {
                throw bad("the workbook's \(path) cannot be read: it is damaged or larger than it says")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else { throw bad("a zip archive, but not an .xlsx workbook (no xl/workbook.xml)") }
        let sheets = SheetList.parse(workbook)
        guard !sheets.isEmpty else { throw bad("the workbook has no sheets") }
        let chosen: (name: String, relation: String)
        if let wanted {
            guard let found = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                throw bad("the workbook has no sheet named '\(wanted)'" + didYouMean(wanted, sheets.map(\.name))
                    + "; its sheets: " + sheets.map(\.name).joined(separator: ", "))
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let relations = try part("xl/_rels/workbook.xml.rels").map(Relations.parse) ?? [:]
        let target = relations[chosen.relation].map { $0.hasPrefix("/") ? String($0.dropFirst()) : "xl/" + $0 }
            ?? "xl/worksheets/sheet\(sheets.firstIndex { $0.name == chosen.name }! + 1).xml"
        guard let sheetXML = try part(target) else { throw bad("the workbook names sheet '\(chosen.name)' but has no \(target)") }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        var result = WorkbookSheet(label: "\(file)[\(chosen.name)]")
        var reader = SheetCells(shared: shared)
        guard reader.parse(sheetXML, into: &result) else {
            throw bad(reader.failure ?? "sheet '\(chosen.name)' is not well-formed XML")
        }
        return result
    }

    /// A diagnostic of the CSV reader, at a line and text column of `csv`, named by the sheet's row,
    /// Excel column letter and header.
    func locate(_ diagnostic: Diagnostic) -> Diagnostic {
        let line = diagnostic.location.line
        guard line >= 1 else { return diagnostic }
        let cells = line < starts.count ? starts[line] : []
        let index = cells.lastIndex { $0 <= diagnostic.location.column } ?? 0
        let letter = Self.columnLetters(index)
        let header = index < headers.count && !headers[index].isEmpty ? " (\(headers[index]))" : ""
        var location = SourceLocation(file: label, line: line, column: index + 1)
        location.cell = letter + header
        return Diagnostic(location, diagnostic.message)
    }

    /// `A`, …, `Z`, `AA`, … for a column index from 0.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The column index from 0 of a cell reference such as `F14`; `nil` when it has no letters.
    static func columnIndex(_ reference: some Sequence<UInt8>) -> Int? {
        var n = 0, any = false
        for b in reference {
            guard b >= 65, b <= 90 else { break }
            n = n * 26 + Int(b - 64)
            any = true
            if n > 16_384 { return nil }
        }
        return any ? n - 1 : nil
    }
}

/// `<sheet name=… r:id=…>` in xl/workbook.xml, in order.
private enum SheetList {
    static func parse(_ data: Data) -> [(name: String, relation: String)] {
        var scanner = XMLScanner(Array(data)), sheets: [(name: String, relation: String)] = []
        while let kind = scanner.next() {
            guard kind == .start, scanner.named("sheet"), let name = scanner.attribute("name").flatMap(scanner.decoded) else { continue }
            sheets.append((name, scanner.attribute("id").flatMap(scanner.decoded) ?? ""))
        }
        return sheets
    }
}

/// `Id → Target` in xl/_rels/workbook.xml.rels.
private enum Relations {
    static func parse(_ data: Data) -> [String: String] {
        var scanner = XMLScanner(Array(data)), targets: [String: String] = [:]
        while let kind = scanner.next() {
            guard kind == .start, scanner.named("Relationship"), let id = scanner.attribute("Id").flatMap(scanner.decoded),
                  let target = scanner.attribute("Target").flatMap(scanner.decoded) else { continue }
            targets[id] = target
        }
        return targets
    }
}

/// The shared strings of xl/sharedStrings.xml: each `<si>`'s text, its rich-text runs joined
/// (phonetic runs `<rPh>` left out).
private enum SharedStrings {
    static func parse(_ data: Data) -> [String] {
        var scanner = XMLScanner(Array(data)), strings: [String] = []
        var current = "", inText = false, inPhonetic = false
        while let kind = scanner.next() {
            switch kind {
            case .start:
                if scanner.named("si") {
                    current = ""
                    if scanner.selfClosing { strings.append("") }
                } else if scanner.named("t") {
                    inText = !inPhonetic && !scanner.selfClosing
                } else if scanner.named("rPh") {
                    inPhonetic = !scanner.selfClosing
                }
            case .text: if inText { current += scanner.decoded(scanner.text) ?? "" }
            case .end:
                if scanner.named("si") { strings.append(current) } else if scanner.named("t") { inText = false } else if scanner.named("rPh") { inPhonetic = false }
            }
        }
        return strings
    }
}

/// The cells of a worksheet's XML, written row by row into a `WorkbookSheet`'s text as they are met.
private struct SheetCells {
    let shared: [String]
    var failure: String?
    private var sheet = WorkbookSheet(label: "")
    private var row: [String] = []
    private var rowNumber = 0, lastRow = 0
    private var cellColumn = 0, cellTypeName = "n", value = "", inValue = false, inInline = false

    init(shared: [String]) { self.shared = shared }

    mutating func parse(_ data: Data, into target: inout WorkbookSheet) -> Bool {
        sheet = target
        var scanner = XMLScanner(Array(data))
        while failure == nil, let kind = scanner.next() {
            switch kind {
            case .start:
                start(scanner)
                if scanner.selfClosing { end(scanner) }
            case .text:
                // A value is nearly always one text node: taken as it is, joined only when split.
                if inValue, let text = scanner.decoded(scanner.text) { value = value.isEmpty ? text : value + text }
            case .end: end(scanner)
            }
        }
        if failure == nil, let why = scanner.malformed { failure = "the sheet is not well-formed XML: \(why)" }
        target = sheet
        return failure == nil
    }

    private mutating func fail(_ message: String) { failure = message }

    private mutating func start(_ scanner: XMLScanner) {
        if scanner.named("c") {
            cellColumn = scanner.attribute("r").flatMap { WorkbookSheet.columnIndex(scanner.bytes[$0]) } ?? row.count
            if let t = scanner.attribute("t") {
                cellTypeName = String(decoding: scanner.bytes[t], as: UTF8.self)
            } else {
                cellTypeName = "n"
            }
            value = ""
        } else if scanner.named("v") {
            inValue = true
        } else if scanner.named("row") {
            rowNumber = scanner.attribute("r").flatMap { Int(String(decoding: scanner.bytes[$0], as: UTF8.self)) } ?? (lastRow + 1)
            guard rowNumber > lastRow, rowNumber <= WorkbookSheet.mostRows else {
                fail(rowNumber > WorkbookSheet.mostRows ? "the sheet has more than \(WorkbookSheet.mostRows) rows"
                    : "the sheet's rows are out of order (row \(rowNumber) after \(lastRow))")
                return
            }
            row.removeAll(keepingCapacity: true)
        } else if scanner.named("is") {
            inInline = true
        } else if scanner.named("t") {
            if inInline { inValue = true }
        }
    }

    private mutating func end(_ scanner: XMLScanner) {
        if scanner.named("v") || scanner.named("t") {
            inValue = false
        } else if scanner.named("c") {
            guard cellColumn >= row.count || row[cellColumn].isEmpty else { return }
            while row.count <= cellColumn { row.append("") }
            row[cellColumn] = text()
        } else if scanner.named("row") {
            write()
        } else if scanner.named("is") {
            inInline = false
        }
    }

    /// The cell's text as the CSV reader should see it.
    private func text() -> String {
        switch cellTypeName {
        case "s": return Int(value).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
        case "b": return value == "1" ? "1" : "0"
        case "n":
            // A number as Excel stores it; a decimal point becomes the decimal comma the
            // semicolon dialect reads (`0.5` → `0,5`), so `1.040` stays one thousand and forty.
            guard let number = Double(value), number.isFinite else { return value }
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return value.replacingOccurrences(of: ".", with: ",")
        default: return value  // str, inlineStr, e (an error code such as #REF!)
        }
    }

    /// Writes empty lines up to this row, then the row, every cell quoted.
    private mutating func write() {
        while lastRow + 1 < rowNumber {
            sheet.csv.append(UInt8(ascii: "\n"))
            sheet.starts.append([])
            lastRow += 1
        }
        if rowNumber == 1 || sheet.headers.isEmpty {
            sheet.headers = row
        } else {
            // A sheet leaves out a row's empty cells at its end: they are empty fields, not missing ones.
            while row.count < sheet.headers.count { row.append("") }
        }
        var starts: [Int] = [], column = 1
        for (k, cell) in row.enumerated() {
            if k > 0 {
                sheet.csv.append(UInt8(ascii: ";"))
                column += 1
            }
            starts.append(column)
            // Quoted, a quote inside doubled; the column counts characters as the CSV reader does.
            sheet.csv.append(UInt8(ascii: "\""))
            column += 2
            for byte in cell.utf8 {
                sheet.csv.append(byte)
                if byte == UInt8(ascii: "\"") {
                    sheet.csv.append(byte)
                    column += 1
                }
                if byte & 0xC0 != 0x80 { column += 1 }
            }
            sheet.csv.append(UInt8(ascii: "\""))
        }
        sheet.csv.append(UInt8(ascii: "\n"))
        sheet.starts.append(starts)
        lastRow = rowNumber
        if sheet.csv.count > InputLimits.tableBytes { fail("the sheet holds more than \(InputLimits.tableBytes >> 20) MB of text") }
    }
}

/// A file holding a copy of some bytes, in a fresh private directory (`mkdtemp`, mode 0700), removed
/// with `remove()`.
private struct PrivateCopy {
    let directory: String
    let path: String

    init?(_ bytes: [UInt8]) {
        var template = Array((NSTemporaryDirectory() + "/boligsocial-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        directory = String(cString: made)
        path = directory + "/workbook.xlsx"
        guard let file = fopen(path, "wbx") else {
            rmdir(directory)
            return nil
        }
        let written = fwrite(bytes, 1, bytes.count, file)
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            unlink(path)
            rmdir(directory)
            return nil
        }
    }

    func remove() {
        unlink(path)
        rmdir(directory)
    }
}

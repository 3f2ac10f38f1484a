import Foundation
import ZIPFoundation

/// One sheet of an `.xlsx` workbook, turned into what the CSV reader takes: one line per sheet row
/// (row 1 on line 1, an empty row an empty line), semicolons between cells (a cell quoted only when
/// it holds a separator or a quote), so the Danish forms of amounts (`1.040.000 kr.`) read as in a
/// Danish CSV file. Numbers are written
/// as Excel stores them (`0.5`, `1040000`), formulas by their cached value, booleans as 1/0, a
/// formula error as its code (`#REF!`, which no check accepts). Each cell's place is kept, so a
/// problem is named by sheet, row, Excel column and header: `runde.xlsx[Ansøgninger]:14:F (salary_2009)`.
struct WorkbookSheet: Sendable {
    /// `file[sheet]`, as messages name it.
    let label: String
    var csv: [UInt8] = []
    /// The text column where each cell starts, line after line; the cells of line `l` (from 1)
    /// are `cellStarts[lineEnds[l - 1]..<lineEnds[l]]`. Two flat arrays, not one per row.
    var cellStarts: [Int] = []
    var lineEnds: [Int] = [0]
    /// The header row's texts, by Excel column (from 0), for messages.
    var headers: [String] = []

    /// The largest uncompressed part of a workbook read (a sheet, the shared strings): refused
    /// before inflating, so a zip bomb costs nothing.
    static let largestPart: UInt64 = 512 << 20
    /// The most rows a sheet may have (Excel's own limit).
    static let mostRows = 1_048_576

    /// Reads `sheet` (or the first sheet) of the workbook in `bytes`.
    static func read(_ bytes: [UInt8], file: String, sheet wanted: String?) throws(InputError) -> WorkbookSheet {
        func bad(_ problem: WorkbookProblem) -> InputError {
            .badData([Diagnostic(SourceLocation(file: file, line: 1, column: 1), .workbook(problem))])
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw bad(.encryptedOrOld)
        }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw bad(.notZip) }
        // Opened from a private copy on disk: ZIPFoundation's in-memory archive traps on an entry
        // whose offset lies past the end (fuzzing found it); its file-backed one reports it.
        guard let copy = PrivateCopy(bytes) else { throw bad(.noTemporaryCopy) }
        defer { copy.remove() }
        guard let archive = try? Archive(url: URL(fileURLWithPath: copy.path), accessMode: .read) else {
            throw bad(.notZip)
        }
        func part(_ path: String) throws(InputError) -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= largestPart else {
                throw bad(.partTooLarge(part: path, megabytes: entry.uncompressedSize >> 20))
            }
            // Inflated in 1 MB pieces straight into the bytes the scanner reads (no second copy),
            // a buffer of the size the archive states; a part larger than it says is damaged.
            let size = Int(entry.uncompressedSize)
            let data: [UInt8]
            do {
                data = try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                    LargeBuffer.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                    _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { chunk in
                        guard chunk.count <= size - count else { throw Archive.ArchiveError.invalidEntrySize }
                        chunk.copyBytes(to: UnsafeMutableBufferPointer(rebasing: buffer[count..<(count + chunk.count)]))
                        count += chunk.count
                    }
                }
            } catch {
                throw bad(.damagedPart(path))
            }
            guard CRC32.checksum(data) == entry.checksum else {
                throw bad(.damagedPart(path))
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else { throw bad(.noWorkbookPart) }
        let sheets = SheetList.parse(workbook)
        guard !sheets.isEmpty else { throw bad(.noSheets) }
        let chosen: (name: String, relation: String)
        if let wanted {
            guard
                let found = sheets.first(where: { $0.name == wanted })
                    ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                throw bad(
                    .noSuchSheet(
                        wanted, suggestion: closestMatch(to: wanted, in: sheets.map(\.name)), sheets: sheets.map(\.name)
                    ))
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let relations = try part("xl/_rels/workbook.xml.rels").map(Relations.parse) ?? [:]
        let target =
            relations[chosen.relation].map { $0.hasPrefix("/") ? String($0.dropFirst()) : "xl/" + $0 }
            ?? "xl/worksheets/sheet\(sheets.firstIndex { $0.name == chosen.name }! + 1).xml"
        guard let sheetXML = try part(target) else { throw bad(.missingSheetPart(sheet: chosen.name, part: target)) }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? SharedStrings()
        switch SheetCells.read(sheetXML, shared: shared, label: "\(file)[\(chosen.name)]") {
        case .success(let sheet): return sheet
        case .failure(let failure): throw bad(failure.problem)
        }
    }

    /// A diagnostic of the CSV reader, at a line and text column of `csv`, named by the sheet's row,
    /// Excel column letter and header.
    func locate(_ diagnostic: Diagnostic) -> Diagnostic {
        let line = diagnostic.location.line
        guard line >= 1 else { return diagnostic }
        let cells = line < lineEnds.count ? cellStarts[lineEnds[line - 1]..<lineEnds[line]] : []
        let index = (cells.lastIndex { $0 <= diagnostic.location.column }).map { $0 - cells.startIndex } ?? 0
        let letter = Self.columnLetters(index)
        let header = index < headers.count && !headers[index].isEmpty ? " (\(headers[index]))" : ""
        var location = SourceLocation(file: label, line: line, column: index + 1)
        location.cell = letter + header
        return Diagnostic(location, diagnostic.problem)
    }

    /// `A`, …, `Z`, `AA`, … for a column index from 0.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The column index from 0 of a cell reference such as `F14`; `nil` when it has no letters.
    static func columnIndex(_ reference: some Sequence<UInt8>) -> Int? {
        var n = 0
        var any = false
        for b in reference {
            guard b >= 65, b <= 90 else { break }
            n = n * 26 + Int(b - 64)
            any = true
            if n > 16_384 { return nil }
        }
        return any ? n - 1 : nil
    }
}

import Foundation
import Parallel

/// Why a sheet's cells cannot be read.
enum SheetFailure: Error, Sendable, CustomStringConvertible {
    case malformed(XMLProblem)
    case tooManyRows
    case outOfOrder(row: Int, after: Int)
    case tooMuchText

    var problem: WorkbookProblem {
        switch self {
        case .malformed(let why): .malformedXML(why)
        case .tooManyRows: .tooManyRows(maximum: WorkbookSheet.mostRows)
        case .outOfOrder(let row, let after): .rowsOutOfOrder(row: row, after: after)
        case .tooMuchText: .tooMuchText(megabytes: InputLimits.tableBytes >> 20)
        }
    }

    var description: String { "\(problem)" }
}

/// The cells of a worksheet's XML, written row by row into a `WorkbookSheet`'s text as they are
/// met. A cell's value is decoded straight into the row's byte buffer (no `String` per cell); a
/// cell with nothing in the CSV dialect's way (`;`, `,`, `"`, a line break) is written as it is,
/// so the CSV reader keeps it as a range instead of copying it.
struct SheetCells: Sendable {
    private enum Tag { case cell, value, row, inlineString, text, other }
    private enum CellType { case number, shared, boolean, text }

    let shared: SharedStrings
    private(set) var failure: SheetFailure?
    private var sheet: WorkbookSheet
    /// The current row's cell values, one after another, and each one's column and range.
    private var rowBytes: [UInt8] = []
    private var rowCells: [(column: Int, start: Int, end: Int)] = []
    private var rowNumber = 0
    private(set) var lastRow = 0
    private var cellColumn = 0, nextColumn = 0, cellType = CellType.number, valueStart = 0
    private var inValue = false, inInline = false

    /// A piece after the first: its rows follow another piece's (no blank lines written before
    /// its first row), and the header is already known.
    private var continuation = false
    private(set) var firstRow: Int?
    /// Stops once the header row is read (to learn it before the pieces start).
    private var stopAfterHeader = false

    private init(shared: SharedStrings, label: String, expectedText: Int = 0) {
        self.shared = shared
        sheet = WorkbookSheet(label: label)
        // The CSV text is about a fifth of the sheet's XML; room for it at once, not by doubling.
        sheet.csv.reserveCapacity(expectedText)
    }

    /// The sheet's cells as CSV text, or why they cannot be read. A large sheet is read in two
    /// pieces side by side, split where a row starts: rows do not depend on each other, and the
    /// scanning is most of the time of reading a workbook.
    /// `splitAbove`: the smallest sheet XML read in two pieces (tests make it small).
    static func read(_ xml: [UInt8], shared: SharedStrings, label: String, splitAbove: Int = 1 << 22) -> Result<
        WorkbookSheet, SheetFailure
    > {
        func whole() -> Result<WorkbookSheet, SheetFailure> {
            var cells = SheetCells(shared: shared, label: label, expectedText: xml.count / 4)
            if let failure = cells.parse(xml, 0..<xml.count) { return .failure(failure) }
            return .success(cells.sheet)
        }
        guard xml.count >= splitAbove, let split = rowStart(in: xml, from: xml.count / 2) else { return whole() }
        // The header first (one row), so the second piece knows how wide a row is.
        var probe = SheetCells(shared: shared, label: label)
        probe.stopAfterHeader = true
        guard probe.parse(xml, 0..<split) == nil, !probe.sheet.headers.isEmpty else { return whole() }
        var second = SheetCells(shared: shared, label: label, expectedText: (xml.count - split) / 4)
        second.continuation = true
        second.sheet.headers = probe.sheet.headers
        let pieces = (first: SheetCells(shared: shared, label: label, expectedText: xml.count / 4), second: second)
        let read = try? PerThread.pair(
            { () -> SheetCells in
                var first = pieces.first
                _ = first.parse(xml, 0..<split)
                return first
            },
            { () -> SheetCells in
                var rest = pieces.second
                _ = rest.parse(xml, split..<xml.count)
                return rest
            })
        // A piece that fails is read again as part of the whole sheet, which names the problem
        // as a reading in one piece would (a split inside a comment fails the first piece, too).
        guard let (first, rest) = read, first.failure == nil, rest.failure == nil else { return whole() }
        var sheet = first.sheet
        if let next = rest.firstRow {
            guard next > first.lastRow else { return .failure(.outOfOrder(row: next, after: first.lastRow)) }
            for _ in (first.lastRow + 1)..<next {
                sheet.csv.append(UInt8(ascii: "\n"))
                sheet.lineEnds.append(sheet.cellStarts.count)
            }
        }
        let shift = sheet.cellStarts.count
        sheet.csv.append(contentsOf: rest.sheet.csv)
        sheet.cellStarts.append(contentsOf: rest.sheet.cellStarts)
        sheet.lineEnds.append(contentsOf: rest.sheet.lineEnds.dropFirst().map { $0 + shift })
        if sheet.csv.count > InputLimits.tableBytes { return .failure(.tooMuchText) }
        return .success(sheet)
    }

    /// Where a `<row` start tag begins at or after `from`, if anywhere. (Should that be inside a
    /// comment or CDATA section, the first piece fails to close it and the sheet is read whole.)
    static func rowStart(in xml: [UInt8], from: Int) -> Int? {
        xml.withUnsafeBufferPointer { p -> Int? in
            let base = p.baseAddress!
            let n = p.count
            var at = from
            while at < n, let found = memchr(base + at, Int32(UInt8(ascii: "<")), n - at) {
                let k = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if k + 4 < n, p[k + 1] == UInt8(ascii: "r"), p[k + 2] == UInt8(ascii: "o"),
                    p[k + 3] == UInt8(ascii: "w"),
                    [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(p[k + 4])
                {
                    return k
                }
                at = k + 1
            }
            return nil
        }
    }

    /// Reads the rows in `range`; why they cannot be read, or `nil`.
    private mutating func parse(_ data: [UInt8], _ range: Range<Int>) -> SheetFailure? {
        XMLScanner.scan(data, range: range) { scanner in
            while failure == nil, !(stopAfterHeader && !sheet.headers.isEmpty), let kind = scanner.next() {
                switch kind {
                case .start:
                    let tag = Self.tag(scanner)
                    start(tag, scanner)
                    if scanner.selfClosing { end(tag) }
                case .text:
                    // Text with an unknown entity is left out.
                    let before = rowBytes.count
                    if inValue, !scanner.appendDecoded(scanner.text, to: &rowBytes) {
                        rowBytes.removeSubrange(before...)
                    }
                case .end: end(Self.tag(scanner))
                }
            }
            if failure == nil, let why = scanner.malformed { failure = .malformed(why) }
        }
        return failure
    }

    /// The element, told by its length and bytes once per tag.
    private static func tag(_ scanner: XMLScanner) -> Tag {
        let name = scanner.name
        let b = scanner.bytes
        switch name.count {
        case 1:
            switch b[name.lowerBound] {
            case UInt8(ascii: "c"): return .cell
            case UInt8(ascii: "v"): return .value
            case UInt8(ascii: "t"): return .text
            default: return .other
            }
        case 2: return scanner.named("is") ? .inlineString : .other
        case 3: return scanner.named("row") ? .row : .other
        default: return .other
        }
    }

    private mutating func start(_ tag: Tag, _ scanner: XMLScanner) {
        switch tag {
        case .cell:
            cellColumn = scanner.attribute("r").flatMap { WorkbookSheet.columnIndex(scanner.bytes[$0]) } ?? nextColumn
            cellType = scanner.attribute("t").map { Self.cellType(scanner.bytes[$0]) } ?? .number
            valueStart = rowBytes.count
        case .value: inValue = true
        case .row:
            rowNumber =
                scanner.attribute("r").flatMap { Int(String(decoding: scanner.bytes[$0], as: UTF8.self)) }
                ?? (lastRow + 1)
            guard rowNumber > lastRow, rowNumber <= WorkbookSheet.mostRows else {
                failure =
                    rowNumber > WorkbookSheet.mostRows ? .tooManyRows : .outOfOrder(row: rowNumber, after: lastRow)
                return
            }
            rowBytes.removeAll(keepingCapacity: true)
            rowCells.removeAll(keepingCapacity: true)
            nextColumn = 0
        case .inlineString: inInline = true
        case .text: if inInline { inValue = true }
        case .other: break
        }
    }

    private mutating func end(_ tag: Tag) {
        switch tag {
        case .value, .text: inValue = false
        case .cell:
            inValue = false
            nextColumn = cellColumn + 1
            finishValue()
            if rowBytes.count > valueStart { rowCells.append((cellColumn, valueStart, rowBytes.count)) }
        case .row: write()
        case .inlineString: inInline = false
        case .other: break
        }
    }

    /// `t="s"` a shared string, `b` a boolean, absent or `n` a number; `str`, `inlineStr` and `e`
    /// (an error code such as `#REF!`, which no check accepts) are text.
    private static func cellType(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> CellType {
        guard bytes.count == 1 else { return .text }
        switch bytes.first {
        case UInt8(ascii: "s"): return .shared
        case UInt8(ascii: "b"): return .boolean
        case UInt8(ascii: "n"): return .number
        default: return .text
        }
    }

    /// Turns the value just read into what the CSV reader should see.
    private mutating func finishValue() {
        let value = rowBytes[valueStart...]
        switch cellType {
        case .text: return
        case .shared:
            let index = Self.integer(value)
            rowBytes.removeSubrange(valueStart...)
            if let index, index < shared.count { rowBytes.append(contentsOf: shared.string(index)) }
        case .boolean:
            let yes = value.count == 1 && value.first == UInt8(ascii: "1")
            rowBytes.removeSubrange(valueStart...)
            rowBytes.append(yes ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        case .number:
            // A number as Excel stores it. Whole numbers (nearly every amount) stay as their
            // digits; a decimal point becomes the decimal comma the semicolon dialect reads
            // (`0.5` → `0,5`), so `1.040` stays one thousand and forty.
            if value.isEmpty || Self.integer(value) != nil { return }
            let text = String(decoding: value, as: UTF8.self)
            guard let number = Double(text), number.isFinite else { return }
            rowBytes.removeSubrange(valueStart...)
            if number == number.rounded(), abs(number) < 1e15 {
                rowBytes.append(contentsOf: String(Int(number)).utf8)
            } else {
                rowBytes.append(contentsOf: text.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 })
            }
        }
    }

    /// 1 to 15 ASCII digits as a number; `nil` for anything else.
    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard (1...15).contains(bytes.count) else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return n
    }

    /// Writes empty lines up to this row, then the row.
    private mutating func write() {
        if continuation, firstRow == nil {
            firstRow = rowNumber
            lastRow = rowNumber - 1
        }
        while lastRow + 1 < rowNumber {
            sheet.csv.append(UInt8(ascii: "\n"))
            sheet.lineEnds.append(sheet.cellStarts.count)
            lastRow += 1
        }
        // Cells come in column order; a sheet that wrote them otherwise is put in order, and of
        // two cells in one place the first is kept.
        if zip(rowCells, rowCells.dropFirst()).contains(where: { $0.column >= $1.column }) {
            var ordered: [(column: Int, start: Int, end: Int)] = []
            for cell in rowCells.enumerated().sorted(by: {
                ($0.element.column, $0.offset) < ($1.element.column, $1.offset)
            }).map(\.element)
            where ordered.last?.column != cell.column {
                ordered.append(cell)
            }
            rowCells = ordered
        }
        let isHeader = rowNumber == 1 || sheet.headers.isEmpty
        var width = (rowCells.last?.column).map { $0 + 1 } ?? 0
        if isHeader {
            var headers = [String](repeating: "", count: width)
            for cell in rowCells {
                headers[cell.column] = String(decoding: rowBytes[cell.start..<cell.end], as: UTF8.self)
            }
            sheet.headers = headers
        } else {
            // A sheet leaves out a row's empty cells at its end: they are empty fields, not missing ones.
            width = max(width, sheet.headers.count)
        }
        var column = 1
        var next = 0
        for k in 0..<width {
            if k > 0 {
                sheet.csv.append(UInt8(ascii: ";"))
                column += 1
            }
            sheet.cellStarts.append(column)
            guard next < rowCells.count, rowCells[next].column == k else { continue }
            let cell = rowCells[next]
            next += 1
            column += writeCell(rowBytes[cell.start..<cell.end])
        }
        sheet.csv.append(UInt8(ascii: "\n"))
        sheet.lineEnds.append(sheet.cellStarts.count)
        lastRow = rowNumber
        if sheet.csv.count > InputLimits.tableBytes { failure = .tooMuchText }
    }

    /// Writes one cell, quoted (a quote inside doubled) only when it holds a `;`, `,`, `"` or a
    /// line break; returns its width in characters, as the CSV reader counts columns.
    private mutating func writeCell(_ bytes: ArraySlice<UInt8>) -> Int {
        var characters = 0
        var plain = true
        for b in bytes {
            if b & 0xC0 != 0x80 { characters += 1 }
            if b == UInt8(ascii: ";") || b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                plain = false
            }
        }
        if plain {
            sheet.csv.append(contentsOf: bytes)
            return characters
        }
        sheet.csv.append(UInt8(ascii: "\""))
        var width = characters + 2
        for b in bytes {
            sheet.csv.append(b)
            if b == UInt8(ascii: "\"") {
                sheet.csv.append(b)
                width += 1
            }
        }
        sheet.csv.append(UInt8(ascii: "\""))
        return width
    }
}

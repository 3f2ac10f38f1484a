import CXLSXWriter

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a `Workbook` as an XLSX file through libxlsxwriter. Every string and number is checked
/// before it reaches the library (sheet names, lengths, finiteness), so no input can make it fail
/// half-way; the creation date is fixed so the same workbook gives the same bytes.
public enum XLSXWriter {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
            }
        }
    }

    /// Excel's limits: 31 characters per sheet name, 32,767 per cell, 1,048,576 rows.
    static let maximumCellLength = 32_767
    static let maximumRows = 1_048_576

    /// The workbook's bytes, written into an anonymous in-memory file (no path in the file system
    /// is named or left behind; libxlsxwriter still stages each part in an unnamed temporary file
    /// of its own, removed as soon as it is made, as for any workbook it writes).
    public static func bytes(_ workbook: Workbook) throws(Failure) -> [UInt8] {
        let fd = boligsocial_memory_file("boligsocial-workbook")
        guard fd >= 0 else {
            throw .cannotWrite(path: "(memory)", reason: "no in-memory file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        try write(workbook, to: "/proc/self/fd/\(fd)")
        let size = lseek(fd, 0, SEEK_END)
        guard size >= 0, lseek(fd, 0, SEEK_SET) == 0 else {
            throw .cannotWrite(path: "(memory)", reason: "the workbook could not be read back")
        }
        var out = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            guard n > 0 else { throw .cannotWrite(path: "(memory)", reason: "the workbook could not be read back") }
            done += n
        }
        return out
    }

    public static func write(_ workbook: Workbook, to path: String) throws(Failure) {
        guard let book = workbook_new(path) else {
            throw .cannotWrite(path: path, reason: "the workbook could not be created")
        }
        var properties = lxw_doc_properties()
        properties.created = 1_230_768_000 // 2009-01-01, so the file does not depend on the clock
        let title = strdup(clipped(workbook.title))
        properties.title = title
        workbook_set_properties(book, &properties)
        free(title)

        let bold = workbook_add_format(book)
        format_set_bold(bold)
        let boldYear = workbook_add_format(book)
        format_set_bold(boldYear)
        format_set_num_format(boldYear, "0")
        var styles: [NumberStyleKey: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ style: NumberStyle) -> UnsafeMutablePointer<lxw_format>? {
            let key = NumberStyleKey(style)
            if let existing = styles[key] { return existing }
            guard let f = workbook_add_format(book) else { return nil }
            format_set_num_format(f, key.excelFormat)
            styles[key] = f
            return f
        }
        var usedNames: Set<String> = []
        for sheet in workbook.sheets {
            let name = uniqueSheetName(sheet.name, used: &usedNames)
            guard let ws = workbook_add_worksheet(book, name) else { continue }
            for (c, title) in sheet.header.enumerated() {
                // A year heads a column as a number, as years are in the cells of other sheets.
                if let year = Int(title), (1900...2200).contains(year) {
                    worksheet_write_number(ws, 0, lxw_col_t(c), Double(year), boldYear)
                } else {
                    worksheet_write_string(ws, 0, lxw_col_t(c), clipped(title), bold)
                }
            }
            worksheet_freeze_panes(ws, 1, 0)
            var widths = sheet.header.map { Double($0.count) }
            for (r, row) in sheet.rows.prefix(maximumRows - 1).enumerated() {
                let rowIndex = lxw_row_t(r + 1)
                for (c, cell) in row.enumerated() {
                    if c >= widths.count { widths.append(0) }
                    switch cell {
                    case .text(let text):
                        worksheet_write_string(ws, rowIndex, lxw_col_t(c), clipped(text), nil)
                        widths[c] = max(widths[c], Double(min(text.count, 60)))
                    case .number(let value, let style):
                        guard value.isFinite else { continue }
                        worksheet_write_number(ws, rowIndex, lxw_col_t(c), value, format(style))
                        widths[c] = max(widths[c], Double(NumberStyleKey(style).displayWidth(value)))
                    case .empty:
                        continue
                    }
                }
            }
            for (c, width) in widths.enumerated() {
                worksheet_set_column(
                    ws, lxw_col_t(c), lxw_col_t(c), min(max(width + 2, 8), 62), sheet.columnStyles[c].flatMap(format))
            }
            for (c, note) in sheet.notes.sorted(by: { $0.key < $1.key }) where c < sheet.header.count {
                worksheet_write_comment(ws, 0, lxw_col_t(c), clipped(note))
            }
            for (c, choices) in sheet.choices.sorted(by: { $0.key < $1.key }) where c < sheet.header.count {
                addChoices(
                    choices, to: ws, column: lxw_col_t(c),
                    rows: lxw_row_t(max(1, min(sheet.inputRows, maximumRows - 1))))
            }
        }
        let result = workbook_close(book)
        guard result == LXW_NO_ERROR else {
            throw .cannotWrite(path: path, reason: String(cString: lxw_strerror(result)))
        }
    }

    /// A drop-down list on rows 1…`rows` of `column`. Excel takes at most 255 characters of list
    /// (values and separating commas); values past that are left out of the drop-down.
    static func addChoices(
        _ choices: Choices, to ws: UnsafeMutablePointer<lxw_worksheet>, column: lxw_col_t, rows: lxw_row_t
    ) {
        var kept: [String] = []
        var length = 0
        for value in choices.values {
            let clean = clipped(value).replacingOccurrences(",", with: " ")
            if length + clean.utf8.count + (kept.isEmpty ? 0 : 1) > 255 { break }
            length += clean.utf8.count + (kept.isEmpty ? 0 : 1)
            kept.append(clean)
        }
        guard !kept.isEmpty else { return }
        var list: [UnsafeMutablePointer<CChar>?] = kept.map { strdup($0) } + [nil]
        defer { for p in list { free(p) } }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.error_type = UInt8(
            choices.strict ? LXW_VALIDATION_ERROR_TYPE_STOP.rawValue : LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
        list.withUnsafeMutableBufferPointer { buffer in
            validation.value_list = buffer.baseAddress
            worksheet_data_validation_range(ws, 1, column, rows, column, &validation)
        }
    }

    /// Up to Excel's cell length, and never with a NUL (the C library would cut the string there).
    static func clipped(_ text: String) -> String {
        String(text.replacingNUL.prefix(maximumCellLength))
    }

    /// A legal, unique sheet name: at most 31 characters, none of `[]:*?/\`, not empty.
    static func uniqueSheetName(_ raw: String, used: inout Set<String>) -> String {
        var base = String(raw.replacingNUL.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Sheet" }
        var name = base
        var n = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }
}

private struct NumberStyleKey: Hashable {
    let kind: Int
    let places: Int
    init(_ style: NumberStyle) {
        switch style {
        case .kroner: (kind, places) = (0, 0)
        case .integer: (kind, places) = (1, 0)
        case .decimal(let p): (kind, places) = (2, max(0, min(p, 10)))
        case .percent: (kind, places) = (3, 1)
        }
    }
    var excelFormat: String {
        switch kind {
        case 0: "#,##0 \"kr.\""
        case 1: "0"
        case 2: places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
        default: "0.0%"
        }
    }
    func displayWidth(_ value: Double) -> Int {
        let digits = String(Int(abs(value).rounded())).count
        return digits + digits / 3 + (kind == 0 ? 4 : 0) + (kind == 2 ? places + 1 : 0) + (kind == 3 ? 3 : 0)
    }
}

extension String {
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
    var replacingNUL: String { String(unicodeScalars.map { $0 == "\0" ? " " : Character($0) }) }
    func trimmingCharacters(in set: CharacterSetLite) -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// Only whitespace trimming is needed here; this avoids importing Foundation for it.
enum CharacterSetLite { case whitespaces }

/// How `--format csv` writes: `plain` (commas, decimal points, UTF-8 without a byte-order mark, as
/// scripts and English spreadsheets expect) or `excelDanish` (a byte-order mark, semicolons and
/// decimal commas, as a Danish Excel opens a file with a double click).
public enum CSVDialectOut: String, Sendable, CaseIterable {
    case plain
    case excelDanish = "excel-da"
}

/// A table of text cells: what every plain-text, Markdown and CSV report is made of.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }
    public var title: String
    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Rows shown after a rule (totals).
    public var footer: [[String]] = []

    /// A row of one cell in a table of several columns is a line across the table (the priority
    /// list's "funding stops here"), not a value of its first column.
    static func spans(_ row: [String], columns: Int) -> Bool { row.count == 1 && columns > 1 }

    public init(title: String, header: [String], alignments: [Alignment], rows: [[String]], footer: [[String]] = []) {
        self.title = title
        self.header = header
        self.alignments = alignments
        self.rows = rows
        self.footer = footer
    }

    /// Columns padded to their widest cell, for a terminal.
    public func plain() -> String {
        let all = ([header] + rows + footer).filter { !Self.spans($0, columns: header.count) }
        let widths = header.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            if Self.spans(cells, columns: header.count) { return "     " + cells[0] }
            return cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return alignments[c] == .right ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        var out = [title, line(header), rule] + rows.map(line)
        if !footer.isEmpty { out += [rule] + footer.map(line) }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a Markdown table cell or heading.
    static func markdownEscaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "_", "`", "<", ">", "[", "]": out += "\\" + String(c)
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A GitHub-flavoured Markdown table under a `###` heading.
    public func markdown() -> String {
        let escape = Self.markdownEscaped
        let align = alignments.map { $0 == .right ? "---:" : "---" }
        var out = [
            "### \(escape(title))", "", "| " + header.map(escape).joined(separator: " | ") + " |",
            "|" + align.joined(separator: "|") + "|",
        ]
        out += (rows + footer).map { row in
            let cells =
                Self.spans(row, columns: header.count) ? row + Array(repeating: "", count: header.count - 1) : row
            return "| " + cells.map(escape).joined(separator: " | ") + " |"
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV; a cell a spreadsheet would read as a formula is prefixed with `'`.
    public func csv(_ dialect: CSVDialectOut = .plain) -> String {
        switch dialect {
        case .plain:
            return ([header] + rows + footer).map { $0.map(Self.csvCell).joined(separator: ",") }.joined(
                separator: "\r\n") + "\r\n"
        case .excelDanish:
            // What a Danish Excel opens as it is: a byte-order mark, semicolons, decimal commas.
            let lines = ([header] + rows + footer).map { row in
                // A number is written with a decimal comma and needs no quotes; other cells as always.
                row.map { cell in Double(cell) != nil ? cell.replacingAll(".", with: ",") : Self.csvCell(cell) }.joined(
                    separator: ";")
            }
            return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        }
    }

    static func csvCell(_ raw: String) -> String {
        var cell = raw
        if let first = cell.first, "=+-@\t\r".contains(first), Double(cell) == nil { cell = "'" + cell }
        // Quoted whenever it holds a delimiter of either dialect: a Danish Excel splits an unquoted
        // cell on `;`, and what follows a `;` could start a formula.
        if cell.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            cell = "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
        }
        return cell
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }

    /// Without its trailing spaces, found on the UTF-8 bytes (a space is one byte and never part of
    /// another character), so a line padded by hundreds of spaces costs no more than its length.
    func trimmingTrailingSpaces() -> String {
        let utf8 = self.utf8
        guard let last = utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(self[...last])
    }
}

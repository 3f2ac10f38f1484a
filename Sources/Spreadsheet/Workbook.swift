/// A workbook as plain Swift values: sheets of typed cells. Reports build one; `XLSXWriter`
/// writes it. Nothing here knows the C library.
public struct Workbook: Sendable, Equatable {
    public var title: String
    public var sheets: [Sheet]
    public init(title: String, sheets: [Sheet]) {
        self.title = title
        self.sheets = sheets
    }
}

/// The values a column's cells may take, offered as a drop-down. `strict` refuses anything else;
/// otherwise another value (several separated by `|`, say) is let through after a note.
public struct Choices: Sendable, Equatable {
    public var values: [String]
    public var strict: Bool
    public init(_ values: [String], strict: Bool) {
        self.values = values
        self.strict = strict
    }
}

/// One worksheet: a header row (frozen), data rows and optional footer rows.
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
    /// A note on a header cell (by column), explaining what the column holds.
    public var notes: [Int: String] = [:]
    /// Drop-down lists by column, over the first `inputRows` rows below the header.
    public var choices: [Int: Choices] = [:]
    /// A number style for a whole column, so amounts typed in later show as kroner.
    public var columnStyles: [Int: NumberStyle] = [:]
    /// How many rows below the header the choices cover.
    public var inputRows = 1000
    public init(name: String, header: [String], rows: [[Cell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// A cell: text (always stored as text, never read as a formula) or a number with a display style.
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double, NumberStyle)
    case empty
}

/// How a number is shown; the value stays a number.
public enum NumberStyle: Sendable, Equatable {
    /// Whole kroner with thousands separators and "kr.".
    case kroner
    /// A count or a year.
    case integer
    /// A decimal with this many places.
    case decimal(Int)
    /// A share shown as a percentage.
    case percent
}

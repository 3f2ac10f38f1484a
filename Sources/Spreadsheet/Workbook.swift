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

/// One worksheet: a header row (frozen), data rows and optional footer rows.
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
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

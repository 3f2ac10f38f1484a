import BoligsocialCore
import Spreadsheet

/// What every command's report provides; the text formats follow from it, so a command writes its
/// tables once and gets the terminal, Markdown and CSV forms alike.
public protocol Report {
    var title: String { get }
    /// Lines above the tables (scenario, status, notes).
    var headline: [String] { get }
    var tables: [TextTable] { get }
    /// The one table a spreadsheet gets with `--format csv`.
    var csvTable: TextTable { get }
    func json() -> JSON
    /// Charts for the HTML report.
    var charts: [Chart] { get }
    /// The workbook of `--format xlsx`.
    func workbook() -> Workbook
}

extension Report {
    public func plain() -> String {
        headline.joined(separator: "\n") + "\n\n" + tables.map { $0.plain() }.joined(separator: "\n")
    }

    public func markdown() -> String {
        "## \(TextTable.markdownEscaped(title))\n\n" + headline.map { "- \(TextTable.markdownEscaped($0))" }.joined(separator: "\n") + "\n\n"
            + tables.map { $0.markdown() }.joined(separator: "\n")
    }

    public func csv() -> String { csvTable.csv() }

    public var charts: [Chart] { [] }

    /// By default one sheet: the CSV table, with numbers as numbers.
    public func workbook() -> Workbook {
        Workbook(title: title, sheets: [Sheet(csvTable, name: csvTable.title)])
    }
}

extension Sheet {
    /// A sheet from a table of raw (unformatted) values: what parses as a number becomes one.
    init(_ table: TextTable, name: String, styles: [Int: NumberStyle] = [:]) {
        self.init(name: name, header: table.header, rows: (table.rows + table.footer).map { row in
            row.enumerated().map { c, text in
                if let value = Double(text), value.isFinite, !text.isEmpty {
                    return .number(value, styles[c] ?? (value == value.rounded() ? .integer : .decimal(4)))
                }
                return text.isEmpty ? .empty : .text(text)
            }
        })
    }
}

/// The JSON of the input stamp (SPEC §5 `inputs`), shared by every report.
public func inputsJSON(_ stamp: InputStamp) -> JSON { SolveJSON.inputs(stamp) }

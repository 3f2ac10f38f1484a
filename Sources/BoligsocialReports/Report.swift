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
    /// What the numbers were computed from (docs/json.md `inputs`), one stamp per scenario.
    var stamps: [InputStamp] { get }
    var language: Language { get }
}

extension Report {
    /// The stamp lines that close every text report.
    public var footer: [String] { stamps.map(Labels(language).stamp) }

    public func plain() -> String {
        headline.joined(separator: "\n") + "\n\n" + tables.map { $0.plain() }.joined(separator: "\n")
            + footer.map { "\n" + $0 + "\n" }.joined()
    }

    public func markdown() -> String {
        "## \(TextTable.markdownEscaped(title))\n\n"
            + headline.map { "- \(TextTable.markdownEscaped($0))" }.joined(separator: "\n") + "\n\n"
            + tables.map { $0.markdown() }.joined(separator: "\n")
            + footer.map { "\n" + TextTable.markdownEscaped($0) + "\n" }.joined()
    }

    public func csv(_ dialect: CSVDialectOut = .plain) -> String { csvTable.csv(dialect) }

    public var charts: [Chart] { [] }

    /// By default one sheet: the CSV table, with numbers as numbers.
    public func workbook() -> Workbook {
        Workbook(title: title, sheets: [Sheet(csvTable, name: csvTable.title)])
    }

    /// The stamps as a sheet of their own, last in every workbook: full hashes, one row per scenario.
    func inputsSheet() -> Sheet {
        let labels = Labels(language)
        let overrides = stamps.contains { !$0.overrides.isEmpty }
        return Sheet(
            name: labels.inputsLine,
            header: ["scenario_sha256", "applications_sha256", "areas_sha256", "tool_version", "glpk_version"]
                + (overrides ? ["overrides"] : []),
            rows: stamps.map { s in
                ([s.scenarioSHA256, s.applicationsSHA256, s.areasSHA256, s.toolVersion, s.glpkVersion]
                    + (overrides ? [s.overrides.joined(separator: " ")] : [])).map(Cell.text)
            })
    }
}

extension Sheet {
    /// A sheet from a table of raw (unformatted) values: what parses as a number becomes one.
    init(_ table: TextTable, name: String, styles: [Int: NumberStyle] = [:]) {
        self.init(
            name: name, header: table.header,
            rows: (table.rows + table.footer).map { row in
                row.enumerated().map { c, text in
                    if let value = Double(text), value.isFinite, !text.isEmpty {
                        return .number(value, styles[c] ?? (value == value.rounded() ? .integer : .decimal(4)))
                    }
                    return text.isEmpty ? .empty : .text(text)
                }
            })
    }
}

/// The JSON of the input stamp (docs/json.md `inputs`), shared by every report.
public func inputsJSON(_ stamp: InputStamp) -> JSON { SolveJSON.inputs(stamp) }

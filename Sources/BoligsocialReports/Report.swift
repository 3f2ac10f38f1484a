import BoligsocialCore

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
}

/// The JSON of the input stamp (SPEC §5 `inputs`), shared by every report.
public func inputsJSON(_ stamp: InputStamp) -> JSON { SolveJSON.inputs(stamp) }

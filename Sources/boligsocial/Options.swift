import ArgumentParser
import BoligsocialReports

/// The report formats available so far.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, html, xlsx
}

extension Language: ExpressibleByArgument {}

/// Flags every reporting command shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report format: table, csv, json, markdown, html or xlsx (xlsx needs --output).")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Report language: en or da.")
    var lang: Language = .en

    func validate() throws {
        if format == .xlsx, output == nil { throw ValidationError("--format xlsx needs --output PATH.xlsx") }
    }
}

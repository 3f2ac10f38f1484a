import ArgumentParser
import BoligsocialReports
import LinearProgramming

/// The report formats available so far.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, html, xlsx
}

extension Language: ExpressibleByArgument {}
extension CSVDialectOut: ExpressibleByArgument {}

/// Bounds on GLPK's branch-and-cut for MIP scenarios (`min_fraction`, `max_projects`).
struct SolverOptions: ParsableArguments {
    @Option(
        name: .customLong("time-limit"),
        help: "Stop a MIP after this many seconds and report the best allocation found, with its proven gap.")
    var timeLimit: Double?

    @Option(
        name: .customLong("mip-gap"),
        help: "Stop a MIP once the best allocation is proven within this relative gap of the optimum (e.g. 0.01).")
    var mipGap: Double = 0

    func validate() throws {
        if let t = timeLimit, !(t.isFinite && t > 0 && t <= 86_400) {
            throw ValidationError("--time-limit must be between 0 and 86400 seconds")
        }
        guard mipGap.isFinite, mipGap >= 0, mipGap < 1 else { throw ValidationError("--mip-gap must be in [0, 1)") }
    }

    var solveOptions: SolveOptions { SolveOptions(timeLimit: timeLimit, mipGap: mipGap) }
}

/// Flags every reporting command shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report format: table, csv, json, markdown, html or xlsx (xlsx needs --output).")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Report language: en or da.")
    var lang: Language = .en

    @Option(
        name: .customLong("csv-dialect"),
        help:
            "CSV as excel-da (byte-order mark, semicolons, decimal commas; the default with --lang da) or plain (the default otherwise)."
    )
    var csvDialect: CSVDialectOut?

    /// The CSV dialect asked for, or the one that suits the language.
    var csv: CSVDialectOut { csvDialect ?? (lang == .da ? .excelDanish : .plain) }

    func validate() throws {
        if format == .xlsx, output == nil { throw ValidationError("--format xlsx needs --output PATH.xlsx") }
    }
}

import ArgumentParser
import BoligsocialReports

/// The report formats available so far.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

extension Language: ExpressibleByArgument {}

/// Flags every reporting command shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Report language: en or da.")
    var lang: Language = .en

    @Option(name: .customLong("write-model"), help: "Also write the model GLPK solved, as PATH.lp (CPLEX LP) or PATH.mps.")
    var writeModel: String?

    func validate() throws {
        if let path = writeModel, !(path.hasSuffix(".lp") || path.hasSuffix(".mps")) {
            throw ValidationError("--write-model needs a path ending in .lp or .mps, not '\(path)'")
        }
    }
}

import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `solve`: the optimal allocation of one scenario.
    struct SolveCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "solve",
            abstract: "Optimal allocation by year, application, area, risk class, focus area and cost category.")

        @Argument(help: "The scenario file.")
        var scenario = "Scenarios/baseline.toml"

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides
        @OptionGroup var solver: SolverOptions

        @Flag(
            help:
                "On standard error: the time and peak memory of each stage (load, build, solve, rounding, report), and for a MIP its root LP and each better allocation found with its proven gap."
        )
        var verbose = false

        @Option(
            name: .customLong("write-model"),
            help: "Also write the model GLPK solved, as PATH.lp (CPLEX LP) or PATH.mps.")
        var writeModel: String?

        func validate() throws {
            if let path = writeModel, !(path.hasSuffix(".lp") || path.hasSuffix(".mps")) {
                throw ValidationError("--write-model needs a path ending in .lp or .mps, not '\(path)'")
            }
        }

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in try solve(loader) }
        }

        func solve(_ loader: Common.Loaded) throws {
            let stages = verbose ? StageLog() : nil
            let loaded = try loader.load(scenario)
            stages?.done("load", detail: "\(loaded.round.applications.count) applications")
            // Only a model to write needs the whole problem in one piece.
            let write: ((ModelWriter) throws -> Void)? = writeModel.map { path in
                { problem in
                    try OutputWriter.write(to: path, inputs: loaded.inputPaths) { temporary in
                        try problem.write(to: temporary, format: path.hasSuffix(".mps") ? .mps : .cplexLP)
                    }
                }
            }
            let allocation = try Common.solve(
                loaded, options: solver.solveOptions, language: report.lang, writeModel: write,
                onStage: stages.map { log in { log.heard($0) } })
            stages?.done("rounding", detail: "whole kroner, reasons")
            let summary = AllocationSummary(allocation, stamp: loaded.stamp)
            let price = try DecisionPrice.compute(allocation, round: loaded.round, options: solver.solveOptions)
            try Common.emit(
                SolveReport(summary, language: report.lang, decisions: price), report, inputs: loaded.inputPaths)
            stages?.done("report", detail: report.format.rawValue)
        }
    }
}

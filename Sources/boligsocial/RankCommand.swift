import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `rank`: the priority list with the line where each year's envelope runs out.
    struct RankCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rank",
            abstract:
                "The eligible applications in order of priority points per krone, with running totals and the line per year where the envelope runs out; the ineligible ones after, with their reason."
        )

        @Argument(help: "The scenario file.")
        var scenario = "Scenarios/baseline.toml"

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides
        @OptionGroup var solver: SolverOptions

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                let allocation = try Common.solve(loaded, options: solver.solveOptions, language: report.lang)
                let price = try DecisionPrice.compute(allocation, round: loaded.round, options: solver.solveOptions)
                try Common.emit(
                    RankReport(Ranking(allocation), stamp: loaded.stamp, language: report.lang, decisions: price),
                    report,
                    inputs: loaded.inputPaths)
            }
        }
    }
}

import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `frontier`: the exact piecewise-linear curve of priority points against the envelope scale.
    struct FrontierCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "frontier",
            abstract:
                "The exact curve of priority points against the envelope scale: breakpoints and marginal points per 1.000 kr."
        )

        @Argument(help: "The scenario file.")
        var scenario: String

        @Option(help: "Samples for a mixed-integer scenario, which has no exact curve.")
        var samples = 41

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides

        func validate() throws {
            guard (2...10_000).contains(samples) else { throw ValidationError("--samples must be between 2 and 10000") }
        }

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                let frontier = try Frontier.compute(
                    round: loaded.round, scenario: loaded.scenario, samples: samples)
                try Common.emit(
                    FrontierReport(
                        scenario: loaded.scenario, frontier: frontier, stamp: loaded.stamp, language: report.lang),
                    report, inputs: loaded.inputPaths)
            }
        }
    }
}

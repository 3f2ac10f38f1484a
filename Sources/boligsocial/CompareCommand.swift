import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `compare`: scenarios side by side, and who gains or loses how much.
    struct CompareCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract:
                "Scenarios side by side: per year, per class, and the applications that gain or lose, largest change first."
        )

        @Argument(help: "Two or more scenario files; the first is the reference.")
        var scenarios: [String]

        @Flag(
            help:
                "Put each scenario without its [decisions] before it: what the committee's decisions change, and their price."
        )
        var withoutDecisions = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides
        @OptionGroup var solver: SolverOptions

        func validate() throws {
            guard scenarios.count >= (withoutDecisions ? 1 : 2) else {
                throw ValidationError(
                    "compare needs at least two scenarios (or one with --without-decisions), got \(scenarios.count)")
            }
        }

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                var loaded = try scenarios.map(loader.load)
                if withoutDecisions {
                    // Each scenario twice: without its decisions (named so), then as written.
                    loaded = loaded.flatMap { scenario -> [LoadedScenario] in
                        var undecided = scenario
                        undecided.scenario = scenario.scenario.undecided
                        undecided.scenario.name = Labels(report.lang).withoutDecisionsName(scenario.scenario.name)
                        return [undecided, scenario]
                    }
                }
                let allocations = try loaded.map {
                    try Common.solve($0, options: solver.solveOptions, language: report.lang)
                }
                try Common.emit(
                    CompareReport(Comparison(allocations), stamps: loaded.map(\.stamp), language: report.lang), report,
                    inputs: loader.inputPaths)
            }
        }
    }
}

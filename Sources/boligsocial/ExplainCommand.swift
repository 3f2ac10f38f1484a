import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `explain`: why one application gets what it gets.
    struct ExplainCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract:
                "One application: weight and factors, eligibility with the memo's principles, allocation, binding rules, and what would fund it fully."
        )

        @Argument(help: "The scenario file.")
        var scenario: String

        @Argument(help: "The application's id.")
        var id: String

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                guard let explanation = try Explanation.explain(id: id, round: loaded.round, scenario: loaded.scenario)
                else {
                    printError(
                        Labels(report.lang).noSuchApplication(
                            id, in: loaded.scenario.applicationsPath,
                            suggestion: closestMatch(to: id, in: loaded.round.applications.map(\.id))))
                    throw Exit.usage
                }
                try Common.emit(
                    ExplainReport(explanation, scenario: loaded.scenario, stamp: loaded.stamp, language: report.lang),
                    report, inputs: loaded.inputPaths)
            }
        }
    }
}

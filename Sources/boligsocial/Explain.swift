import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `explain`: why one application gets what it gets.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                        "\(loaded.scenario.applicationsPath): no application with id '\(id)'"
                            + (closestMatch(to: id, in: loaded.round.applications.map(\.id)).map {
                                " (did you mean '\($0)'?)"
                            } ?? ""))
                    throw Exit.usage
                }
                try Common.emit(
                    ExplainReport(explanation, scenario: loaded.scenario, stamp: loaded.stamp, language: report.lang),
                    report, inputs: loaded.inputPaths)
            }
        }
    }
}

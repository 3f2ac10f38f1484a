import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `validate`: every problem in a scenario's inputs at once.
    struct ValidateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check a scenario and its CSV files; list every problem as FILE:LINE:COLUMN: message.")

        @Argument(help: "The scenario file.")
        var scenario: String

        @Option(help: "Language of the messages: en or da.")
        var lang: Language = .en

        @OptionGroup var overrides: ScenarioOverrides

        func run() throws {
            try Common.run(nil, language: lang, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                try OutputWriter.emit(report(loaded), to: nil, inputs: [])
            }
        }

        func report(_ loaded: LoadedScenario) -> String {
            let round = loaded.round
            let ineligible = round.applications.filter { !Eligibility($0, rules: loaded.scenario.rules).isEligible }
                .count
            return InputProblemWords(lang).sound(
                file: scenario, scenario: loaded.scenario.name, areas: round.areas.count,
                applications: round.applications.count, ineligible: ineligible, years: round.years) + "\n"
        }
    }
}

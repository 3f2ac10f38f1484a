import ArgumentParser
import BoligsocialCore

extension Boligsocial {
    /// `validate`: every problem in a scenario's inputs at once.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario and its CSV files; list every problem as FILE:LINE:COLUMN: message.")

        @Argument(help: "The scenario file.")
        var scenario: String

        func run() throws {
            try Common.run(nil) { loader in
                let loaded = try loader.load(scenario)
                try OutputWriter.emit(report(loaded), to: nil, inputs: [])
            }
        }

        func report(_ loaded: LoadedScenario) -> String {
            let round = loaded.round
            let ineligible = round.applications.filter { !Eligibility($0, rules: loaded.scenario.rules).isEligible }.count
            return ("\(scenario): OK: scenario '\(loaded.scenario.name)', \(round.areas.count) areas, "
                + "\(round.applications.count) applications (\(ineligible) ineligible under its rules), years "
                + round.years.map(String.init).joined(separator: ", ") + "\n")
        }
    }
}

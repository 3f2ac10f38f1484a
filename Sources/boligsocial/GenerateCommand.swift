import ArgumentParser
import BoligsocialCore
import Foundation

extension Boligsocial {
    /// `generate`: a seeded, illustrative round of any size, for tests, benchmarks and other solvers.
    struct GenerateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write an illustrative round (areas.csv, applications.csv, scenario.toml) of any size.")

        @Option(help: "Number of applications.")
        var applications = 1000

        @Option(help: "Number of areas (default: one per 20 applications, at least 4).")
        var areas: Int?

        @Option(help: "Seed of the random generator; the same seed gives the same round.")
        var seed: UInt64 = 1

        @Option(help: "Share of the requests the envelopes cover.")
        var coverage = 0.6

        @Flag(
            help:
                "Leave every applicant's own min_fraction blank, so the round is a pure LP (otherwise about one in five has one, a MIP)."
        )
        var lp = false

        @Option(help: "Directory to write into (created if missing).")
        var output: String

        func validate() throws {
            guard (1...1_000_000).contains(applications) else {
                throw ValidationError("--applications must be between 1 and 1000000")
            }
            guard (1...100_000).contains(areas ?? 1) else {
                throw ValidationError("--areas must be between 1 and 100000")
            }
            guard coverage.isFinite, coverage > 0, coverage <= 100 else {
                throw ValidationError("--coverage must be above 0 and at most 100")
            }
        }

        func run() throws {
            var round = RoundGenerator.round(applications: applications, areas: areas, seed: seed)
            if lp { for i in round.applications.indices { round.applications[i].minFraction = nil } }
            let scenario = RoundGenerator.scenario(
                for: round, coverage: coverage,
                name: "Generated round of \(applications) applications (seed \(seed))")
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                printError("\(output): cannot create directory: \(error.localizedDescription)")
                throw Exit.cannotWrite
            }
            let dir = output.hasSuffix("/") ? output : output + "/"
            try OutputWriter.emit(RoundWriter.areasCSV(round), to: dir + "areas.csv", inputs: [])
            try OutputWriter.emit(RoundWriter.applicationsCSV(round), to: dir + "applications.csv", inputs: [])
            try OutputWriter.emit(RoundWriter.scenarioTOML(scenario), to: dir + "scenario.toml", inputs: [])
        }
    }
}

import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import Foundation

extension Boligsocial {
    /// `sweep`: re-solve over a range of envelopes on one kept, warm-started problem.
    struct SweepCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract:
                "Re-solve over a range of envelopes (--scale 0.5:1.5:41, or --year 2010 --range 8000000:14000000:13).")

        @Argument(help: "The scenario file.")
        var scenario: String

        @Option(help: "FROM:TO:STEPS: every year's envelope times each of STEPS values from FROM to TO.")
        var scale: String?

        @Option(help: "The one year whose envelope --range sets.")
        var year: Int?

        @Option(help: "FROM:TO:STEPS: that year's envelope in DKK.")
        var range: String?

        @Option(
            help:
                "Threads that solve blocks of steps side by side (default: one per core); the result is the same for any number."
        )
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides

        /// The largest envelope scale a sweep may reach: a thousand times the scenario's envelopes.
        static let maximumScale = 1000.0

        static func parse(_ text: String, option: String) throws -> [Double] {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
                Double($0.replacingOccurrences(of: "_", with: ""))
            }
            let upper = option == "--scale" ? Self.maximumScale : Amount.maximum
            let limit = option == "--scale" ? "1000" : "10000000000000 (kr.)"
            guard parts.count == 3, let from = parts[0], let to = parts[1], let steps = parts[2],
                from.isFinite, to.isFinite, from >= 0, to >= 0, from <= upper, to <= upper,
                steps >= 1, steps <= 1_000_000, steps == steps.rounded()
            else {
                throw ValidationError(
                    "\(option) takes FROM:TO:STEPS with 0 ≤ FROM, TO ≤ \(limit) and 1 ≤ STEPS ≤ 1000000, not '\(text)'")
            }
            return Sweep.range(from: from, to: to, steps: Int(steps))
        }

        func validate() throws {
            guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
            switch (scale, year, range) {
            case (let s?, nil, nil): _ = try Self.parse(s, option: "--scale")
            case (nil, _?, let r?): _ = try Self.parse(r, option: "--range")
            default: throw ValidationError("give either --scale FROM:TO:STEPS, or --year Y with --range FROM:TO:STEPS")
            }
        }

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                let parameter: SweepParameter
                if let scale {
                    parameter = .scale(try Self.parse(scale, option: "--scale"))
                } else {
                    guard let year, loaded.scenario.years.contains(year) else {
                        printError(Labels(report.lang).notAScenarioYear(year ?? 0, years: loaded.scenario.years))
                        throw Exit.usage
                    }
                    parameter = .year(year, try Self.parse(range!, option: "--range"))
                }
                // Every step's envelopes must be amounts the tool accepts.
                let largest: Double =
                    switch parameter {
                    case .scale(let factors): (factors.max() ?? 0) * (loaded.scenario.envelopes.max() ?? 0)
                    case .year(_, let amounts): amounts.max() ?? 0
                    }
                if let problem = Amount.problem(largest) {
                    let why = InputProblemWords(report.lang).amountProblem(problem)
                    printError(Labels(report.lang).sweepTooLarge(largest, why: why, number: NumberFormat(report.lang)))
                    throw Exit.usage
                }
                let steps = try Sweep.run(
                    round: loaded.round, scenario: loaded.scenario, parameter: parameter, jobs: jobs)
                try Common.emit(
                    SweepReport(
                        scenario: loaded.scenario, steps: steps, parameter: parameter, stamp: loaded.stamp,
                        language: report.lang),
                    report, inputs: loaded.inputPaths)
            }
        }
    }
}

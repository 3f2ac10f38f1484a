import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `sensitivity`: how far each weight can move before the funded set changes.
    struct SensitivityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sensitivity",
            abstract:
                "For every weight, the interval over which the same applications are fully funded, partly funded and unfunded, and what changes first just outside it."
        )

        @Argument(help: "The scenario file.")
        var scenario: String

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                let sensitivity: Sensitivity
                do {
                    sensitivity = try Sensitivity.compute(
                        round: loaded.round, scenario: loaded.scenario)
                } catch Sensitivity.Unsupported.mixedInteger {
                    printError("boligsocial sensitivity: " + Labels(report.lang).sensitivityNeedsLP)
                    throw Exit.usage
                }
                try Common.emit(
                    SensitivityReport(sensitivity, stamp: loaded.stamp, language: report.lang), report,
                    inputs: loaded.inputPaths)
            }
        }
    }
}

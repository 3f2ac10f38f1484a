import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `sensitivity`: how far each weight can move before the funded set changes.
    struct Sensitivity: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                let sensitivity: BoligsocialCore.Sensitivity
                do {
                    sensitivity = try BoligsocialCore.Sensitivity.compute(
                        round: loaded.round, scenario: loaded.scenario)
                } catch BoligsocialCore.Sensitivity.Unsupported.mixedInteger {
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

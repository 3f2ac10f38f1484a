import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `wish`: the envelopes to ask for in the 2009 budget's wish proposal.
    struct Wish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The smallest yearly envelopes that fund every eligible application with weight ≥ --threshold at share ≥ --share (the ønskeforslag).")

        @Argument(help: "The scenario file.")
        var scenario: String

        @Option(help: "Fund every eligible application with at least this weight (default: all eligible).")
        var threshold = 0.0

        @Option(help: "…to at least this share of its request.")
        var share = 1.0

        @Flag(help: "Ask for the same amount every year.")
        var flat = false

        @Flag(help: "State the amounts in each year's current prices (the scenario's [index] table), not the first year's fixed prices.")
        var currentPrices = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides

        func validate() throws {
            guard threshold.isFinite, threshold >= 0 else { throw ValidationError("--threshold must be 0 or more") }
            guard share.isFinite, share > 0, share <= 1 else { throw ValidationError("--share must be in (0, 1]") }
        }

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                if currentPrices && loaded.scenario.priceIndex.isEmpty {
                    printError("boligsocial wish: --current-prices needs an [index] table in the scenario (such as 2010 = 1.027)")
                    throw Exit.usage
                }
                let proposal = try WishProposal.compute(round: loaded.round, scenario: loaded.scenario, threshold: threshold, share: share,
                                                        flat: flat)
                try Common.emit(WishReport(proposal, stamp: loaded.stamp, language: report.lang, currentPrices: currentPrices), report,
                                inputs: loaded.inputPaths)
            }
        }
    }
}

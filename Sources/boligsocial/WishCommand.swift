import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `wish`: the envelopes to ask for in the 2009 budget's wish proposal.
    struct WishCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wish",
            abstract:
                "The smallest yearly envelopes that fund every eligible application with weight ≥ --threshold at share ≥ --share (the ønskeforslag)."
        )

        @Argument(help: "The scenario file.")
        var scenario: String

        @Option(help: "Fund every eligible application with at least this weight (default: all eligible).")
        var threshold = 0.0

        @Option(help: "…to at least this share of its request.")
        var share = 1.0

        @Flag(help: "Ask for the same amount every year.")
        var flat = false

        @Option(
            name: .customLong("target"),
            help: "Fund these applications (ids, comma-separated; with the other criteria).")
        var targetIDs: String?

        @Option(
            name: .customLong("target-focus"),
            help: "Fund the applications with one of these focus areas (comma-separated keys, e.g. health).")
        var targetFocus: String?

        @Option(
            name: .customLong("target-risk"),
            help: "Fund the applications in areas of these risk classes (comma-separated keys, e.g. vulnerable).")
        var targetRisk: String?

        @Option(
            name: .customLong("target-area"), help: "Fund the applications in these areas (comma-separated area ids).")
        var targetArea: String?

        @Flag(
            help:
                "State the amounts in each year's current prices (the scenario's [index] table), not the first year's fixed prices."
        )
        var currentPrices = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var overrides: ScenarioOverrides

        static func list(_ text: String?) -> Set<String>? {
            text.map {
                Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            }
        }

        /// The criteria besides the threshold, each key checked against its vocabulary.
        func selection() throws -> WishSelection {
            func keys<K: RawRepresentable & CaseIterable>(_ text: String?, _ option: String) throws -> Set<K>?
            where K.RawValue == String, K: Hashable {
                guard let words = Self.list(text) else { return nil }
                return Set(
                    try words.map { word in
                        guard let key = K(rawValue: word) else {
                            throw ValidationError(
                                "\(option) '\(word)': expected one of "
                                    + K.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                        return key
                    })
            }
            return WishSelection(
                ids: Self.list(targetIDs), focus: try keys(targetFocus, "--target-focus"),
                risk: try keys(targetRisk, "--target-risk"), areas: Self.list(targetArea))
        }

        func validate() throws {
            _ = try selection()
            guard threshold.isFinite, threshold >= 0 else { throw ValidationError("--threshold must be 0 or more") }
            guard share.isFinite, share > 0, share <= 1 else { throw ValidationError("--share must be in (0, 1]") }
        }

        func run() throws {
            try Common.run(report, overrides: overrides) { loader in
                let loaded = try loader.load(scenario)
                if currentPrices && loaded.scenario.priceIndex.isEmpty {
                    printError(Labels(report.lang).currentPricesNeedIndex)
                    throw Exit.usage
                }
                let selection = try selection()
                // Ids and areas the round does not have are a mistake on the command line.
                let unknown =
                    (selection.ids ?? []).subtracting(loaded.round.applications.map(\.id)).sorted()
                    + (selection.areas ?? []).subtracting(loaded.round.areas.map(\.id)).sorted()
                if !unknown.isEmpty {
                    printError(Labels(report.lang).notInRound(unknown))
                    throw Exit.usage
                }
                let proposal = try WishProposal.compute(
                    round: loaded.round, scenario: loaded.scenario, threshold: threshold, share: share,
                    flat: flat, selection: selection)
                try Common.emit(
                    WishReport(proposal, stamp: loaded.stamp, language: report.lang, currentPrices: currentPrices),
                    report,
                    inputs: loaded.inputPaths)
            }
        }
    }
}

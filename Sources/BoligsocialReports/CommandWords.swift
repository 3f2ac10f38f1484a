import BoligsocialCore

/// What a command says when its options do not fit the round it loaded (exit 64), in the
/// report's language.
extension Labels {
    /// `explain` of an id the round does not have.
    public func noSuchApplication(_ id: String, in file: String, suggestion: String?) -> String {
        let mean = suggestion.map { pick(" (did you mean '\($0)'?)", " (mente du '\($0)'?)") } ?? ""
        return file + ": " + pick("no application with id '\(id)'", "ingen ansøgning har id '\(id)'") + mean
    }

    /// `sweep --year` of a year the scenario does not have.
    public func notAScenarioYear(_ year: Int, years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return pick(
            "--year \(year) is not one of the scenario's years (\(list))",
            "--year \(year) er ikke et af scenariets år (\(list))")
    }

    /// A sweep whose largest envelope is not an amount the tool takes; `why` ends the sentence.
    public func sweepTooLarge(_ kroner: Double, why: String, number: NumberFormat) -> String {
        let amount = kroner.isFinite && abs(kroner) < 1e15 ? number.kr(Int(kroner)) : "\(kroner) kr."
        return pick(
            "boligsocial sweep: the largest envelope of the sweep, \(amount), \(why)",
            "boligsocial sweep: den største ramme i variationen, \(amount), \(why)")
    }

    /// `wish --current-prices` on a scenario without a price index.
    public var currentPricesNeedIndex: String {
        pick(
            "boligsocial wish: --current-prices needs an [index] table in the scenario (such as 2010 = 1.027)",
            "boligsocial wish: --current-prices kræver en [index]-tabel i scenariet (som 2010 = 1.027)")
    }

    /// `wish --target-id`/`--target-area` naming what the round does not have.
    public func notInRound(_ keys: [String]) -> String {
        let list = keys.joined(separator: ", ")
        return pick(
            "boligsocial wish: no application or area \(list) in the round",
            "boligsocial wish: runden har ingen ansøgning eller intet boligområde \(list)")
    }
}

/// A what-if scenario: which round, which years, how much money per year, and under which rules.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The scenario file, and the files it extends, child first.
    public var files: [String]
    public var applicationsPath: String
    public var areasPath: String
    public var years: [Int] = Scenario.defaultYears
    /// DKK per year, fixed 2009 prices.
    public var envelope: [Int: Double]
    public var weights = Weights()
    public var rules = Rules()
    /// Price and wage index per year against the first year's prices (`[index]`, 1 where none is
    /// given): what a krone at fixed prices costs in that year's current prices. The model works in
    /// fixed prices; the wish proposal may be stated in current ones.
    public var priceIndex: [Int: Double] = [:]
    /// The committee's decisions by application id (`[decisions]`).
    public var decisions: [String: Decision] = [:]

    /// The memo's years, when a scenario file names none (`years`).
    public static let defaultYears = [2009, 2010, 2011, 2012]

    public init(
        name: String, description: String = "", files: [String] = [], applicationsPath: String = "",
        areasPath: String = "", years: [Int] = Scenario.defaultYears, envelope: [Int: Double],
        weights: Weights = Weights(), rules: Rules = Rules()
    ) {
        self.name = name
        self.description = description
        self.files = files
        self.applicationsPath = applicationsPath
        self.areasPath = areasPath
        self.years = years
        self.envelope = envelope
        self.weights = weights
        self.rules = rules
    }

    /// The index of each year in `years`' order.
    public var indices: [Double] { years.map { priceIndex[$0] ?? 1 } }

    /// The envelope of each year in `years`' order (0 where none is given).
    public var envelopes: [Double] { years.map { envelope[$0] ?? 0 } }

    /// The same scenario without its decisions: the optimum the decisions are priced against.
    public var undecided: Scenario {
        var copy = self
        copy.decisions = [:]
        return copy
    }

    /// The same scenario with every year's envelope multiplied by `factor`.
    public func scaled(by factor: Double) -> Scenario {
        var copy = self
        copy.envelope = envelope.mapValues { $0 * factor }
        return copy
    }
}

/// Priority weights (SPEC §3 `[weights.*]`); the defaults are the spec's.
public struct Weights: Sendable, Equatable {
    public var focus: [FocusArea: Double] = Dictionary(uniqueKeysWithValues: FocusArea.allCases.map { ($0, 1.0) })
    /// `weights.focus.outside`: an application outside every focus area.
    public var outsideFocus = 0.5
    public var risk: [RiskClass: Double] = [.vulnerable: 1.0, .atRisk: 0.8, .other: 0.4, .otherHousing: 0.3]
    public var targetGroup: [TargetGroup: Double] = [.primary: 1.0, .secondary: 0.6]
    public var quality: [QualityCriterion: Double] = [
        .clearGoals: 0.10, .theoryOfChangeExplicit: 0.15, .theoryOfChangeImplicit: 0.05,
        .anchoringPlan: 0.10, .coordinatorRole: 0.05, .crossAdmin: 0.05,
    ]
    public init() {}
}

/// The policy rules of a scenario (SPEC §3 `[rules]`, §4 constraints). `nil` means the rule is off.
public struct Rules: Sendable, Equatable {
    public var requireSofInSteeringGroup = true
    public var requireObjective = true
    public var requireActivityAccounting = true
    public var commitment = Commitment.proportional
    public var primaryShareMin: Double?
    public var areaShareMax: Double?
    public var carryOver = false
    /// Diminishing returns `[d1, …, dS]`: positive, non-increasing, `d1 = 1`.
    public var returns: [Double]?
    public var minFraction: Double?
    public var maxProjects: Int?
    /// DKK per year that must go to applications whose primary focus is the key.
    public var focusFloor: [FocusArea: Double] = [:]
    public init() {}
}

/// A what-if scenario: which round, which years, how much money per year, and under which rules.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The scenario file, and the files it extends, child first.
    public var files: [String]
    public var applicationsPath: String
    public var areasPath: String
    public var years: [Int] = [2009, 2010, 2011, 2012]
    /// DKK per year, fixed 2009 prices.
    public var envelope: [Int: Double]
    public var weights = Weights()
    public var rules = Rules()

    public init(
        name: String, description: String = "", files: [String] = [], applicationsPath: String = "",
        areasPath: String = "", years: [Int] = [2009, 2010, 2011, 2012], envelope: [Int: Double],
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

    /// The envelope of each year in `years`' order (0 where none is given).
    public var envelopes: [Double] { years.map { envelope[$0] ?? 0 } }

    /// The same scenario with every year's envelope multiplied by `factor`.
    public func scaled(by factor: Double) -> Scenario {
        var copy = self
        copy.envelope = envelope.mapValues { $0 * factor }
        return copy
    }
}

/// Priority weights (docs/formats.md `[weights.*]`); the defaults are those of docs/formats.md.
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

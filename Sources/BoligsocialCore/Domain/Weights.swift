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
        .needDocumented: 0.10, .involvement: 0.10, .holistic: 0.15, .commonGoal: 0.10, .indicators: 0.05,
    ]
    /// `weights.objective`: `O` is the mean over the application's objectives (default 1 each).
    public var objective: [Objective: Double] = Dictionary(uniqueKeysWithValues: Objective.allCases.map { ($0, 1.0) })
    /// `weights.assessment`: the factor `V` for a caseworker's score 1–5 (default 1: no effect).
    public var assessment: [Int: Double] = [:]
    /// `weights.focus_mode`: which of its focus areas' weights an application gets.
    public var focusMode = FocusMode.primary
    public init() {}
}

/// `w[a] = F·R·T·Q` with where each factor comes from (docs/model.md), in priority points per 1.000 kr.
public struct WeightBreakdown: Sendable, Equatable {
    /// The focus area whose weight is `F` (the largest over the application's focus areas); `nil` = outside.
    public var focusSource: FocusArea?
    public var focus: Double
    public var riskClass: RiskClass
    public var risk: Double
    public var targetGroup: TargetGroup
    public var target: Double
    /// The quality criteria the application earns, and `Q = 1 + Σ bonus`.
    public var qualityCriteria: [QualityCriterion]
    public var quality: Double
    public var weight: Double { focus * risk * target * quality }

    public init(_ application: Application, risk riskClass: RiskClass, weights: Weights) {
        var best: (FocusArea, Double)?
        for f in application.focus {
            let w = weights.focus[f] ?? 1
            if best == nil || w > best!.1 { best = (f, w) }
        }
        focusSource = best?.0
        focus = best?.1 ?? weights.outsideFocus
        self.riskClass = riskClass
        risk = weights.risk[riskClass] ?? 0
        targetGroup = application.targetGroup
        target = weights.targetGroup[application.targetGroup] ?? 0
        var criteria: [QualityCriterion] = []
        if application.clearGoals { criteria.append(.clearGoals) }
        switch application.theoryOfChange {
        case .explicit: criteria.append(.theoryOfChangeExplicit)
        case .implicit: criteria.append(.theoryOfChangeImplicit)
        case .none: break
        }
        if application.anchoringPlan { criteria.append(.anchoringPlan) }
        if application.coordinatorRole { criteria.append(.coordinatorRole) }
        if application.crossAdmin { criteria.append(.crossAdmin) }
        qualityCriteria = criteria
        quality = 1 + criteria.reduce(0) { $0 + (weights.quality[$1] ?? 0) }
    }
}

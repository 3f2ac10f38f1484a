/// `w[a] = F·R·T·Q·O·V` with where each factor comes from (docs/model.md), in priority points per 1.000 kr.
public struct WeightBreakdown: Sendable, Equatable {
    /// The focus area whose weight is `F` (the first listed under `focus_mode = "primary"`, the
    /// largest under `"max"`, the first under `"mean"` where `F` is the mean); `nil` = outside.
    public var focusSource: FocusArea?
    public var focusMode: FocusMode = .primary
    public var focus: Double
    public var riskClass: RiskClass
    public var risk: Double
    public var targetGroup: TargetGroup
    public var target: Double
    /// The quality criteria the application earns, and `Q = 1 + Σ bonus`.
    public var qualityCriteria: [QualityCriterion]
    public var quality: Double
    /// `O`: the mean of the weights of the application's objectives (1 with none).
    public var objective: Double = 1
    /// `V`: the factor of the caseworker's score, and the score (`nil`: not assessed, `V = 1`).
    public var assessment: Double = 1
    public var assessmentScore: Int?
    public var weight: Double { focus * risk * target * quality * objective * assessment }

    public init(_ application: Application, risk riskClass: RiskClass, weights: Weights) {
        focusMode = weights.focusMode
        switch weights.focusMode {
        case .primary:
            focusSource = application.focus.first
            focus = application.focus.first.map { weights.focus[$0] ?? 1 } ?? weights.outsideFocus
        case .max:
            var best: (FocusArea, Double)?
            for f in application.focus {
                let w = weights.focus[f] ?? 1
                if best == nil || w > best!.1 { best = (f, w) }
            }
            focusSource = best?.0
            focus = best?.1 ?? weights.outsideFocus
        case .mean:
            focusSource = application.focus.first
            focus =
                application.focus.isEmpty
                ? weights.outsideFocus
                : application.focus.reduce(0) { $0 + (weights.focus[$1] ?? 1) } / Double(application.focus.count)
        }
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
        if application.needDocumented { criteria.append(.needDocumented) }
        if application.involvement { criteria.append(.involvement) }
        if application.holistic { criteria.append(.holistic) }
        if application.commonGoal { criteria.append(.commonGoal) }
        if application.indicators { criteria.append(.indicators) }
        qualityCriteria = criteria
        quality = 1 + criteria.reduce(0) { $0 + (weights.quality[$1] ?? 0) }
        if !application.objectives.isEmpty {
            objective =
                application.objectives.reduce(0) { $0 + (weights.objective[$1] ?? 1) }
                / Double(application.objectives.count)
        }
        assessmentScore = application.assessment
        assessment = application.assessment.flatMap { weights.assessment[$0] } ?? 1
    }
}

/// Why an application, or some of its lines, may not be funded: each tied to the memo's principle.
public enum IneligibilityReason: String, Sendable, Equatable, CaseIterable {
    /// `require_sof_in_steering_group`: the whole application.
    case sofNotInSteeringGroup = "sof_not_in_steering_group"
    /// `require_objective`: the whole application.
    case noObjective = "no_objective"
    /// `require_activity_accounting`: only the activity lines.
    case activitiesWithoutAccounting = "activities_without_accounting"

    /// Whether the reason shuts out the whole application (otherwise only its activity lines).
    public var isWholeApplication: Bool { self != .activitiesWithoutAccounting }

    /// The memo's section and words the rule comes from.
    public var principle: String {
        switch self {
        case .sofNotInSteeringGroup:
            "Krav til organisering: \"Det forudsættes, at Socialforvaltningen bliver repræsenteret i styregruppen for at et projekt kan modtage støtte.\""
        case .noObjective:
            "Krav til indhold: \"Der kan gives støtte til indsatser, som arbejder for … en eller flere af de overordnede beskrevne målsætninger.\""
        case .activitiesWithoutAccounting:
            "Der kan konkret gives støtte til: \"Det vil således være et krav, at projektlederen efterfølgende kan aflægge regnskab for aktivitetsmidlerne\""
        }
    }
}

/// The eligibility checks of SPEC §4 for one application under a scenario's rules.
public struct Eligibility: Sendable, Equatable {
    public var reasons: [IneligibilityReason]

    public init(_ application: Application, rules: Rules) {
        var reasons: [IneligibilityReason] = []
        if rules.requireSofInSteeringGroup && !application.sofInSteeringGroup { reasons.append(.sofNotInSteeringGroup) }
        if rules.requireObjective && application.objectives.isEmpty { reasons.append(.noObjective) }
        let asksForActivities = application.requests.contains { ($0[.activities] ?? 0) > 0 }
        if rules.requireActivityAccounting && !application.activityAccounting && asksForActivities {
            reasons.append(.activitiesWithoutAccounting)
        }
        self.reasons = reasons
    }

    /// No whole-application rule fails.
    public var isEligible: Bool { !reasons.contains { $0.isWholeApplication } }

    /// Whether the line of `category` may receive money.
    public func allows(_ category: CostCategory) -> Bool {
        isEligible && !(category == .activities && reasons.contains(.activitiesWithoutAccounting))
    }
}

/// `w[a] = F·R·T·Q` with where each factor comes from (SPEC §4), in priority points per 1.000 kr.
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

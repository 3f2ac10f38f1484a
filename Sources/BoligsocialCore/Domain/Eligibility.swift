/// The eligibility checks of docs/model.md for one application under a scenario's rules.
public struct Eligibility: Sendable, Equatable {
    public var reasons: [IneligibilityReason]
    /// Every line it asks money for is shut out (it asks only for activity money, which may not be
    /// granted): nothing of it can be funded, so it is ineligible as a whole.
    public var onlyIneligibleLines = false

    public init(_ application: Application, rules: Rules) {
        var reasons: [IneligibilityReason] = []
        if rules.requireSofInSteeringGroup && !application.sofInSteeringGroup { reasons.append(.sofNotInSteeringGroup) }
        if rules.requireObjective && application.objectives.isEmpty { reasons.append(.noObjective) }
        if rules.requireNeedDocumented && !application.needDocumented { reasons.append(.needNotDocumented) }
        let asksForActivities = application.requests.contains { ($0[.activities] ?? 0) > 0 }
        if rules.requireActivityAccounting && !application.activityAccounting && asksForActivities {
            reasons.append(.activitiesWithoutAccounting)
            let asksForMore = application.requests.contains { ($0[.salary] ?? 0) > 0 || ($0[.rent] ?? 0) > 0 }
            onlyIneligibleLines = !asksForMore
        }
        self.reasons = reasons
    }

    /// No whole-application rule fails, and some line it asks money for may be funded.
    public var isEligible: Bool { !onlyIneligibleLines && !reasons.contains { $0.isWholeApplication } }

    /// Whether the line of `category` may receive money.
    public func allows(_ category: CostCategory) -> Bool {
        isEligible && !(category == .activities && reasons.contains(.activitiesWithoutAccounting))
    }
}

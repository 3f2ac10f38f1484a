/// The eligibility checks of docs/model.md for one application under a scenario's rules.
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

import Foundation
import LinearProgramming

/// One application's outcome, in whole kroner.
public struct ApplicationOutcome: Sendable {
    public var prepared: PreparedApplication
    public var status: FundingStatus
    /// Granted / eligible request over all years (φ under `proportional`).
    public var share: Double
    /// The share per year (equal across years under `proportional`).
    public var shareByYear: [Double]
    /// Requested DKK per year, all lines (also ineligible ones).
    public var requested: [Int]
    /// Granted whole kroner, `[yearIndex][category]`.
    public var granted: [CategoryMap<Int>]
    /// Why it got what it got, as data (the reports word it).
    public var reasons: [OutcomeReason]
    /// The model's rows that bind this application's share at the optimum.
    public var binding: [ConstraintKind]

    public var application: Application { prepared.application }
    public var grantedByYear: [Int] { granted.map(\.total) }
    public var grantedTotal: Int { grantedByYear.reduce(0, +) }
}

extension ApplicationOutcome {
    /// Sets the status and the reasons: the eligibility rules that fail, then how much it got and
    /// which rows hold it there, then (when money went elsewhere) the weight factor that holds it down.
    mutating func classify(weights: Weights, reached: Set<QualityCriterion> = [], assessed: Bool = false) {
        classifyByModel(weights: weights, reached: reached, assessed: assessed)
        guard let decision = prepared.decision else { return }
        // The committee's decision, last: what it decided and why. Where the decision is what holds
        // the application, it is the reason (not the rows and the weight beside it); a criterion it
        // sets aside is shown as set aside.
        let overrides = decision.overrideEligibility && !prepared.eligibility.isEligible
        if overrides {
            reasons = reasons.map { if case .ineligible(let why) = $0 { .criterionOverridden(why) } else { $0 } }
        }
        if binding.contains(.decision(application: application.id)) {
            reasons = reasons.filter {
                if case .criterionOverridden = $0 { true } else if case .ineligible = $0 { true } else { false }
            }
        }
        reasons.append(.decided(decision.kind, reason: decision.reason, overridesEligibility: overrides))
    }

    private mutating func classifyByModel(weights: Weights, reached: Set<QualityCriterion>, assessed: Bool) {
        let eligibility = prepared.eligibility
        reasons = eligibility.reasons.map(OutcomeReason.ineligible)
        if !prepared.isFundable {
            status = .ineligible
            if eligibility.onlyIneligibleLines { reasons.append(.onlyIneligibleLines) }
            return
        }
        if prepared.eligibleTotal <= 0 {
            status = grantedTotal > 0 ? .partial : .unfunded
            reasons.append(.nothingEligibleRequested)
            return
        }
        if share >= 1 {
            status = .full
            reasons.append(.fullyFunded(cut: max(0, requested.reduce(0, +) - Int(prepared.eligibleTotal.rounded()))))
            return
        }
        if grantedTotal > 0 {
            status = .partial
            reasons.append(.partlyFunded(share: share, binding: binding))
        } else {
            status = .unfunded
            reasons.append(.unfunded(binding: binding))
        }
        // Held back by money, not by a rule of its own: say which factor keeps its weight down.
        let byMoney = binding.isEmpty || binding.contains { if case .envelope = $0 { true } else { false } }
        if byMoney, let weakest = prepared.weight.weakestFactor(weights, reached: reached, assessed: assessed) {
            reasons.append(.lowWeight(weakest.factor, value: weakest.value, best: weakest.best))
        }
    }

    /// Whether the money, not a rule of its own, holds it back (after `classify`).
    var heldByMoney: Bool {
        (status == .partial || status == .unfunded) && prepared.eligibleTotal > 0
            && (binding.isEmpty || binding.contains { if case .envelope = $0 { true } else { false } })
    }
}

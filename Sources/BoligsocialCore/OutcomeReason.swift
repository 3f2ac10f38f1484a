/// Why an application got what it got, as data: the reports put it in words in the chosen language.
public enum OutcomeReason: Sendable, Hashable {
    /// An eligibility rule fails: for the whole application, or (activity accounting) for its
    /// activity lines only.
    case ineligible(IneligibilityReason)
    /// Eligible, but no eligible line asks for money.
    case nothingEligibleRequested
    /// Every eligible line is granted in full.
    case fullyFunded
    /// Granted `share` of its eligible request; `binding` are the tight rows that hold it there
    /// (empty when no row it is in is tight, e.g. at a degenerate optimum).
    case partlyFunded(share: Double, binding: [ConstraintKind])
    /// Granted nothing; `binding` as above (empty: applications with more priority points per
    /// krone took the money).
    case unfunded(binding: [ConstraintKind])
    /// Its weight is held down by one factor: the one furthest below the best value that factor
    /// takes under the scenario's weights.
    case lowWeight(WeightFactor, value: Double, best: Double)
}

/// The four factors of `w = F·R·T·Q`, with what sets each for one application.
public enum WeightFactor: Sendable, Hashable {
    /// F: its best focus area (`nil` = outside the focus areas).
    case focus(FocusArea?)
    /// R: its area's risk class.
    case risk(RiskClass)
    /// T: its target group.
    case targetGroup(TargetGroup)
    /// Q: the quality criteria it meets.
    case quality
}

extension WeightBreakdown {
    /// The factor furthest below the best it could be under `weights`, with its value and that
    /// best; `nil` when every factor is at its best.
    public func weakestFactor(_ weights: Weights) -> (factor: WeightFactor, value: Double, best: Double)? {
        let bestFocus = max(weights.focus.values.max() ?? 1, weights.outsideFocus)
        let bestRisk = weights.risk.values.max() ?? 1
        let bestTarget = weights.targetGroup.values.max() ?? 1
        // The best quality: every criterion, but only one of the two theory-of-change grades.
        let q = weights.quality
        let always: [QualityCriterion] = [.clearGoals, .anchoringPlan, .coordinatorRole, .crossAdmin]
        let theory: Double = max(q[.theoryOfChangeExplicit] ?? 0, q[.theoryOfChangeImplicit] ?? 0, 0)
        let bestQuality: Double = always.reduce(1.0) { $0 + (q[$1] ?? 0) } + theory
        let candidates: [(WeightFactor, Double, Double)] = [
            (.focus(focusSource), focus, bestFocus), (.risk(riskClass), risk, bestRisk),
            (.targetGroup(targetGroup), target, bestTarget), (.quality, quality, bestQuality),
        ]
        var weakest: (factor: WeightFactor, value: Double, best: Double)?
        var lowestRatio = 1.0
        for (factor, value, best) in candidates where best > 0 {
            let ratio = value / best
            if ratio < lowestRatio - Tolerance.weightTie {
                lowestRatio = ratio
                weakest = (factor, value, best)
            }
        }
        return weakest
    }
}

extension WeightBreakdown {
    /// The factor furthest below the best it could be under `weights`, with its value and that
    /// best; `nil` when every factor is at its best. `reached`: the optional criteria (the memo's
    /// criteria in optional columns) some application of the round meets, and whether any is assessed:
    /// a bonus no application can have in this round's data is not counted in the best.
    public func weakestFactor(_ weights: Weights, reached: Set<QualityCriterion> = [], assessed: Bool = false)
        -> (factor: WeightFactor, value: Double, best: Double)?
    {
        let bestFocus = max(weights.focus.values.max() ?? 1, weights.outsideFocus)
        let bestRisk = weights.risk.values.max() ?? 1
        let bestTarget = weights.targetGroup.values.max() ?? 1
        // The best quality: every criterion, but only one of the two theory-of-change grades.
        let q = weights.quality
        let always: [QualityCriterion] =
            [.clearGoals, .anchoringPlan, .coordinatorRole, .crossAdmin]
            + QualityCriterion.optional.filter(reached.contains)
        let theory: Double = max(q[.theoryOfChangeExplicit] ?? 0, q[.theoryOfChangeImplicit] ?? 0, 0)
        let bestQuality: Double = always.reduce(1.0) { $0 + (q[$1] ?? 0) } + theory
        let candidates: [(WeightFactor, Double, Double)] = [
            (.focus(focusSource), focus, bestFocus), (.risk(riskClass), risk, bestRisk),
            (.targetGroup(targetGroup), target, bestTarget), (.quality, quality, bestQuality),
            (.objective, objective, weights.objective.values.max() ?? 1),
            (.assessment(assessmentScore), assessment, assessed ? max(1, weights.assessment.values.max() ?? 1) : 1),
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

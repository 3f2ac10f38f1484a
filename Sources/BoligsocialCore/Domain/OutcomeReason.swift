/// Why an application got what it got, as data: the reports put it in words in the chosen language.
public enum OutcomeReason: Sendable, Hashable {
    /// An eligibility rule fails: for the whole application, or (activity accounting) for its
    /// activity lines only.
    case ineligible(IneligibilityReason)
    /// Every line it asks money for is shut out by the rule before it: ineligible as a whole.
    case onlyIneligibleLines
    /// Eligible, but no eligible line asks for money.
    case nothingEligibleRequested
    /// Every eligible line is granted in full; `cut`: the kroner asked on lines that may not be
    /// funded (activity money without accounting), 0 when none.
    case fullyFunded(cut: Int)
    /// Granted `share` of its eligible request; `binding` are the tight rows that hold it there
    /// (empty when no row it is in is tight, e.g. at a degenerate optimum).
    case partlyFunded(share: Double, binding: [ConstraintKind])
    /// Granted nothing; `binding` as above (empty: applications with more priority points per
    /// krone took the money).
    case unfunded(binding: [ConstraintKind])
    /// Its weight is held down by one factor: the one furthest below the best value that factor
    /// takes under the scenario's weights.
    case lowWeight(WeightFactor, value: Double, best: Double)
    /// Held back by the money: its weight against that of the last application in priority order
    /// that the allocation gives money (`lastID`).
    case belowLastFunded(weight: Double, lastWeight: Double, lastID: String)
    /// The committee decided it (`[decisions]`), with the reason recorded; `overridesEligibility`
    /// when the decision funds it although a criterion fails.
    case decided(Decision.Kind, reason: String, overridesEligibility: Bool)
    /// An eligibility criterion that fails, set aside by the committee's decision.
    case criterionOverridden(IneligibilityReason)
}

import LinearProgramming

/// What an application brings to the model once eligibility and weights are applied. A class, made
/// once per application and never changed: every outcome and report refers to the same one instead
/// of carrying a copy (a 100,000-application round would copy 25 MB of it per pass).
public final class PreparedApplication: Sendable {
    public let application: Application
    public let area: Area
    public let eligibility: Eligibility
    public let weight: WeightBreakdown
    /// `u'[a,c,y]` in DKK: the request with ineligible lines set to 0, `[yearIndex][category]`.
    public let eligibleRequest: [CategoryMap<Double>]
    /// `Σ_c u'[a,c,y]` per year, and over all years.
    public let eligibleByYear: [Double]
    public let eligibleTotal: Double
    /// The application's own `min_fraction` column, or else the scenario's rule (the column wins).
    public let minFraction: Double?
    /// The committee's decision on it, if any.
    public let decision: Decision?

    /// Eligible, or made so by a decision that overrides eligibility: the model gives it columns.
    public var isFundable: Bool { eligibility.isEligible || decision?.overrideEligibility == true }

    init(
        application: Application, area: Area, eligibility: Eligibility, weight: WeightBreakdown,
        eligibleRequest: [CategoryMap<Double>], eligibleByYear: [Double], eligibleTotal: Double, minFraction: Double?,
        decision: Decision? = nil
    ) {
        self.application = application
        self.area = area
        self.eligibility = eligibility
        self.weight = weight
        self.eligibleRequest = eligibleRequest
        self.eligibleByYear = eligibleByYear
        self.eligibleTotal = eligibleTotal
        self.minFraction = minFraction
        self.decision = decision
    }
}

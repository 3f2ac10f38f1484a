/// A committee decision on one application (`[decisions]` in the scenario), with the reason it
/// was taken: the optimum is where the committee starts, and what it decides is kept, by the model
/// and in every report, with its price.
public struct Decision: Sendable, Equatable {
    public enum Kind: Sendable, Hashable {
        /// Funded in full (`fund = "full"`).
        case full
        /// Not funded (`fund = "none"`).
        case none
        /// Funded at exactly this share of its eligible request (`share = 0.5`).
        case share(Double)
        /// Granted, over all its years, at least `min` and at most `max` kroner (`min`, `max`).
        case bounds(min: Double?, max: Double?)
        /// Under `per_year` commitment: at least and at most these kroner in the years given
        /// (`min = { 2009 = … }`, `max = { 2010 = … }`).
        case perYear(min: [Int: Double], max: [Int: Double])
    }

    public var kind: Kind
    public var reason: String
    /// The decision funds it although an eligibility criterion fails (`override_eligibility = true`).
    public var overrideEligibility: Bool
    /// Where it is written (the scenario file, its key).
    public var location: SourceLocation

    public init(kind: Kind, reason: String, overrideEligibility: Bool = false, location: SourceLocation) {
        self.kind = kind
        self.reason = reason
        self.overrideEligibility = overrideEligibility
        self.location = location
    }

    /// The range the application's share over all its years must lie in.
    public func shareRange(eligibleTotal: Double) -> ClosedRange<Double> {
        switch kind {
        case .full: return 1...1
        case .none: return 0...0
        case .share(let s): return s...s
        case .bounds(let low, let high):
            guard eligibleTotal > 0 else { return 0...0 }
            let lower = min(1, (low ?? 0) / eligibleTotal)
            let upper = min(1, (high ?? .infinity) / eligibleTotal)
            return lower...max(lower, upper)
        case .perYear(let low, _):
            // Over all years: at least what the years' minimums add up to (their rows hold the rest).
            guard eligibleTotal > 0 else { return 0...0 }
            return min(1, low.values.reduce(0, +) / eligibleTotal)...1
        }
    }
}

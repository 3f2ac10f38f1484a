/// The priority list the committee reads: the eligible applications in order of priority points
/// per krone (their weight: points per 1.000 kr.), each with its eligible request and the running
/// total of requests and of grants per year, and per year the line below the last application the
/// allocation funds that year: where that year's envelope runs out. The ineligible ones follow.
///
/// The order is the objective's own: a krone to an application earns its weight in points, so the
/// allocation funds the list from the top until a rule or the envelope stops it. Where a rule other
/// than the envelope binds (an area cap, the primary-area share, a floor), an application above
/// the line may get less than it asked and one below it something; the line sits under the last
/// application with money that year, and each row's reason says what held it.
public struct Ranking: Sendable {
    public struct Entry: Sendable {
        public let outcome: ApplicationOutcome
        /// Where it is in the allocation's outcomes (so its reasons are found).
        public let index: Int
        /// 1 for the first in priority order; `nil` for an ineligible application.
        public let place: Int?
        /// Eligible request per year, whole kroner.
        public let request: [Int]
        /// The requests of this and every application above it, per year.
        public let runningRequest: [Int]
        /// What the allocation grants this and every application above it, per year.
        public let runningGranted: [Int]
    }

    public let allocation: Allocation
    /// The eligible applications, best first (a tie in weight by id).
    public let ranked: [Entry]
    public let ineligible: [Entry]
    /// Per year, the index in `ranked` of the last application with money that year (the line is
    /// drawn below it); `nil` when the year funds none.
    public let lastFunded: [Int?]

    public init(_ allocation: Allocation) {
        self.allocation = allocation
        let years = allocation.years.count
        let outcomes = allocation.outcomes
        let eligible = outcomes.indices.filter { outcomes[$0].prepared.isFundable }.sorted {
            let (a, b) = (outcomes[$0].prepared.weight.weight, outcomes[$1].prepared.weight.weight)
            return a != b ? a > b : outcomes[$0].application.id < outcomes[$1].application.id
        }
        var request = [Int](repeating: 0, count: years)
        var granted = request
        var ranked: [Entry] = []
        for (k, index) in eligible.enumerated() {
            let outcome = outcomes[index]
            let asked = outcome.prepared.eligibleByYear.map { Int($0.rounded()) }
            for y in 0..<years {
                request[y] += asked[y]
                granted[y] += outcome.grantedByYear[y]
            }
            ranked.append(
                Entry(
                    outcome: outcome, index: index, place: k + 1, request: asked, runningRequest: request,
                    runningGranted: granted))
        }
        self.ranked = ranked
        ineligible = outcomes.indices.filter { !outcomes[$0].prepared.isFundable }.map { index in
            let zero = [Int](repeating: 0, count: years)
            let outcome = outcomes[index]
            return Entry(
                outcome: outcome, index: index, place: nil, request: outcome.requested, runningRequest: zero,
                runningGranted: zero)
        }
        lastFunded = (0..<years).map { y in ranked.lastIndex { $0.outcome.grantedByYear[y] > 0 } }
    }

    /// The years whose line is drawn below `ranked[index]`.
    public func linesBelow(_ index: Int) -> [Int] {
        allocation.years.indices.filter { lastFunded[$0] == index }.map { allocation.years[$0] }
    }
}

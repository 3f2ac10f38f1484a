import LinearProgramming

/// What the committee's decisions cost: the priority points of the same scenario without its
/// decisions, against those with them, and the applications that gave way (granted less with the
/// decisions than without).
public struct DecisionPrice: Sendable {
    public struct GaveWay: Sendable, Equatable {
        public let id: String
        public let title: String
        /// Granted over all years without the decisions and with them (kroner).
        public let without: Int
        public let with: Int
    }

    public let pointsWith: Double
    public let pointsWithout: Double
    public let gaveWay: [GaveWay]
    /// Points given up for the decisions (never negative beyond the solver's tolerance: the
    /// decided optimum is the undecided one with more rules).
    public var price: Double { pointsWithout - pointsWith }

    /// `nil` when the scenario has no decisions.
    public static func compute(_ allocation: Allocation, round: Round, options: SolveOptions = SolveOptions()) throws
        -> DecisionPrice?
    {
        let scenario = allocation.scenario
        guard !scenario.decisions.isEmpty else { return nil }
        let without = try Allocator.solve(round: round, scenario: scenario.undecided, options: options)
        let granted = Dictionary(uniqueKeysWithValues: without.outcomes.map { ($0.application.id, $0.grantedTotal) })
        let gaveWay = allocation.outcomes.compactMap { o -> GaveWay? in
            let before = granted[o.application.id] ?? 0
            guard scenario.decisions[o.application.id] == nil, o.grantedTotal < before else { return nil }
            return GaveWay(id: o.application.id, title: o.application.title, without: before, with: o.grantedTotal)
        }.sorted { ($0.without - $0.with, $1.id) > ($1.without - $1.with, $0.id) }
        return DecisionPrice(
            pointsWith: allocation.priorityPoints, pointsWithout: without.priorityPoints, gaveWay: gaveWay)
    }
}

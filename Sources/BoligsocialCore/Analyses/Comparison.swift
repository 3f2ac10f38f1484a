/// Scenarios side by side and the applications whose funding changes between them.
public struct Comparison: Sendable {
    /// One application's share and money in each scenario (`nil` where it is not in that round).
    public struct Change: Sendable {
        public var id: String
        public var title: String
        public var shares: [Double?]
        public var granted: [Int?]
        public var statuses: [FundingStatus?]
        /// The largest change of its granted total against the first scenario (DKK).
        public var largestChange: Int
    }

    public var allocations: [Allocation]
    /// Every application whose share or money differs, largest change first.
    public var changes: [Change]

    public init(_ allocations: [Allocation]) {
        self.allocations = allocations
        var order: [String] = []
        var byID: [String: [Int: ApplicationOutcome]] = [:]
        for (s, allocation) in allocations.enumerated() {
            for outcome in allocation.outcomes {
                if byID[outcome.application.id] == nil { order.append(outcome.application.id) }
                byID[outcome.application.id, default: [:]][s] = outcome
            }
        }
        var changes: [Change] = []
        for id in order {
            let outcomes = allocations.indices.map { byID[id]?[$0] }
            let shares = outcomes.map { $0?.share }
            let granted = outcomes.map { $0?.grantedTotal }
            let differs =
                zip(shares, shares.dropFirst()).contains { a, b in
                    guard let a, let b else { return a != nil || b != nil }
                    return abs(a - b) > 1e-9
                } || Set(granted.map { $0 ?? -1 }).count > 1
            guard differs else { continue }
            let base = granted[0] ?? 0
            let largest = granted.map { ($0 ?? 0) - base }.max { abs($0) < abs($1) } ?? 0
            let title = outcomes.compactMap { $0?.application.title }.first ?? id
            changes.append(
                Change(
                    id: id, title: title, shares: shares, granted: granted,
                    statuses: outcomes.map { $0?.status }, largestChange: largest))
        }
        self.changes = changes.sorted {
            abs($0.largestChange) != abs($1.largestChange)
                ? abs($0.largestChange) > abs($1.largestChange) : $0.id < $1.id
        }
    }
}

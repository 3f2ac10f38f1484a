import LinearProgramming

/// One weight of the scenario that the officer can set: a `[weights.*]` key.
public enum WeightParameter: Sendable, Hashable {
    case focus(FocusArea)
    case outsideFocus
    case risk(RiskClass)
    case targetGroup(TargetGroup)
    case quality(QualityCriterion)
    case objective(Objective)
    case assessment(Int)

    /// The key as a scenario file writes it.
    public var key: String {
        switch self {
        case .focus(let f): "weights.focus.\(f.rawValue)"
        case .outsideFocus: "weights.focus.outside"
        case .risk(let r): "weights.risk.\(r.rawValue)"
        case .targetGroup(let t): "weights.target_group.\(t.rawValue)"
        case .quality(let q): "weights.quality.\(q.rawValue)"
        case .objective(let o): "weights.objective.\(o.rawValue)"
        case .assessment(let score): "weights.assessment.\"\(score)\""
        }
    }

    public func value(in weights: Weights) -> Double {
        switch self {
        case .focus(let f): weights.focus[f] ?? 1
        case .outsideFocus: weights.outsideFocus
        case .risk(let r): weights.risk[r] ?? 0
        case .targetGroup(let t): weights.targetGroup[t] ?? 0
        case .quality(let q): weights.quality[q] ?? 0
        case .objective(let o): weights.objective[o] ?? 1
        case .assessment(let score): weights.assessment[score] ?? 1
        }
    }

    public func set(_ value: Double, in weights: inout Weights) {
        switch self {
        case .focus(let f): weights.focus[f] = value
        case .outsideFocus: weights.outsideFocus = value
        case .risk(let r): weights.risk[r] = value
        case .targetGroup(let t): weights.targetGroup[t] = value
        case .quality(let q): weights.quality[q] = value
        case .objective(let o): weights.objective[o] = value
        case .assessment(let score): weights.assessment[score] = value
        }
    }

    /// Every weight, in the order of the scenario file's tables.
    public static let all: [WeightParameter] =
        FocusArea.allCases.map(focus) + [.outsideFocus] + RiskClass.allCases.map(risk)
        + TargetGroup.allCases.map(targetGroup) + QualityCriterion.allCases.map(quality)
        + Objective.allCases.map(objective)
        + (1...5).map(assessment)
}

/// How far each weight can move before the set of fully funded, partly funded and unfunded
/// applications changes, and what changes first just outside (`boligsocial sensitivity`).
///
/// Exact, from one kept problem: a weight enters every application's weight `F·R·T·Q·O·V`
/// linearly (one factor is affine in it), so the objective moves along a fixed direction as the
/// weight moves. The basis of a solve stays optimal over an interval of the weight, read from the
/// reduced costs at the weight and one unit along (`SolverSession.objectiveRange`); over it the
/// allocation is the same. Just past its end the problem is solved again from that basis, and the
/// walk goes on until the statuses differ (a change of basis need not change them). Under
/// `focus_mode = "max"` an application's focus factor has kinks where another of its focus areas'
/// weights is passed; a step never crosses one.
public struct Sensitivity: Sendable {
    public struct Change: Sendable, Equatable {
        public var id: String
        public var from: FundingStatus
        public var to: FundingStatus
    }

    public struct Interval: Sendable {
        public var parameter: WeightParameter
        public var value: Double
        /// The interval of the weight over which the statuses stay those of the scenario: from
        /// `lower` (0 when nothing changes down to 0: weights are not negative) to `upper` (`nil`
        /// when nothing changes however high).
        public var lower: Double
        public var upper: Double?
        /// What changes just below `lower` (empty when `lower` is 0 and nothing changes) and just above `upper`.
        public var below: [Change]
        public var above: [Change]
        /// The applications whose weight moves with this one.
        public var applications: Int
    }

    public var scenario: Scenario
    public var intervals: [Interval]
    /// The weights that no eligible application's weight depends on (nothing can change).
    public var unused: [WeightParameter]
    /// The statuses at the scenario's own weights.
    public var statuses: [String: FundingStatus]

    /// How far past an interval's end the problem is solved (relative to the weight, at least
    /// this absolute): well beyond the solver's tolerances, well below any weight's meaningful digits.
    public static let step = 1e-5

    public static func compute(
        round: Round, scenario: Scenario, options: SolveOptions = SolveOptions(),
        parameters: [WeightParameter] = WeightParameter.all
    ) throws -> Sensitivity {
        let session = try ModelSession(round: round, scenario: scenario, options: options)
        guard !session.isMixedInteger else { throw Unsupported.mixedInteger }
        let model = session.model
        func weights(_ w: Weights) -> [Double] {
            model.prepared.map { WeightBreakdown($0.application, risk: $0.area.risk, weights: w).weight }
        }
        func statuses() throws -> [FundingStatus] {
            let solution = try session.solve()
            guard solution.status == .optimal else {
                if solution.status == .infeasible { throw InfeasibleScenario(round: round, scenario: scenario) }
                throw LPError.solverFailed("the sensitivity model is \(solution.status)")
            }
            return Allocation(model: model, solution: solution, scenario: scenario).outcomes.map(\.status)
        }
        let base = try statuses()
        let ids = model.prepared.map(\.application.id)
        func changes(_ now: [FundingStatus]) -> [Change] {
            base.indices.filter { base[$0] != now[$0] }.map { Change(id: ids[$0], from: base[$0], to: now[$0]) }
        }
        var intervals: [Interval] = []
        var unused: [WeightParameter] = []
        for parameter in parameters {
            let value = parameter.value(in: scenario.weights)
            func weightsAt(_ p: Double) -> [Double] {
                var w = scenario.weights
                parameter.set(p, in: &w)
                return weights(w)
            }
            let atValue = weightsAt(value)
            let oneUp = weightsAt(value + 1)
            let moved = model.prepared.indices.filter {
                model.prepared[$0].isFundable && !model.shareColumns[$0].isEmpty
            }
            .filter { abs(oneUp[$0] - atValue[$0]) > 1e-12 }
            guard !moved.isEmpty else {
                unused.append(parameter)
                continue
            }
            let kinks = Self.kinks(parameter, scenario: scenario, model: model)
            /// Walks from `value` in `direction` (+1 up, −1 down) to where the statuses change.
            func walk(_ direction: Double) throws -> (end: Double?, change: [Change]) {
                var p = value
                // Back to the scenario's weights and an optimal basis there (the statuses are `base`).
                try session.setWeights(atValue)
                guard try session.solve().status == .optimal else {
                    throw LPError.solverFailed("the sensitivity model at \(parameter.key) = \(value)")
                }
                for _ in 0..<10_000 {
                    let here = weightsAt(p)
                    // The rate of each weight along the walk (exact: affine in the weight between
                    // kinks), measured on the side the walk goes, short of the next kink.
                    let nextKink = direction > 0 ? kinks.first(where: { $0 > p }) : kinks.last(where: { $0 < p })
                    let h = nextKink.map { min(1, abs($0 - p) / 2) } ?? 1
                    let ahead = weightsAt(p + direction * h)
                    let rates = here.indices.map { (ahead[$0] - here[$0]) * direction / h }
                    guard let range = try session.weightRange(rates: rates) else {
                        throw LPError.solverFailed("no optimal basis to range at \(parameter.key) = \(p)")
                    }
                    var reach = direction > 0 ? range.upper.map { p + $0 } : range.lower.map { p + $0 }
                    // Never across a kink of a focus factor, nor below 0.
                    if let kink = nextKink {
                        reach = reach.map { direction > 0 ? min($0, kink) : max($0, kink) } ?? kink
                    }
                    if direction < 0 { reach = max(reach ?? 0, 0) }
                    guard let end = reach else { return (nil, []) }
                    if direction < 0 && end <= 0 {
                        // Down to 0 with the same basis: the statuses hold at 0.
                        return (0, [])
                    }
                    let next = end + direction * Self.step * max(1, abs(end))
                    if direction < 0 && next < 0 {
                        // The last step reaches 0: solve there.
                        try session.setWeights(weightsAt(0))
                        let now = try statuses()
                        return now == base ? (0, []) : (end, changes(now))
                    }
                    try session.setWeights(weightsAt(next))
                    let now = try statuses()
                    if now != base { return (end, changes(now)) }
                    p = next
                }
                throw LPError.solverFailed("the walk of \(parameter.key) did not end")
            }
            let up = try walk(1)
            let down = try walk(-1)
            intervals.append(
                Interval(
                    parameter: parameter, value: value, lower: down.end ?? 0, upper: up.end,
                    below: down.change, above: up.change, applications: moved.count))
        }
        try session.setWeights(weights(scenario.weights))
        return Sensitivity(
            scenario: scenario, intervals: intervals, unused: unused,
            statuses: Dictionary(uniqueKeysWithValues: zip(ids, base)))
    }

    /// Under `focus_mode = "max"`, the weights of the other focus areas where an application's
    /// focus factor switches from one area to another as this focus area's weight moves.
    static func kinks(_ parameter: WeightParameter, scenario: Scenario, model: AllocationModel) -> [Double] {
        guard scenario.weights.focusMode == .max, case .focus(let f) = parameter else { return [] }
        var values = Set<Double>()
        for p in model.prepared where p.application.focus.contains(f) {
            for other in p.application.focus where other != f { values.insert(scenario.weights.focus[other] ?? 1) }
        }
        return values.sorted()
    }

    public enum Unsupported: Error, Equatable {
        /// A mixed-integer scenario has no basis to range (min_fraction, max_projects).
        case mixedInteger
    }
}

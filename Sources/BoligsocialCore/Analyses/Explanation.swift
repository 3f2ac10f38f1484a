import LinearProgramming

/// Why one application gets what it gets (docs/json.md `explain`).
public struct Explanation: Sendable {
    /// One eligibility check: whether the rule is on, whether the application passes, and the memo's principle.
    public struct Check: Sendable {
        public var reason: IneligibilityReason
        public var ruleIsOn: Bool
        public var passes: Bool
    }

    /// How much more would fund the application fully.
    public enum Need: Sendable, Equatable {
        /// Already fully funded.
        case none
        /// The smallest factor that does it (on every year's envelope, or on its weight).
        case factor(Double)
        /// No factor up to the one tried does it: a rule, not money or weight, holds it back.
        case unreachable(upTo: Double)
        /// Ineligible: no money or weight changes that.
        case notApplicable
    }

    public var outcome: ApplicationOutcome
    public var checks: [Check]
    /// Points per 1.000 kr. it earns (its weight) against what the last 1.000 kr. earns elsewhere.
    public var marginalPointsPer1000: [Double]?
    /// Reduced cost of its share, in points per 1.000 kr. of its request: negative when giving it
    /// money would cost points elsewhere, positive when it is fully funded with points to spare.
    public var reducedCostPer1000: Double?
    /// Every year's envelope times this factor funds it fully.
    public var envelopeNeed: Need
    /// Its weight times this factor funds it fully.
    public var weightNeed: Need
    /// The least extra money per year (DKK, whole 1.000 kr., each year down from the common factor
    /// on its own, the others held) that funds it fully; `nil` when money cannot or need not.
    public var extraByYear: [Double]?
    /// Each rule that funds it fully when it alone is loosened (the envelopes and the other rules
    /// held), and how far; the rules that cannot do it alone are left out.
    public var ruleChanges: [RuleChange] = []
    public var envelope: [Double]
    public var years: [Int]

    /// Solves the scenario once and then re-solves the kept problem to find what would fund the
    /// application fully: bisection on the envelope scale and on its weight. `nil` when no
    /// application has the id; `InfeasibleScenario` when the scenario has no allocation.
    public static func explain(id: String, round: Round, scenario: Scenario) throws -> Explanation? {
        guard let a = round.applications.firstIndex(where: { $0.id == id }) else { return nil }
        let session = try ModelSession(round: round, scenario: scenario)
        let solution = try session.solve()
        guard solution.status != .infeasible else { throw InfeasibleScenario(round: round, scenario: scenario) }
        guard solution.status.hasSolution else { throw LPError.solverFailed("\(scenario.name): \(solution.status)") }
        let allocation = Allocation(model: session.model, solution: solution, scenario: scenario)
        let outcome = allocation.outcomes[a]
        let rules = scenario.rules
        let eligibility = outcome.prepared.eligibility
        let checks: [Check] = [
            Check(
                reason: .sofNotInSteeringGroup, ruleIsOn: rules.requireSofInSteeringGroup,
                passes: outcome.application.sofInSteeringGroup),
            Check(
                reason: .noObjective, ruleIsOn: rules.requireObjective, passes: !outcome.application.objectives.isEmpty),
            Check(
                reason: .activitiesWithoutAccounting, ruleIsOn: rules.requireActivityAccounting,
                passes: !eligibility.reasons.contains(.activitiesWithoutAccounting)),
            Check(
                reason: .needNotDocumented, ruleIsOn: rules.requireNeedDocumented,
                passes: outcome.application.needDocumented),
        ]
        var reduced: Double?
        if !solution.isMixedInteger, let first = session.model.shareColumns[a].first?.first,
            outcome.prepared.eligibleTotal > 0
        {
            let perYear = rules.commitment == .perYear
            let base = perYear ? outcome.prepared.eligibleByYear[0] : outcome.prepared.eligibleTotal
            // Per unit of share, the column's reduced cost times its scale; then per 1.000 kr. of request.
            if base > 0, let d = solution.reducedCost(first) {
                reduced = d * session.model.scale(of: first) / (base / AllocationModel.unit)
            }
        }
        var explanation = Explanation(
            outcome: outcome, checks: checks, marginalPointsPer1000: allocation.marginalPointsPer1000,
            reducedCostPer1000: reduced, envelopeNeed: .notApplicable, weightNeed: .notApplicable, extraByYear: nil,
            envelope: scenario.envelopes, years: scenario.years)
        guard outcome.status != .ineligible, !session.model.shareColumns[a].isEmpty else { return explanation }
        guard outcome.status != .full else {
            explanation.envelopeNeed = .none
            explanation.weightNeed = .none
            return explanation
        }
        func fullyFunded() throws -> Bool {
            let solution = try session.solve()
            guard solution.status.hasSolution else { return false }
            return Allocation(model: session.model, solution: solution, scenario: session.scenario).outcomes[a].share
                >= 1
        }
        explanation.envelopeNeed = try smallestFactor(limit: max(8, Frontier.fullFundingScale(session.model) * 2)) {
            t in
            try session.setEnvelopes(scenario.envelopes.map { $0 * t })
            return try fullyFunded()
        }
        if case .factor(let t) = explanation.envelopeNeed {
            // From the common factor, each year brought down on its own to the least that still
            // funds it (whole 1.000 kr., never below the year's own envelope), passes until none moves.
            let current = scenario.envelopes
            var asked = current.map { ($0 * t / 1000).rounded(.up) * 1000 }
            func funds(_ envelope: [Double]) throws -> Bool {
                try session.setEnvelopes(envelope)
                return try fullyFunded()
            }
            if try funds(asked) {
                for _ in 0..<3 {
                    var moved = false
                    for y in asked.indices where asked[y] > current[y] {
                        var low = current[y]
                        var high = asked[y]
                        var trial = asked
                        while high - low > 1000 {
                            let mid = ((low + high) / 2000).rounded(.down) * 1000
                            trial[y] = max(mid, current[y])
                            if try funds(trial) { high = trial[y] } else { low = trial[y] }
                        }
                        trial[y] = current[y]
                        if try funds(trial) { high = current[y] }
                        if high < asked[y] {
                            asked[y] = high
                            moved = true
                        }
                    }
                    if !moved { break }
                }
                explanation.extraByYear = zip(asked, current).map { max(0, $0 - $1) }
            }
        }
        try session.setEnvelopes(scenario.envelopes)
        explanation.ruleChanges = try RuleChange.each(round: round, scenario: scenario) { changed in
            do {
                return try Allocator.solve(round: round, scenario: changed, jobs: 1).outcomes[a].share >= 1
            } catch is InfeasibleScenario {
                return false
            }
        }
        explanation.weightNeed = try smallestFactor(limit: 1e4) { k in
            try session.scaleWeight(ofApplication: a, by: k)
            return try fullyFunded()
        }
        return explanation
    }

    /// The smallest factor ≥ 1 for which `funds` holds, to 1e-6 relative (doubling, then bisection).
    static func smallestFactor(limit: Double, _ funds: (Double) throws -> Bool) throws -> Need {
        var high = 1.0
        repeat {
            high *= 2
            if high > limit { return try funds(limit) ? .factor(limit) : .unreachable(upTo: limit) }
        } while try !funds(high)
        var low = high / 2
        while high - low > 1e-6 * high {
            let mid = (low + high) / 2
            if try funds(mid) { high = mid } else { low = mid }
        }
        return .factor(high)
    }
}

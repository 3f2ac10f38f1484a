import LinearProgramming

/// The priority points of a scenario as a function of the envelope scale `t` (every year's envelope
/// times `t`): piecewise linear and concave for an LP.
public struct Frontier: Sendable {
    /// The start of one linear piece.
    public struct Breakpoint: Sendable, Equatable {
        public var scale: Double
        public var priorityPoints: Double
        /// Slope of the piece that starts here, in points per extra 1.000 kr. of total envelope
        /// (all years together, in proportion to the scenario's envelopes).
        public var marginalPointsPer1000: Double
    }

    public var breakpoints: [Breakpoint]
    /// Exact (parametric analysis of an LP) or sampled (a MIP).
    public var isExact: Bool
    /// The scenario's envelopes at `t = 1`, summed over the years (DKK).
    public var totalEnvelope: Double

    /// Points per unit of `t` on the piece starting at breakpoint `i`.
    func slopePerScale(_ i: Int) -> Double {
        breakpoints[i].marginalPointsPer1000 * totalEnvelope / AllocationModel.unit
    }

    /// The curve's value at `t` (linear between breakpoints, flat after the last when exact).
    public func value(at t: Double) -> Double? {
        guard let first = breakpoints.first, t >= first.scale - 1e-12 else { return nil }
        let i = breakpoints.lastIndex { $0.scale <= t } ?? 0
        if !isExact, i + 1 < breakpoints.count {
            let a = breakpoints[i]
            let b = breakpoints[i + 1]
            return a.priorityPoints + (b.priorityPoints - a.priorityPoints) * (t - a.scale) / (b.scale - a.scale)
        }
        return breakpoints[i].priorityPoints + slopePerScale(i) * (t - breakpoints[i].scale)
    }

    public static func compute(round: Round, scenario: Scenario, samples: Int = 41, maximumScale: Double? = nil) throws
        -> Frontier
    {
        let total = scenario.envelopes.reduce(0, +)
        let session = try ModelSession(round: round, scenario: scenario, parameter: .scale)
        if session.isMixedInteger {
            // A MIP's samples need not include the scenario's own envelopes: ask there first.
            try session.setScale(1)
            if try session.solve().status == .infeasible { throw InfeasibleScenario(round: round, scenario: scenario) }
            return try sampled(
                session, total: total, samples: samples, maximumScale: maximumScale ?? fullFundingScale(session.model))
        }
        return try exact(session, total: total, round: round)
    }

    /// Walks the pieces by GLPK's bound ranging on the scale column: solve at `t`, read the slope
    /// from the duals, ask how far `t` can move with this basis, step just past that point, repeat.
    static func exact(_ session: ModelSession, total: Double, round: Round) throws -> Frontier {
        let perScale = total / AllocationModel.unit
        var t = try smallestFeasibleScale(session, round: round)
        var breakpoints: [Breakpoint] = []
        var guardSteps = 0
        var stuck = 0
        func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
        while guardSteps < 200_000 {
            guardSteps += 1
            try session.setScale(t)
            let solution = try session.solve()
            guard solution.status == .optimal else {
                throw LPError.solverFailed("the frontier's model at scale \(t) is \(solution.status)")
            }
            let slope = scaleSlope(session.model, solution)
            guard let range = try session.scaleRange() else {
                // A degenerate basis holds the scale column: step a hair further and ask again.
                t = t * (1 + 1e-9) + 1e-12
                continue
            }
            let start = max(range.lower ?? 0, breakpoints.last?.scale ?? t)
            let startPoints = solution.objective - slope * (t - start)
            let marginal = perScale > 0 ? slope / perScale : 0
            if let last = breakpoints.last, abs(last.marginalPointsPer1000 - marginal) <= 1e-9 * max(1, abs(marginal)) {
                // Same slope: a change of basis without a change of piece.
            } else if let last = breakpoints.last, start - last.scale <= 1e-9 * max(1, start) {
                // A piece of zero length (a degenerate basis at a breakpoint): the new slope starts here.
                breakpoints[breakpoints.count - 1].marginalPointsPer1000 = marginal
            } else {
                breakpoints.append(
                    Breakpoint(
                        scale: breakpoints.isEmpty ? t : start, priorityPoints: startPoints,
                        marginalPointsPer1000: marginal))
            }
            guard let upper = range.upper, slope > 1e-12 else { break }
            // Step just past the end of this basis's range. Within GLPK's feasibility tolerance a
            // degenerate basis can survive a tiny step with its range ending right at `t`; then the
            // step grows tenfold each time (to at most 1e-4 of `t`) until the basis changes.
            if upper > t * (1 + 1e-7) + 1e-12 {
                stuck = 0
            } else {
                stuck = min(stuck + 1, 5)
            }
            t = max(upper, t) * (1 + 1e-9 * pow10(stuck)) + 1e-12
        }
        return Frontier(breakpoints: breakpoints, isExact: true, totalEnvelope: total)
    }

    /// `d P / d t = Σ_y π[y]·E[y]/1000`, from the duals of the rows `e[y] − t·E[y] = 0`.
    static func scaleSlope(_ model: AllocationModel, _ solution: Solution) -> Double {
        var slope = 0.0
        for (r, kind) in model.rowKinds.enumerated() {
            guard case .envelopeScale(let year) = kind, let y = model.scenario.years.firstIndex(of: year) else {
                continue
            }
            slope += solution.rowDuals[r] * model.scenario.envelopes[y] / AllocationModel.unit
        }
        return slope
    }

    /// 0, or, when floors make small envelopes infeasible, the smallest feasible scale (bisection:
    /// feasibility only grows with the envelopes). A scenario infeasible at its own envelopes
    /// (scale 1) throws `InfeasibleScenario`.
    static func smallestFeasibleScale(_ session: ModelSession, round: Round) throws -> Double {
        func feasible(_ t: Double) throws -> Bool {
            try session.setScale(t)
            let status = try session.solve().status
            if status.hasSolution || status == .infeasible { return status.hasSolution }
            throw LPError.solverFailed("the frontier's model at scale \(t) is \(status)")
        }
        if try feasible(0) { return 0 }
        var high = 1.0
        guard try feasible(high) else { throw InfeasibleScenario(round: round, scenario: session.model.scenario) }
        var low = 0.0
        for _ in 0..<80 where high - low > 1e-12 * high {
            let mid = (low + high) / 2
            if try feasible(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// The scale at which every year's envelope covers every eligible request of that year.
    static func fullFundingScale(_ model: AllocationModel) -> Double {
        let years = model.scenario.years
        var scale = 1.0
        for y in years.indices where model.scenario.envelopes[y] > 0 {
            let asked = model.prepared.reduce(0) { $0 + ($1.isFundable ? $1.eligibleByYear[y] : 0) }
            scale = max(scale, asked / model.scenario.envelopes[y])
        }
        return scale
    }

    /// A MIP has no duals to walk: sample `samples` scales from 0 to `maximumScale`.
    static func sampled(_ session: ModelSession, total: Double, samples: Int, maximumScale: Double) throws -> Frontier {
        var points: [Breakpoint] = []
        for t in Sweep.range(from: 0, to: maximumScale, steps: max(2, samples)) {
            try session.setScale(t)
            let solution = try session.solve()
            guard solution.status.hasSolution else { continue }
            points.append(Breakpoint(scale: t, priorityPoints: solution.objective, marginalPointsPer1000: 0))
        }
        for i in points.indices.dropLast() {
            let dt = (points[i + 1].scale - points[i].scale) * total / AllocationModel.unit
            points[i].marginalPointsPer1000 =
                dt > 0 ? (points[i + 1].priorityPoints - points[i].priorityPoints) / dt : 0
        }
        return Frontier(breakpoints: points, isExact: false, totalEnvelope: total)
    }
}

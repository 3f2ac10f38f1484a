import LinearProgramming

/// The wish proposal ("ønskeforslag"): the smallest yearly envelopes under which every eligible
/// application with weight ≥ `threshold` is funded to at least `share`, every rule of the scenario
/// kept (area caps and the primary share against the envelopes being chosen).
/// Which eligible applications the wish must fund besides the weight threshold: by id, by focus
/// area (any of its focus areas), by its area's risk class, by area. Every criterion given must
/// hold (they narrow together); none given means every application at the threshold.
public struct WishSelection: Sendable, Equatable {
    public var ids: Set<String>?
    public var focus: Set<FocusArea>?
    public var risk: Set<RiskClass>?
    public var areas: Set<String>?

    public init(
        ids: Set<String>? = nil, focus: Set<FocusArea>? = nil, risk: Set<RiskClass>? = nil, areas: Set<String>? = nil
    ) {
        self.ids = ids
        self.focus = focus
        self.risk = risk
        self.areas = areas
    }

    public var isEmpty: Bool { ids == nil && focus == nil && risk == nil && areas == nil }

    public func includes(_ p: PreparedApplication) -> Bool {
        (ids?.contains(p.application.id) ?? true) && (focus.map { !$0.isDisjoint(with: p.application.focus) } ?? true)
            && (risk?.contains(p.area.risk) ?? true) && (areas?.contains(p.area.id) ?? true)
    }
}

public struct WishProposal: Sendable {
    /// What to ask for, per year (DKK, whole 1.000 kr., rounded up from the minimum).
    public var envelope: [Double]
    /// The LP's minimum per year (DKK), before rounding up.
    public var minimum: [Double]
    /// The allocation the asked envelopes buy (the scenario solved with them).
    public var allocation: Allocation
    public var threshold: Double
    /// The criteria besides the threshold (`--target`, `--target-focus`, …).
    public var selection = WishSelection()
    public var share: Double
    public var flat: Bool
    /// The applications the proposal must fund (eligible, weight ≥ threshold, no decision on it:
    /// a decided application gets what the committee decided).
    public var targets: [String]
    /// When the priority-point-maximising allocation at the minimum would spend money elsewhere
    /// first (diminishing returns can do that), the minimum is raised by this factor until it funds
    /// every target; `nil` when no raise was needed.
    public var raisedBy: Double?
    /// With the scenario's decisions: what the same wish (the same targets) asks without them, per
    /// year (DKK); `nil` when the scenario has no decisions or the wish has no answer without them.
    public var withoutDecisions: [Double]?

    /// Whether the asked envelopes are the proven minimum: the LP minimum, which no allocation
    /// funding every target under the rules can go below, rounded up to whole 1.000 kr., already
    /// funds every target. Otherwise the answer was searched from the minimum upward (raised, then
    /// each year brought down), and the minimum is only a lower bound.
    public var isProvenMinimum: Bool { raisedBy == nil }

    /// The applications the asked envelopes fund (granted anything).
    public var funded: [String] { allocation.outcomes.filter { $0.grantedTotal > 0 }.map(\.application.id) }

    /// Why there is no wish to propose (the reports word it).
    public enum Failure: Error, Equatable {
        /// No eligible application reaches the `--threshold` weight.
        case noTargets(threshold: Double)
        /// No application is eligible with money to fund, whatever the threshold.
        case nothingEligible
        /// No envelopes fund every target under the scenario's priorities.
        case noEnvelopeFundsTargets
    }

    /// The proposal, and with decisions in the scenario what the same targets would ask without them.
    public static func compute(
        round: Round, scenario: Scenario, threshold: Double = 0, share: Double = 1,
        flat: Bool = false, selection: WishSelection = WishSelection(),
        options: SolveOptions = SolveOptions()
    ) throws -> WishProposal {
        var proposal = try searched(
            round: round, scenario: scenario, threshold: threshold, share: share, flat: flat,
            selection: selection, options: options)
        // Equal years are one answer the free years may give: when a search found more, the flat
        // answer is kept (so the free answer never asks more than `--flat`), marked as searched.
        if !flat, !proposal.isProvenMinimum,
            let even = try? searched(
                round: round, scenario: scenario, threshold: threshold, share: share, flat: true,
                selection: selection, options: options),
            even.envelope.reduce(0, +) < proposal.envelope.reduce(0, +)
        {
            proposal.envelope = even.envelope
            proposal.allocation = even.allocation
            proposal.raisedBy = even.raisedBy ?? 1
        }
        if !scenario.decisions.isEmpty {
            var same = selection
            same.ids = Set(proposal.targets)
            proposal.withoutDecisions = try? compute(
                round: round, scenario: scenario.undecided, threshold: threshold, share: share,
                flat: flat, selection: same, options: options
            ).envelope
        }
        return proposal
    }

    static func searched(
        round: Round, scenario: Scenario, threshold: Double, share: Double, flat: Bool,
        selection: WishSelection, options: SolveOptions
    ) throws -> WishProposal {
        let model = try AllocationModel(round: round, scenario: scenario, parameter: .chosen)
        var program = model.program
        for column in program.columnIDs { try program.setObjective(0, of: column) }
        for column in model.envelopeColumns { try program.setObjective(-1, of: column) }
        if flat {
            for (a, b) in zip(model.envelopeColumns, model.envelopeColumns.dropFirst()) {
                try program.addRow("flat_\(a.index)", bounds: .equal(0), terms: [(a, 1), (b, -1)])
            }
        }
        var targets: [Int] = []
        for (a, p) in model.prepared.enumerated()
        where !model.shareColumns[a].isEmpty && p.decision == nil && p.weight.weight >= threshold - Tolerance.weightTie
            && selection.includes(p)
        {
            targets.append(a)
            // Σ_s φ_s ≥ share, as lower bounds filling the segments in order: the segments of one
            // period have the same coefficient in every row, so any split of the share costs the
            // same money, and bounds (unlike rows) leave the solver little to do.
            for columns in model.shareColumns[a] where !columns.isEmpty {
                let scale = model.scale(of: columns[columns.startIndex])
                let width = scale / Double(columns.count)
                for (k, column) in columns.enumerated() {
                    let lower = min(width, max(0, share * scale - Double(k) * width))
                    try program.setBounds(.between(lower, width), of: column)
                }
            }
        }
        guard !targets.isEmpty else {
            let anyEligible = model.prepared.indices.contains { !model.shareColumns[$0].isEmpty }
            throw anyEligible ? Failure.noTargets(threshold: threshold) : Failure.nothingEligible
        }
        let solution = try SolverSession(program).solve(options)
        switch solution.status {
        case .optimal, .feasible: break
        case .infeasible:
            throw InfeasibleScenario(
                round: round, scenario: scenario, question: .wish(threshold: threshold, share: share))
        case .unbounded, .undefined: throw LPError.solverFailed("the wish proposal's model is \(solution.status)")
        }
        let minimum = model.envelopeColumns.map { solution.value($0) * AllocationModel.unit }
        let targetIDs = targets.map { model.prepared[$0].application.id }
        func ask(_ factor: Double) -> [Double] { minimum.map { ($0 * factor / 1000 - 1e-6).rounded(.up) * 1000 } }

        // Every trial envelope is solved on one kept problem, each from the last basis; only the
        // envelope columns' bounds change between trials.
        let session = try ModelSession(round: round, scenario: scenario, options: options)
        var lastFunding: (envelope: [Double], solution: Solution)?
        func fundsTargets(_ envelope: [Double]) throws -> Bool {
            try session.setEnvelopes(envelope)
            let solution = try session.solve()
            guard solution.status.hasSolution else { return false }
            let ok = targets.allSatisfy { a in
                let p = session.model.prepared[a]
                let periods = session.model.shareColumns[a]
                return scenario.years.indices.allSatisfy { y in
                    guard p.eligibleByYear[y] > 0 else { return true }
                    let period = periods.count == 1 ? periods[0] : periods[y]
                    return Rounding.snap(session.model.share(period, in: solution)) >= share - Tolerance.targetShare
                }
            }
            if ok { lastFunding = (envelope, solution) }
            return ok
        }
        /// The allocation the asked envelopes buy: the last funding solve when it was for them.
        func allocation(for envelope: [Double]) throws -> Allocation {
            if let last = lastFunding, last.envelope == envelope {
                return Allocation(
                    model: session.model, solution: last.solution, scenario: session.scenario(with: envelope))
            }
            guard try fundsTargets(envelope), let last = lastFunding else {
                throw Failure.noEnvelopeFundsTargets
            }
            return Allocation(model: session.model, solution: last.solution, scenario: session.scenario(with: envelope))
        }
        if try fundsTargets(ask(1)) {
            return WishProposal(
                envelope: ask(1), minimum: minimum, allocation: try allocation(for: ask(1)), threshold: threshold,
                selection: selection, share: share, flat: flat, targets: targetIDs, raisedBy: nil)
        }
        // Raise all years together until the points-maximising allocation funds every target.
        func smallestFactor(_ envelope: (Double) -> [Double]) throws -> Double {
            var low = 1.0
            var high = 2.0
            while try !fundsTargets(envelope(high)) {
                low = high
                high *= 2
                if high > 1e6 { throw Failure.noEnvelopeFundsTargets }
            }
            while high - low > 1e-4 * high {
                let mid = (low + high) / 2
                if try fundsTargets(envelope(mid)) { high = mid } else { low = mid }
            }
            return high
        }
        let high = try smallestFactor(ask)
        var asked = ask(high)
        if !flat {
            asked = try tightened(asked, minimum: minimum, funds: fundsTargets)
            // The same search from equal years, each then brought down on its own: the free answer
            // is kept only where it asks no more than that (a raise in proportion to the LP minimum
            // can overshoot where the allocation needs money spread evenly).
            let top = minimum.max() ?? 0
            func even(_ factor: Double) -> [Double] {
                minimum.map { $0 > 0 ? ((top * factor / 1000 - 1e-6).rounded(.up) * 1000) : 0 }
            }
            let fromEven = try tightened(even(try smallestFactor(even)), minimum: minimum, funds: fundsTargets)
            if fromEven.reduce(0, +) < asked.reduce(0, +) { asked = fromEven }
        }
        return WishProposal(
            envelope: asked, minimum: minimum, allocation: try allocation(for: asked), threshold: threshold,
            selection: selection, share: share, flat: flat, targets: targetIDs, raisedBy: high)
    }

    /// After a common raise, each year is brought down on its own, in whole 1.000 kr., to the
    /// least amount that still funds every target with the other years held; passes repeat until
    /// no year can give up 1% (the raise is common, but the year that needed it may be only one).
    static func tightened(_ start: [Double], minimum: [Double], funds: ([Double]) throws -> Bool) throws -> [Double] {
        var asked = start
        for _ in 0..<4 {
            var changed = false
            for y in asked.indices where asked[y] > 0 {
                var trial = asked
                func fundsWith(_ amount: Double) throws -> Bool {
                    trial[y] = amount
                    return try funds(trial)
                }
                var low = max(0, (minimum[y] / 1000).rounded(.down) * 1000 - 1000)
                var high = asked[y]
                while high - low > 1000 {
                    let mid = ((low + high) / 2000).rounded(.down) * 1000
                    if try fundsWith(mid) { high = mid } else { low = mid }
                }
                let cut = ((high * 0.99) / 1000).rounded(.up) * 1000
                if cut < high, try fundsWith(cut) { high = cut }
                if high < asked[y] {
                    asked[y] = high
                    changed = true
                }
            }
            if !changed { break }
        }
        return asked
    }
}

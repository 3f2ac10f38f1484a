import LinearProgramming

/// A scenario's model loaded into GLPK once and re-solved as its envelopes or weights change:
/// the basis of each solve is the start of the next (dual simplex, since only bounds move).
/// Like the `SolverSession` inside it, it belongs to the thread that made it.
public final class ModelSession {
    public let model: AllocationModel
    let problem: SolverSession
    public let options: SolveOptions
    public private(set) var envelopes: [Double]

    public init(
        round: Round, scenario: Scenario, parameter: AllocationModel.EnvelopeParameter = .fixed,
        options: SolveOptions = SolveOptions()
    ) throws {
        model = try AllocationModel(round: round, scenario: scenario, parameter: parameter)
        problem = try SolverSession(model.program)
        self.options = options
        envelopes = scenario.envelopes
    }

    public var isMixedInteger: Bool { model.program.isMixedInteger }

    /// Sets each year's envelope (DKK); only the fixed bounds of the envelope columns change.
    public func setEnvelopes(_ amounts: [Double]) throws {
        for (y, column) in model.envelopeColumns.enumerated() {
            try problem.setBounds(.equal(amounts[y] / AllocationModel.unit), of: column)
        }
        envelopes = amounts
    }

    /// The next solve starts from the greedy basis for the bounds as they then stand, not from the
    /// last basis: the better start after a large move of the envelopes.
    public func restartFromGreedyBasis() throws { try problem.restartFromGreedyBasis() }

    /// The scenario with the envelopes currently set.
    public var scenario: Scenario { scenario(with: envelopes) }

    /// The scenario with each year's envelope set to `amounts` (DKK).
    public func scenario(with amounts: [Double]) -> Scenario {
        var s = model.scenario
        for (y, year) in s.years.enumerated() { s.envelope[year] = amounts[y] }
        return s
    }

    public func solve() throws -> Solution { try problem.solve(options) }

    /// Solves and turns the result into an allocation in whole kroner.
    public func allocation() throws -> Allocation {
        Allocation(model: model, solution: try solve(), scenario: scenario)
    }

    /// Multiplies the objective coefficients of application `a`'s share columns by `factor`
    /// (its weight, as `explain` asks "how much more weight would fund it?").
    public func scaleWeight(ofApplication a: Int, by factor: Double) throws {
        let weight = factor * model.prepared[a].weight.weight
        for (column, objective) in coefficients(ofApplication: a, weight: weight) {
            try problem.setObjective(objective, of: column)
        }
    }

    /// The objective coefficient of each of application `a`'s share columns per unit of its weight.
    func perUnitWeight(ofApplication a: Int) -> [(LinearProgram.ColumnID, Double)] {
        coefficients(ofApplication: a, weight: 1)
    }

    /// Application `a`'s share columns with their objective coefficients at `weight`
    /// (`AllocationModel.objective`, as the model was built).
    private func coefficients(ofApplication a: Int, weight: Double) -> [(LinearProgram.ColumnID, Double)] {
        let returns = model.scenario.rules.returns ?? [1]
        let p = model.prepared[a]
        let perYear = model.scenario.rules.commitment == .perYear
        return model.shareColumns[a].enumerated().flatMap { period, columns in
            let request = perYear ? p.eligibleByYear[period] : p.eligibleTotal
            return columns.enumerated().map { s, column in
                let objective = AllocationModel.objective(
                    weight: weight, return: returns[s], request: request, scale: model.scale(of: column))
                return (column, objective)
            }
        }
    }

    /// Sets every application's weight (the objective of its share columns).
    public func setWeights(_ weights: [Double]) throws {
        for a in model.prepared.indices {
            for (column, perUnit) in perUnitWeight(ofApplication: a) {
                try problem.setObjective(weights[a] * perUnit, of: column)
            }
        }
    }

    /// The interval of `Δ` over which the weights `w + Δ·rates` keep the last basis, and with it
    /// the allocation, optimal.
    public func weightRange(rates: [Double]) throws -> (lower: Double?, upper: Double?)? {
        let direction = model.prepared.indices.filter { rates[$0] != 0 }.flatMap { a in
            perUnitWeight(ofApplication: a).map { ($0.0, $0.1 * rates[a]) }
        }
        return try problem.objectiveRange(direction: direction)
    }

    /// Sets the envelope scale `t` of a `.scale` model.
    func setScale(_ t: Double) throws {
        guard let column = model.scaleColumn else { return }
        try problem.setBounds(.equal(t), of: column)
    }

    /// The range of `t` over which the current basis stays optimal (`.scale` models).
    func scaleRange() throws -> (lower: Double?, upper: Double?)? {
        guard let column = model.scaleColumn else { return nil }
        return try problem.boundRange(of: column)
    }
}

import LinearProgramming

/// Why a scenario is infeasible: the policy rules that conflict, in which year, and the smallest
/// relaxation of each that makes the scenario feasible.
///
/// Found by an elastic version of the model: every policy row (primary share, area caps, focus
/// floors, minimum fractions, the project cap) gets a slack, and the total slack, in 1.000 kr. (and
/// projects), is minimised. The envelopes stay hard: the money is what it is. The elastic
/// solution is itself feasible for the relaxed rules, so applying every relaxation always works.
public struct Diagnosis: Sendable {
    public struct Relaxation: Sendable, Equatable {
        public var kind: ConstraintKind
        /// How far the rule is missed in the elastic solution: DKK for floors, caps and the primary
        /// share, projects for `max_projects`, a share for a minimum fraction.
        public var shortfall: Double
        /// The rule's value in the scenario, and the value that makes this row hold.
        public var current: Double
        public var needed: Double
    }

    public var relaxations: [Relaxation]
    /// The scenario's rules with every relaxation applied.
    public var relaxedRules: Rules
    /// Each rule that makes the scenario feasible when it alone is loosened, and how far (the
    /// others and every decision held); the rules that cannot do it alone are left out.
    public var singleRule: [RuleChange] = []
    /// The decisions whose removal alone makes the scenario feasible.
    public var singleDecision: [String] = []

    /// The diagnosis of a scenario found infeasible, as every command and the server give it:
    /// the diagnosis (`nil` when the elastic model finds no rule to relax), or why the elastic
    /// model itself could not be solved.
    public static func of(_ infeasible: InfeasibleScenario) -> (diagnosis: Diagnosis?, failure: String?) {
        do {
            return (try diagnose(round: infeasible.round, scenario: infeasible.scenario), nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    /// `nil` when the scenario is feasible.
    public static func diagnose(round: Round, scenario: Scenario, options: SolveOptions = SolveOptions()) throws
        -> Diagnosis?
    {
        let model = try AllocationModel(round: round, scenario: scenario)
        var program = model.program
        for column in program.columnIDs { try program.setObjective(0, of: column) }
        var slacks: [(Int, LinearProgram.ColumnID)] = []
        let rowIDs = program.rowIDs
        for (r, kind) in model.rowKinds.enumerated() {
            let signs: [Double]
            if let rule = kind.rule {
                signs = rule.elasticSigns
            } else if case .decision = kind {
                // A decision may be missed either way (too little for `full`, too much for `none`).
                signs = [1, -1]
            } else {
                continue // the envelopes and a selection's switch stay hard
            }
            for sign in signs {
                let slack = try program.addColumn(
                    "slack_\(program.rows[r].name)\(sign < 0 ? "_over" : "")", bounds: .atLeast(0), objective: -1)
                try program.addTerm(row: rowIDs[r], column: slack, value: sign)
                slacks.append((r, slack))
            }
        }
        let solution = try SolverSession(program).solve(options)
        guard solution.status.hasSolution else { throw LPError.solverFailed("the elastic model is \(solution.status)") }
        guard slacks.contains(where: { solution.value($0.1) > Tolerance.elasticSlack }) else { return nil }
        let allocation = Allocation(model: model, solution: solution, scenario: scenario)
        var relaxations: [Relaxation] = []
        var rules = scenario.rules
        for (r, slack) in slacks {
            let s = solution.value(slack)
            guard s > Tolerance.elasticSlack else { continue }
            let kind = model.rowKinds[r]
            let relaxation = describe(
                kind, slack: s, allocation: allocation, scenario: scenario, solution: solution, model: model)
            relaxations.append(relaxation)
            apply(relaxation, to: &rules)
        }
        var diagnosis = Diagnosis(relaxations: relaxations, relaxedRules: rules)
        let feasible = RuleChange.feasible(round: round, options: options)
        diagnosis.singleRule = try RuleChange.each(round: round, scenario: scenario, holds: feasible)
        diagnosis.singleDecision = try scenario.decisions.keys.sorted().filter { id in
            var without = scenario
            without.decisions[id] = nil
            return try feasible(without)
        }
        return diagnosis
    }

    static func describe(
        _ kind: ConstraintKind, slack s: Double, allocation: Allocation, scenario: Scenario,
        solution: Solution, model: AllocationModel
    ) -> Relaxation {
        // The rule's value in the scenario (a row exists only for a rule that is on).
        let current = kind.rule?.value(in: scenario.rules) ?? 0
        func yearIndex(_ year: Int) -> Int { scenario.years.firstIndex(of: year)! }
        func money(_ y: Int, _ include: (ApplicationOutcome) -> Bool) -> Double {
            allocation.outcomes.reduce(0) { $0 + (include($1) ? Double($1.grantedByYear[y]) : 0) }
        }
        switch kind {
        case .floor:
            // One krone of margin for the rounding of the reported amounts.
            return Relaxation(
                kind: kind, shortfall: s * AllocationModel.unit, current: current,
                needed: max(0, (current - s * AllocationModel.unit).rounded(.down) - 1))
        case .primaryShare(let year):
            let y = yearIndex(year)
            let total = money(y) { _ in true }
            let achieved = total > 0 ? money(y) { $0.prepared.area.risk.isPrimary } / total : 0
            return Relaxation(
                kind: kind, shortfall: s * AllocationModel.unit, current: current,
                needed: max(0, (achieved * 1e4).rounded(.down) / 1e4 - 1e-4))
        case .areaShare(let area, let year):
            let y = yearIndex(year)
            let envelope = scenario.envelopes[y]
            let inArea = money(y) { $0.prepared.area.id == area } + s * AllocationModel.unit
            return Relaxation(
                kind: kind, shortfall: s * AllocationModel.unit, current: current,
                needed: envelope > 0 ? min(1, (inArea / envelope * 1e4).rounded(.up) / 1e4 + 1e-4) : 1)
        case .maxProjects:
            return Relaxation(kind: kind, shortfall: s, current: current, needed: current + s.rounded(.up))
        case .minimumFraction(let id):
            let share = allocation.outcomes.first { $0.application.id == id }?.share ?? 0
            let own = allocation.outcomes.first { $0.application.id == id }?.prepared.minFraction ?? 0
            // The row is in 1.000 kr. (the share times the application's selection scale): back to a share.
            let scale = model.prepared.firstIndex { $0.application.id == id }.map(model.selectionScale) ?? 1
            return Relaxation(
                kind: kind, shortfall: s / max(scale, .leastNormalMagnitude), current: own,
                needed: max(0, (share * 1e4).rounded(.down) / 1e4 - 1e-4))
        case .yearToYear:
            // In shares: the change from one year to the next that the scenario needs.
            return Relaxation(
                kind: kind, shortfall: s, current: current,
                needed: min(1, ((current + s) * 1e4).rounded(.up) / 1e4 + 1e-4))
        case .decision(let id):
            // In 1.000 kr. of the row: how far the decided money is missed. `current` is what the
            // decision asks over all years and `needed` what the rules and envelopes allow.
            let outcome = allocation.outcomes.first { $0.application.id == id }
            let decided = outcome.flatMap { o in
                o.prepared.decision.map { $0.shareRange(eligibleTotal: o.prepared.eligibleTotal) }
            }
            let total = outcome?.prepared.eligibleTotal ?? 0
            return Relaxation(
                kind: kind, shortfall: s * AllocationModel.unit, current: (decided?.lowerBound ?? 0) * total,
                needed: Double(outcome?.grantedTotal ?? 0))
        case .sofShare(let id, let year):
            // The share of the project's budget that the rest of the rules need SOF to grant.
            let y = yearIndex(year)
            let outcome = allocation.outcomes.first { $0.application.id == id }
            let budget = outcome?.application.totalBudget(year: y) ?? 0
            let granted = Double(outcome?.grantedByYear[y] ?? 0) + s * AllocationModel.unit
            return Relaxation(
                kind: kind, shortfall: s * AllocationModel.unit, current: current,
                needed: budget > 0 ? min(1, (granted / budget * 1e4).rounded(.up) / 1e4 + 1e-4) : 1)
        case .envelope, .envelopeScale, .fundedOnlyIfSelected:
            return Relaxation(kind: kind, shortfall: s, current: 0, needed: 0)
        }
    }

    /// Loosens `rules` so the relaxation's row holds (the loosest need over the years wins).
    static func apply(_ r: Relaxation, to rules: inout Rules) {
        r.kind.rule?.relax(&rules, to: r.needed)
    }
}

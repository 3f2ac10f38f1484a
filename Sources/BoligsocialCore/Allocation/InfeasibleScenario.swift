/// A scenario whose rules cannot all hold: what every analysis (solve, compare, sweep, frontier,
/// explain, wish) throws instead of an allocation. It carries what the diagnosis needs, so the
/// caller diagnoses it in one place (`Diagnosis.diagnose(round:scenario:)`).
public struct InfeasibleScenario: Error, Sendable, CustomStringConvertible {
    /// What was asked when no allocation could satisfy the rules.
    public enum Question: Sendable, Equatable {
        /// An allocation within the scenario's own envelopes.
        case allocation
        /// Envelopes that fund every eligible application with weight ≥ `threshold` to at least `share`
        /// (the wish proposal): no envelope does, under the scenario's rules.
        case wish(threshold: Double, share: Double)
    }

    public var round: Round
    public var scenario: Scenario
    public var question: Question

    public var description: String { "\(scenario.name): the scenario is infeasible (\(question))" }

    public init(round: Round, scenario: Scenario, question: Question = .allocation) {
        self.round = round
        self.scenario = scenario
        self.question = question
    }
}

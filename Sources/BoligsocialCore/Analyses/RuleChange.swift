import LinearProgramming

/// One rule of the scenario changed alone, every other rule and the envelopes held: the smallest
/// loosening under which something holds (the scenario becomes feasible, an application is funded
/// fully). `explain` and the infeasibility diagnosis offer it beside their joint answers.
public struct RuleChange: Sendable, Equatable {
    public var rule: PolicyRule
    /// The value in the scenario, and the loosened value that makes it hold.
    public var current: Double
    public var needed: Double

    /// The smallest loosening of `rule` alone under which `holds` is true, searched by bisection
    /// between the scenario's value and the loosest one (the answer is checked: `holds` is true at
    /// `needed`). `nil` when the rule is off or even its loosest value does not make `holds` true:
    /// that rule alone is not what stands in the way.
    public static func smallest(
        _ rule: PolicyRule, round: Round, scenario: Scenario,
        holds: (Scenario) throws -> Bool
    ) throws -> RuleChange? {
        guard let current = rule.value(in: scenario.rules) else { return nil }
        let (loosest, numerator, denominator) = rule.loosest(in: round)
        guard current != loosest else { return nil }
        func holdsAt(_ value: Double) throws -> Bool {
            var changed = scenario
            rule.set(value, in: &changed.rules)
            return try holds(changed)
        }
        guard try holdsAt(loosest) else { return nil }
        // Whole steps on the grid from the scenario's value: `near` never holds, `far` always does.
        let start = (current * denominator / numerator).rounded()
        let end = (loosest * denominator / numerator).rounded()
        let direction: Double = end > start ? 1 : -1
        var near = 0.0
        var far = abs(end - start)
        func value(_ steps: Double) -> Double {
            let v = (start + direction * steps) * numerator / denominator
            return direction > 0 ? min(v, loosest) : max(v, loosest)
        }
        while far - near > 1 {
            let mid = ((near + far) / 2).rounded(.down)
            if try holdsAt(value(mid)) { far = mid } else { near = mid }
        }
        return RuleChange(rule: rule, current: current, needed: value(far))
    }

    /// Every rule that is on, each loosened alone as far as `holds` needs; the rules that cannot
    /// make it hold alone are left out.
    public static func each(round: Round, scenario: Scenario, holds: (Scenario) throws -> Bool) throws -> [RuleChange] {
        try PolicyRule.on(in: scenario.rules).compactMap {
            try smallest($0, round: round, scenario: scenario, holds: holds)
        }
    }

    /// Whether the scenario has an allocation (the predicate of the infeasibility diagnosis).
    public static func feasible(round: Round, options: SolveOptions = SolveOptions()) -> (Scenario) throws -> Bool {
        { scenario in
            do {
                _ = try Allocator.solve(round: round, scenario: scenario, options: options, jobs: 1)
                return true
            } catch is InfeasibleScenario {
                return false
            }
        }
    }
}

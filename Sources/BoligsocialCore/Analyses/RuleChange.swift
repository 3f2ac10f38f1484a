import LinearProgramming

/// One rule of the scenario changed alone, every other rule and the envelopes held: the smallest
/// loosening under which something holds (the scenario becomes feasible, an application is funded
/// fully). `explain` and the infeasibility diagnosis offer it beside their joint answers.
public struct RuleChange: Sendable, Equatable {
    /// A `[rules]` key with a value that can be loosened.
    public enum Rule: Sendable, Hashable {
        case primaryShareMin
        case areaShareMax
        case focusFloor(FocusArea)
        case maxProjects
        case minFraction
        case yearToYearChangeMax
        case sofShareMax

        /// The key as a scenario file writes it.
        public var key: String {
            switch self {
            case .primaryShareMin: "rules.primary_share_min"
            case .areaShareMax: "rules.area_share_max"
            case .focusFloor(let focus): "rules.focus_floor.\(focus.rawValue)"
            case .maxProjects: "rules.max_projects"
            case .minFraction: "rules.min_fraction"
            case .yearToYearChangeMax: "rules.year_to_year_change_max"
            case .sofShareMax: "rules.sof_share_max"
            }
        }

        /// The rule's value in `rules` (`nil` when it is off).
        func value(in rules: Rules) -> Double? {
            switch self {
            case .primaryShareMin: rules.primaryShareMin
            case .areaShareMax: rules.areaShareMax
            case .focusFloor(let focus): rules.focusFloor[focus]
            case .maxProjects: rules.maxProjects.map(Double.init)
            case .minFraction: rules.minFraction
            case .yearToYearChangeMax: rules.yearToYearChangeMax
            case .sofShareMax: rules.sofShareMax
            }
        }

        func set(_ value: Double, in rules: inout Rules) {
            switch self {
            case .primaryShareMin: rules.primaryShareMin = value
            case .areaShareMax: rules.areaShareMax = value
            case .focusFloor(let focus): rules.focusFloor[focus] = value
            case .maxProjects: rules.maxProjects = Int(value)
            case .minFraction: rules.minFraction = value
            case .yearToYearChangeMax: rules.yearToYearChangeMax = value
            case .sofShareMax: rules.sofShareMax = value
            }
        }

        /// The loosest value the rule can take in `round` (where it holds nothing back), and the
        /// grid the answer is given on, `n · numerator / denominator` for a whole `n`: a share to
        /// 0.0001, money to 1.000 kr., projects one by one (so a share reads as it would be typed).
        func loosest(in round: Round) -> (value: Double, numerator: Double, denominator: Double) {
            switch self {
            case .primaryShareMin, .minFraction: (0, 1, 10_000)
            case .areaShareMax, .yearToYearChangeMax, .sofShareMax: (1, 1, 10_000)
            case .focusFloor: (0, 1000, 1)
            case .maxProjects: (Double(round.applications.count), 1, 1)
            }
        }

        /// The rules of `rules` that are on, in the order of the scenario file's `[rules]` table.
        public static func on(in rules: Rules) -> [Rule] {
            var list: [Rule] = []
            if rules.primaryShareMin != nil { list.append(.primaryShareMin) }
            if rules.areaShareMax != nil { list.append(.areaShareMax) }
            if rules.minFraction != nil { list.append(.minFraction) }
            if rules.maxProjects != nil { list.append(.maxProjects) }
            if rules.yearToYearChangeMax != nil, rules.commitment == .perYear { list.append(.yearToYearChangeMax) }
            if rules.sofShareMax != nil { list.append(.sofShareMax) }
            list += rules.focusFloor.keys.sorted { $0.rawValue < $1.rawValue }.map { .focusFloor($0) }
            return list
        }
    }

    public var rule: Rule
    /// The value in the scenario, and the loosened value that makes it hold.
    public var current: Double
    public var needed: Double

    /// The smallest loosening of `rule` alone under which `holds` is true, searched by bisection
    /// between the scenario's value and the loosest one (the answer is checked: `holds` is true at
    /// `needed`). `nil` when the rule is off or even its loosest value does not make `holds` true:
    /// that rule alone is not what stands in the way.
    public static func smallest(_ rule: Rule, round: Round, scenario: Scenario,
                                holds: (Scenario) throws -> Bool) throws -> RuleChange? {
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
        let start = (current * denominator / numerator).rounded(), end = (loosest * denominator / numerator).rounded()
        let direction: Double = end > start ? 1 : -1
        var near = 0.0, far = abs(end - start)
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
        try Rule.on(in: scenario.rules).compactMap { try smallest($0, round: round, scenario: scenario, holds: holds) }
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

import Foundation
import PropertyBased
import Testing

@testable import BoligsocialCore

/// The committee's decisions on hand-made rounds, each optimum worked out by hand, and over
/// generated rounds: honouring decisions never raises the priority points, and the price reported
/// is the difference.
@Suite struct DecisionTests {
    static let here = SourceLocation(file: "s.toml", line: 1, column: 1)

    static func decide(_ kind: Decision.Kind, override: Bool = false) -> Decision {
        Decision(kind: kind, reason: "udvalget", overrideEligibility: override, location: here)
    }

    static func solve(_ apps: [Application], envelope: Double, decisions: [String: Decision]) throws -> Allocation {
        var scenario = Fixture.scenario([envelope])
        scenario.decisions = decisions
        return try Allocator.solve(round: Fixture.round(apps), scenario: scenario)
    }

    /// Three applications of 100.000 kr., weights 1.0 (A), 0.6 (B, secondary), 0.4 (C, outside the
    /// risk group); envelope 150.000. Undecided: A full, B half: 100 + 30 = 130 points.
    static let apps = [
        Fixture.app("A", salary: [100_000]),
        Fixture.app("B", target: .secondary, salary: [100_000]),
        Fixture.app("C", area: "O", salary: [100_000]),
    ]

    @Test func everyKindOfDecision() throws {
        let free = try Self.solve(Self.apps, envelope: 150_000, decisions: [:])
        #expect(
            abs(free.priorityPoints - 130) < 1e-6 && free.outcome("A").share == 1 && abs(free.share("B") - 0.5) < 1e-9)
        // C in full: 100.000 to C (40 points), the 50.000 left to A (50): 90 points; B gets nothing.
        let full = try Self.solve(Self.apps, envelope: 150_000, decisions: ["C": Self.decide(.full)])
        #expect(
            full.share("C") == 1 && abs(full.share("A") - 0.5) < 1e-9 && full.share("B") == 0
                && abs(full.priorityPoints - 90) < 1e-6)
        #expect(full.outcome("C").reasons.last == .decided(.full, reason: "udvalget", overridesEligibility: false))
        // A not funded: B full (60), C half (20): 80 points.
        let none = try Self.solve(Self.apps, envelope: 150_000, decisions: ["A": Self.decide(.none)])
        #expect(
            none.share("A") == 0 && none.share("B") == 1 && abs(none.share("C") - 0.5) < 1e-9
                && abs(none.priorityPoints - 80) < 1e-6)
        // A at a share of 0.3: 30.000 to A (30 points), B full (60), C 20.000 (8): 98 points.
        let share = try Self.solve(Self.apps, envelope: 150_000, decisions: ["A": Self.decide(.share(0.3))])
        #expect(abs(share.share("A") - 0.3) < 1e-9 && abs(share.priorityPoints - 98) < 1e-6)
        // B at least 80.000 kr.: A 70.000 (70), B 80.000 (48): 118 points.
        let atLeast = try Self.solve(
            Self.apps, envelope: 150_000, decisions: ["B": Self.decide(.bounds(min: 80_000, max: nil))])
        #expect(atLeast.outcome("B").grantedTotal == 80_000 && abs(atLeast.priorityPoints - 118) < 1e-6)
        // A at most 40.000 kr.: A 40.000 (40), B full (60), C 10.000 (4): 104 points.
        let atMost = try Self.solve(
            Self.apps, envelope: 150_000, decisions: ["A": Self.decide(.bounds(min: nil, max: 40_000))])
        #expect(atMost.outcome("A").grantedTotal == 40_000 && abs(atMost.priorityPoints - 104) < 1e-6)
    }

    /// Under `per_year`, amounts per year: B (weight 1.0) and A (0.6) ask 100.000 kr. a year for two
    /// years, envelopes 100.000 a year. Free: B takes both years (200 points). A at least 40.000 in
    /// 2010: 2009 B 100.000 (100), 2010 A 40.000 (24) and B 60.000 (60): 184 points.
    @Test func amountsPerYear() throws {
        var rules = Rules()
        rules.commitment = .perYear
        var scenario = Fixture.scenario([100_000, 100_000], years: [2009, 2010], rules: rules)
        let round = Fixture.round(
            [
                Fixture.app("A", target: .secondary, salary: [100_000, 100_000]),
                Fixture.app("B", salary: [100_000, 100_000]),
            ], years: [2009, 2010])
        #expect(abs(try Allocator.solve(round: round, scenario: scenario).priorityPoints - 200) < 1e-6)
        scenario.decisions["A"] = Self.decide(.perYear(min: [2010: 40_000], max: [:]))
        let decided = try Allocator.solve(round: round, scenario: scenario)
        #expect(abs(decided.priorityPoints - 184) < 1e-6)
        #expect(
            decided.outcome("A").grantedByYear == [0, 40_000]
                && decided.outcome("B").grantedByYear == [100_000, 60_000])
    }

    /// An ineligible application (SOF outside the steering group) stays unfunded under a decision
    /// to fund it, unless the decision overrides eligibility; then the failed criterion is shown
    /// as set aside.
    @Test func overridingEligibility() throws {
        let apps = Self.apps + [Fixture.app("N", salary: [100_000], sof: false)]
        let kept = try Self.solve(apps, envelope: 150_000, decisions: ["N": Self.decide(.none)])
        #expect(kept.outcome("N").status == .ineligible)
        let over = try Self.solve(apps, envelope: 150_000, decisions: ["N": Self.decide(.full, override: true)])
        #expect(over.outcome("N").status == .full && over.outcome("N").grantedTotal == 100_000)
        #expect(over.outcome("N").reasons.first == .criterionOverridden(.sofNotInSteeringGroup))
        #expect(over.outcome("N").reasons.last == .decided(.full, reason: "udvalget", overridesEligibility: true))
        // N full (100) and the 50.000 left to A (50).
        #expect(abs(over.priorityPoints - 150) < 1e-6)
    }

    /// Decisions that cannot hold within the envelope: infeasible, and the diagnosis names the decision.
    @Test func decisionsThatCannotHoldAreDiagnosed() throws {
        let decisions = ["A": Self.decide(.full), "B": Self.decide(.full)]
        #expect(throws: InfeasibleScenario.self) { try Self.solve(Self.apps, envelope: 150_000, decisions: decisions) }
        var scenario = Fixture.scenario([150_000])
        scenario.decisions = decisions
        let diagnosis = try #require(try Diagnosis.diagnose(round: Fixture.round(Self.apps), scenario: scenario))
        #expect(diagnosis.relaxations.contains { if case .decision = $0.kind { true } else { false } })
    }

    /// Over generated rounds: any random set of decisions that can hold never raises the priority
    /// points above the undecided optimum, and the price is the difference.
    @Test func decisionsNeverRaiseThePoints() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000)) { seed in
            let round = RoundGenerator.round(applications: 30, areas: 5, years: [2009, 2010], seed: UInt64(seed))
            var scenario = RoundGenerator.scenario(for: round, coverage: 0.7, name: "Decided")
            scenario.rules.minFraction = nil
            var rng = SeededGenerator(seed: UInt64(seed) &+ 1)
            for application in round.applications.shuffled(using: &rng).prefix(4) {
                let kinds: [Decision.Kind] = [.none, .share(0.25), .bounds(min: nil, max: 100_000), .full]
                scenario.decisions[application.id] = Self.decide(kinds[Int(rng.next() % 4)])
            }
            let undecided = try? Allocator.solve(round: round, scenario: scenario.undecided)
            guard let undecided, let decided = try? Allocator.solve(round: round, scenario: scenario) else { return }
            #expect(decided.priorityPoints <= undecided.priorityPoints + 1e-6 * max(1, undecided.priorityPoints))
            let price = try? DecisionPrice.compute(decided, round: round)
            #expect(
                price.map {
                    abs($0.price - (undecided.priorityPoints - decided.priorityPoints)) < 1e-6
                        * max(1, undecided.priorityPoints)
                } == true)
            for (id, decision) in scenario.decisions {
                let o = decided.outcome(id)
                guard o.prepared.isFundable, o.prepared.eligibleTotal > 0 else { continue }
                let range = decision.shareRange(eligibleTotal: o.prepared.eligibleTotal)
                #expect(
                    o.share >= range.lowerBound - 1e-6 && o.share <= range.upperBound + 1e-6,
                    "\(id): \(o.share) outside \(range)")
            }
        }
    }
}

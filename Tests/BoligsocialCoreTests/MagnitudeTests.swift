import PropertyBased
import Testing

@testable import BoligsocialCore

/// Numerical safety: rounds mixing requests from 1 kr. to 10^10 kr. solve to the reference optimum
/// and keep the spec's invariants.
@Suite struct MagnitudeTests {
    /// Requests log-uniform over 10^0 … 10^10 kr., every application eligible, one year, no rules:
    /// the optimum is the fractional knapsack, filled in order of weight (the reference).
    static func mixedRound(seed: Int, count: Int) -> (applications: [Application], envelope: Double) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let areas = ["V", "V2", "O"], targets: [TargetGroup] = [.primary, .secondary]
        var apps: [Application] = []
        var total = 0.0
        for i in 0..<count {
            let exponent = Double.random(in: 0...10, using: &rng)
            let amount = max(1, (Foundation.pow(10, exponent)).rounded())
            total += amount
            apps.append(Fixture.app("M\(i)", area: areas[Int.random(in: 0..<3, using: &rng)],
                                    target: targets[Int.random(in: 0..<2, using: &rng)], salary: [amount]))
        }
        let envelope = (total * Double.random(in: 0.05...0.95, using: &rng)).rounded(.down)
        return (apps, max(1, envelope))
    }

    /// The reference optimum: the fractional knapsack by weight (points per 1.000 kr.).
    static func reference(_ round: Round, _ scenario: Scenario) -> Double {
        let prepared = AllocationModel.prepare(round: round, scenario: scenario)
        var left = scenario.envelopes[0], points = 0.0
        for p in prepared.sorted(by: { $0.weight.weight > $1.weight.weight }) where p.eligibleTotal > 0 {
            let money = min(left, p.eligibleTotal)
            points += p.weight.weight * money / 1000
            left -= money
            if left <= 0 { break }
        }
        return points
    }

    @Test func mixedMagnitudesReachTheReferenceOptimum() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 2...80)) { seed, count in
            let (apps, envelope) = Self.mixedRound(seed: seed, count: count)
            let round = Fixture.round(apps), scenario = Fixture.scenario([envelope])
            let a = try Allocator.solve(round: round, scenario: scenario)
            #expect(a.status == .optimal)
            let best = Self.reference(round, scenario)
            #expect(abs(a.priorityPoints - best) <= 1e-7 * max(1, best), "GLPK \(a.priorityPoints) against reference \(best)")
            // Whole kroner: never over the envelope or a request, and nothing lost beyond a krone a line.
            #expect(Double(a.allocated[0]) <= envelope)
            for o in a.outcomes { #expect(Double(o.grantedTotal) <= o.prepared.eligibleTotal) }
            let spendable = min(envelope, apps.reduce(0) { $0 + $1.requests[0].total })
            #expect(Double(a.allocated[0]) >= spendable - Double(apps.count) - 1)
        }
    }

    /// The extremes on their own: a 1 kr. request beside a 10^10 kr. one, with envelopes at both ends.
    @Test(arguments: [1.0, 2.0, 10_000_000_000.0, 10_000_000_001.0])
    func extremesSideBySide(envelope: Double) throws {
        let apps = [Fixture.app("Tiny", salary: [1]), Fixture.app("Huge", target: .secondary, salary: [10_000_000_000])]
        let a = try Fixture.solve(apps, envelope: [envelope])
        #expect(a.status == .optimal)
        #expect(a.outcome("Tiny").grantedTotal == 1)
        // Whole kroner rounded down (a share within 1e-9 of 0 snaps to 0): at most a krone short.
        #expect(abs(Double(a.outcome("Huge").grantedTotal) - min(10_000_000_000, envelope - 1)) <= 1)
        #expect(Double(a.allocated[0]) <= envelope)
    }
}

import Foundation

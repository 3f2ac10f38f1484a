import Foundation
import Testing

@testable import BoligsocialCore

/// The exact frontier against separate solves, and the warm-started sweep against fresh solves.
@Suite struct FrontierTests {
    static func baseline() throws -> LoadedScenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try LoadedScenario.load(root.appendingPathComponent("Scenarios/baseline.toml").path)
    }

    /// At 20 random scales between the first and last breakpoint (and a little beyond), a fresh
    /// `solve` with the envelopes scaled gives the curve's value within 1e-6 relative.
    static func checkAgainstSolves(_ round: Round, _ scenario: Scenario, seed: UInt64) throws -> Frontier {
        let frontier = try Frontier.compute(round: round, scenario: scenario)
        #expect(frontier.isExact && frontier.breakpoints.count >= 2)
        let scales = frontier.breakpoints.map(\.scale)
        #expect(scales == scales.sorted())
        var rng = SeededGenerator(seed: seed)
        let last = scales.last! * 1.2
        for _ in 0..<20 {
            let t = Double.random(in: scales.first!...last, using: &rng)
            let solved = try Allocator.solve(round: round, scenario: scenario.scaled(by: t))
            let curve = frontier.value(at: t)!
            #expect(abs(solved.priorityPoints - curve) <= 1e-6 * max(1, abs(solved.priorityPoints)), "t = \(t)")
        }
        // Slopes never increase: more money is worth less and less.
        for (a, b) in zip(frontier.breakpoints, frontier.breakpoints.dropFirst()) {
            #expect(b.marginalPointsPer1000 <= a.marginalPointsPer1000 + 1e-9)
        }
        #expect(frontier.breakpoints.last!.marginalPointsPer1000.magnitude < 1e-9)
        return frontier
    }

    @Test func baselineFrontierMatchesSolves() throws {
        let loaded = try Self.baseline()
        let frontier = try Self.checkAgainstSolves(loaded.round, loaded.scenario, seed: 1)
        // At t = 1 the curve is the baseline's own priority points.
        let base = try Allocator.solve(round: loaded.round, scenario: loaded.scenario)
        #expect(abs(frontier.value(at: 1)! - base.priorityPoints) <= 1e-6 * base.priorityPoints)
    }

    @Test(arguments: [3, 17, 101, 1000] as [UInt64])
    func generatedFrontiersMatchSolves(seed: UInt64) throws {
        // Seed 1000 makes a round of 600 applications, where degenerate bases are common.
        var round = RoundGenerator.round(applications: seed == 1000 ? 600 : 40, seed: seed)
        for i in round.applications.indices { round.applications[i].minFraction = nil }
        var scenario = RoundGenerator.scenario(for: round, coverage: 0.5)
        if seed % 2 == 1 { scenario.rules.areaShareMax = 0.3 }
        if seed == 17 {
            scenario.rules.commitment = .perYear
            scenario.rules.returns = [1, 0.5]
        }
        if seed == 101 {
            scenario.rules.focusFloor[.health] = 100_000
            scenario.rules.primaryShareMin = 0.5
        }
        _ = try Self.checkAgainstSolves(round, scenario, seed: seed)
    }

    @Test func sweepEqualsSeparateSolves() throws {
        let loaded = try Self.baseline()
        let scales = Sweep.range(from: 0.5, to: 1.5, steps: 11)
        let steps = try Sweep.run(round: loaded.round, scenario: loaded.scenario, parameter: .scale(scales))
        #expect(steps.count == 11)
        for (scale, step) in zip(scales, steps) {
            let fresh = try Allocator.solve(round: loaded.round, scenario: loaded.scenario.scaled(by: scale))
            #expect(abs(step.priorityPoints - fresh.priorityPoints) <= 1e-7 * fresh.priorityPoints)
            // A fresh solve uses the lean model (area rows that cannot bind left out), an equivalent
            // LP whose floating-point shares may round a krone differently.
            #expect(
                zip(step.allocated, fresh.allocated).allSatisfy { abs($0 - $1) <= 2 },
                "\(step.allocated) vs \(fresh.allocated)")
            let count = { (s: FundingStatus) -> Int in fresh.outcomes.filter { $0.status == s }.count }
            let expected: [Int] = [count(.full), count(.partial), count(.unfunded)]
            #expect([step.full, step.partial, step.unfunded] == expected)
            #expect(
                abs(
                    step.marginalPointsPer1000! - zip(fresh.marginalPointsPer1000!, fresh.envelope).reduce(0) {
                        $0 + $1.0 * $1.1
                    }
                        / fresh.envelope.reduce(0, +)) < 1e-9)
        }
        let amounts = Sweep.range(from: 20_000_000, to: 40_000_000, steps: 5)
        let year = try Sweep.run(round: loaded.round, scenario: loaded.scenario, parameter: .year(2012, amounts))
        #expect(year.map { $0.envelope[3] } == amounts)
        #expect(zip(year, year.dropFirst()).allSatisfy { $0.priorityPoints <= $1.priorityPoints + 1e-9 })
    }
}

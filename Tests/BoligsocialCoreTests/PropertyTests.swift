import PropertyBased
import Testing

@testable import BoligsocialCore

/// The spec's invariants over random generated rounds and rules.
@Suite struct PropertyTests {
    /// A random round of 5–60 applications with random envelopes and a random mix of rules that
    /// cannot make it infeasible (no floors, primary share only when primary areas exist).
    static func randomCase(seed: Int, coverage: Int, ruleBits: Int) -> (Round, Scenario) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let round = RoundGenerator.round(applications: Int.random(in: 5...60, using: &rng), seed: UInt64(seed))
        var scenario = RoundGenerator.scenario(for: round, coverage: Double(coverage) / 100)
        if ruleBits & 1 != 0 { scenario.rules.commitment = .perYear }
        if ruleBits & 2 != 0 { scenario.rules.areaShareMax = 0.3 }
        if ruleBits & 4 != 0 { scenario.rules.carryOver = true }
        if ruleBits & 8 != 0 { scenario.rules.returns = [1.0, 0.6, 0.3] }
        if ruleBits & 16 != 0 { scenario.rules.primaryShareMin = 0.5 }
        if ruleBits & 64 != 0 { scenario.rules.sofShareMax = 0.4 }
        // Generated rounds carry min_fraction columns on some applications: keep most cases LPs.
        if ruleBits & 32 == 0 {
            scenario.rules.minFraction = 0
            return (strippedMinFractions(round), scenario)
        }
        return (round, scenario)
    }

    static func strippedMinFractions(_ round: Round) -> Round {
        var copy = round
        for i in copy.applications.indices { copy.applications[i].minFraction = nil }
        return copy
    }

    @Test func allocationsKeepTheInvariants() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000), Gen.int(in: 5...150), Gen.int(in: 0...127)) {
            seed, coverage, bits in
            let (round, scenario) = Self.randomCase(seed: seed, coverage: coverage, ruleBits: bits)
            let a = try Allocator.solve(round: round, scenario: scenario)
            #expect(a.status == .optimal)
            // No year over its envelope (cumulatively, with carry-over).
            var spent = 0
            var available = 0.0
            for y in scenario.years.indices {
                spent = scenario.rules.carryOver ? spent + a.allocated[y] : a.allocated[y]
                available = scenario.rules.carryOver ? available + scenario.envelopes[y] : scenario.envelopes[y]
                #expect(Double(spent) <= available)
            }
            for o in a.outcomes {
                for y in scenario.years.indices {
                    for c in CostCategory.allCases {
                        let granted = o.granted[y][c] ?? 0
                        // No line over its request; ineligible lines get nothing.
                        #expect(Double(granted) <= o.application.request(c, year: y))
                        if !o.prepared.eligibility.allows(c) { #expect(granted == 0) }
                    }
                }
                if !o.prepared.eligibility.isEligible { #expect(o.grantedTotal == 0 && o.status == .ineligible) }
                // Co-funding: never above the share of the year's total budget.
                if let s = scenario.rules.sofShareMax {
                    for y in scenario.years.indices {
                        if let budget = o.application.totalBudget(year: y) {
                            #expect(Double(o.grantedByYear[y]) <= s * budget + 3)
                        }
                    }
                }
                // Proportional: one share for every year, and each year's money follows it to the krone.
                if scenario.rules.commitment == .proportional {
                    #expect(Set(o.shareByYear).count <= 1)
                    for y in scenario.years.indices {
                        #expect(abs(Double(o.grantedByYear[y]) - o.share * o.prepared.eligibleByYear[y]) <= 3)
                    }
                }
            }
        }
    }

    /// More envelope never lowers the priority points (the optimum of a relaxation).
    @Test func moreMoneyNeverLowersPoints() async {
        await propertyCheck(
            count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 5...120), Gen.int(in: 0...63), Gen.int(in: 1...60)
        ) {
            seed, coverage, bits, extra in
            let (round, scenario) = Self.randomCase(seed: seed, coverage: coverage, ruleBits: bits)
            var richer = scenario
            let year = scenario.years[seed % scenario.years.count]
            richer.envelope[year]! *= 1 + Double(extra) / 100
            let base = try Allocator.solve(round: round, scenario: scenario)
            let more = try Allocator.solve(round: round, scenario: richer)
            #expect(more.priorityPoints >= base.priorityPoints - 1e-7 * max(1, base.priorityPoints))
            let scaled = try Allocator.solve(round: round, scenario: scenario.scaled(by: 1.1))
            #expect(scaled.priorityPoints >= base.priorityPoints - 1e-7 * max(1, base.priorityPoints))
        }
    }
}

import Foundation
import Testing

@testable import BoligsocialCore

/// The wish proposal: the envelopes it prints fund every target, and no year can be cut by 1%.
@Suite struct WishTests {
    /// Whether `allocation` funds every target (eligible, weight ≥ threshold) at `share` or more in
    /// every year it asks for money.
    static func fundsTargets(_ allocation: Allocation, threshold: Double, share: Double) -> Bool {
        guard allocation.status.hasSolution else { return false }
        return allocation.outcomes.allSatisfy { o in
            guard o.prepared.eligibleTotal > 0, o.prepared.weight.weight >= threshold - 1e-12 else { return true }
            return o.shareByYear.indices.allSatisfy { y in
                o.prepared.eligibleByYear[y] <= 0 || o.shareByYear[y] >= share - 1e-6
            }
        }
    }

    static func solve(_ round: Round, _ scenario: Scenario, envelope: [Double]) throws -> Allocation {
        var asked = scenario
        for (y, year) in scenario.years.enumerated() { asked.envelope[year] = envelope[y] }
        return try Allocator.solve(round: round, scenario: asked)
    }

    /// The acceptance check: solving with the printed envelopes funds every target at ≥ share, and
    /// lowering any one positive year by 1% no longer does.
    static func checkMinimal(_ round: Round, _ scenario: Scenario, threshold: Double, share: Double) throws
        -> WishProposal
    {
        let wish = try WishProposal.compute(round: round, scenario: scenario, threshold: threshold, share: share)
        #expect(!wish.targets.isEmpty)
        #expect(
            wish.envelope.allSatisfy { $0.truncatingRemainder(dividingBy: 1000) == 0 },
            "whole 1.000 kr.: \(wish.envelope)")
        #expect(zip(wish.envelope, wish.minimum).allSatisfy { $0 >= $1 - 1e-6 })
        let funds = fundsTargets(
            try solve(round, scenario, envelope: wish.envelope), threshold: threshold, share: share)
        #expect(funds, "\(scenario.name): the printed envelopes \(wish.envelope) do not fund every target")
        for y in wish.envelope.indices where wish.envelope[y] > 0 {
            var lowered = wish.envelope
            lowered[y] *= 0.99
            let stillFunds = fundsTargets(
                try solve(round, scenario, envelope: lowered), threshold: threshold, share: share)
            #expect(
                !stillFunds,
                "\(scenario.name): year \(scenario.years[y]) lowered by 1% still funds every target (W \(threshold), S \(share))"
            )
        }
        return wish
    }

    @Test(arguments: [(0.0, 1.0), (0.6, 1.0), (0.9, 0.5), (1.2, 1.0)])
    func baselineWishIsEnoughAndMinimal(threshold: Double, share: Double) throws {
        let loaded = try FrontierTests.baseline()
        let wish = try Self.checkMinimal(loaded.round, loaded.scenario, threshold: threshold, share: share)
        // Every target is among the funded, and where the wish asks for at least the baseline's money
        // in every year, it buys at least the baseline's points.
        #expect(Set(wish.targets).isSubset(of: Set(wish.funded)))
        if zip(wish.envelope, loaded.scenario.envelopes).allSatisfy({ $0 >= $1 }) {
            let base = try Allocator.solve(round: loaded.round, scenario: loaded.scenario)
            #expect(wish.allocation.priorityPoints >= base.priorityPoints - 1e-6)
        }
    }

    /// Generated rounds of 10 to 80 applications with the rules the generator leaves on, and with
    /// area caps and a primary share that are computed against the chosen envelopes.
    @Test(arguments: 1...12)
    func generatedWishIsEnoughAndMinimal(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) &* 7919)
        let round = RoundGenerator.round(applications: Int.random(in: 10...80, using: &rng), seed: UInt64(seed))
        var scenario = RoundGenerator.scenario(for: round)
        if seed.isMultiple(of: 2) { scenario.rules.areaShareMax = 0.4 }
        if seed.isMultiple(of: 4) { scenario.rules.primaryShareMin = 0.2 }
        let weights = round.applications.indices.map { _ in Double.random(in: 0...1.2, using: &rng) }
        let threshold = (weights.first ?? 0).rounded(toPlaces: 2)
        let share = [1.0, 0.75, 0.5][seed % 3]
        do {
            _ = try Self.checkMinimal(round, scenario, threshold: threshold, share: share)
        } catch WishProposal.Failure.noTargets {
            // A threshold above every weight in a small round: the error says so, nothing to check.
        }
    }

    /// `--flat` asks for equal years, and the equal amount funds every target.
    @Test func flatYearsAreEqualAndEnough() throws {
        let loaded = try FrontierTests.baseline()
        let wish = try WishProposal.compute(round: loaded.round, scenario: loaded.scenario, threshold: 0.6, flat: true)
        #expect(Set(wish.envelope).count == 1)
        #expect(
            Self.fundsTargets(
                try Self.solve(loaded.round, loaded.scenario, envelope: wish.envelope), threshold: 0.6, share: 1))
    }

    /// The free-year answer never asks more than the flat one: on the shipped round at half shares
    /// (where a raise in proportion to the LP minimum overshoots), and on generated rounds; and both
    /// fund every target.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 6])
    func freeYearsNeverAskMoreThanFlat(seed: Int) throws {
        let (round, scenario, threshold): (Round, Scenario, Double)
        if seed == 0 {
            let loaded = try FrontierTests.baseline()
            (round, scenario, threshold) = (loaded.round, loaded.scenario, 0.9)
        } else {
            let generated = RoundGenerator.round(applications: 60, seed: UInt64(seed) &* 31)
            var s = RoundGenerator.scenario(for: generated)
            s.rules.areaShareMax = 0.4
            (round, scenario, threshold) = (generated, s, 0.5)
        }
        let free = try WishProposal.compute(round: round, scenario: scenario, threshold: threshold, share: 0.5)
        let flat = try WishProposal.compute(
            round: round, scenario: scenario, threshold: threshold, share: 0.5, flat: true)
        #expect(
            free.envelope.reduce(0, +) <= flat.envelope.reduce(0, +),
            "free \(free.envelope) against flat \(flat.envelope)")
        for wish in [free, flat] {
            #expect(
                Self.fundsTargets(
                    try Self.solve(round, scenario, envelope: wish.envelope), threshold: threshold, share: 0.5))
        }
        if seed == 0 { #expect(free.envelope.reduce(0, +) == 67_562_000 && flat.envelope.reduce(0, +) == 67_632_000) }
    }

    /// A decided application is no target: it gets what the committee decided. A (w 1.0), B (w 0.6)
    /// and C (w 0.4) ask 100.000 kr. each; C is decided funded in full, the target is B (`--target
    /// B`). The LP minimum is 200.000 kr. (B and C), but there the points go to A before B: the
    /// points-maximising allocation funds B from 300.000 kr. (C decided, then A, then B), searched.
    /// Without the decision the same target B needs 200.000 kr. (A, then B): the decision adds
    /// 100.000 kr. With no decision the minimum 300.000 kr. for threshold 0 is proven.
    @Test func decisionsAreKeptAndPricedInTheWish() throws {
        let round = Fixture.round([
            Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000]),
            Fixture.app("C", area: "O", salary: [100_000]),
        ])
        var scenario = Fixture.scenario([100_000])
        scenario.decisions["C"] = DecisionTests.decide(.full)
        let wish = try WishProposal.compute(round: round, scenario: scenario, selection: WishSelection(ids: ["B"]))
        #expect(wish.targets == ["B"])
        #expect(wish.minimum.count == 1 && abs(wish.minimum[0] - 200_000) < 1e-3)
        #expect(wish.envelope == [300_000] && !wish.isProvenMinimum)
        #expect(wish.withoutDecisions == [200_000])
        #expect(wish.allocation.share("C") == 1 && wish.allocation.share("B") == 1)

        let undecided = try WishProposal.compute(round: round, scenario: Fixture.scenario([100_000]))
        #expect(undecided.envelope == [300_000] && undecided.isProvenMinimum && undecided.withoutDecisions == nil)
        // A decision that funds nothing frees its money: C decided "none", all else a target.
        var none = Fixture.scenario([100_000])
        none.decisions["C"] = DecisionTests.decide(.none)
        let freed = try WishProposal.compute(round: round, scenario: none)
        #expect(freed.targets == ["A", "B"] && freed.envelope == [200_000] && freed.withoutDecisions == [200_000])
    }

    /// A threshold above every weight is an error, not an empty proposal.
    @Test func noTargetsIsAnError() throws {
        let loaded = try FrontierTests.baseline()
        #expect(throws: WishProposal.Failure.self) {
            try WishProposal.compute(round: loaded.round, scenario: loaded.scenario, threshold: 99)
        }
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}

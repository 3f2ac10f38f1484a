import Foundation
import Testing

@testable import BoligsocialCore

/// `sensitivity`: each weight's interval against fresh solves just inside both ends and just
/// outside, on the shipped round (every weight it uses) and on hand-made rounds worked out by hand.
@Suite struct SensitivityTests {
    static func statuses(_ round: Round, _ scenario: Scenario, _ parameter: WeightParameter, at value: Double) throws
        -> [String: FundingStatus]
    {
        var s = scenario
        parameter.set(value, in: &s.weights)
        let allocation = try Allocator.solve(round: round, scenario: s)
        return Dictionary(uniqueKeysWithValues: allocation.outcomes.map { ($0.application.id, $0.status) })
    }

    /// The acceptance check for one interval: the statuses hold just inside both ends, and just
    /// outside each finite end they change exactly as reported.
    static func check(_ interval: Sensitivity.Interval, _ sensitivity: Sensitivity, _ round: Round) throws {
        let scenario = sensitivity.scenario
        let base = sensitivity.statuses
        let p = interval.parameter
        let eps = { (x: Double) in Sensitivity.step * max(1, abs(x)) }
        let upper = interval.upper ?? max(interval.value * 10, interval.value + 10)
        let inside =
            upper - interval.lower > 4 * eps(upper)
            ? [interval.lower + eps(interval.lower), upper - eps(upper)] : [(interval.lower + upper) / 2]
        for x in inside {
            #expect(
                try statuses(round, scenario, p, at: x) == base, "\(p.key) = \(x) inside [\(interval.lower), \(upper)]")
        }
        func changes(at x: Double) throws -> [Sensitivity.Change] {
            let now = try statuses(round, scenario, p, at: x)
            return base.keys.sorted().filter { base[$0] != now[$0] }.map {
                Sensitivity.Change(id: $0, from: base[$0]!, to: now[$0]!)
            }
        }
        if let end = interval.upper {
            #expect(!interval.above.isEmpty)
            #expect(
                try changes(at: end + eps(end)) == interval.above.sorted { $0.id < $1.id }, "\(p.key) just above \(end)"
            )
        }
        if interval.lower > 0 {
            #expect(!interval.below.isEmpty)
            #expect(
                try changes(at: interval.lower - eps(interval.lower)) == interval.below.sorted { $0.id < $1.id },
                "\(p.key) just below \(interval.lower)")
        }
    }

    /// A (primary, w 1.0) and B (secondary, w 0.6) ask 100.000 kr. each of 150.000 kr.: A full, B
    /// half. The secondary weight can rise to 1.0 (A's), past which B is funded first: A partial,
    /// B full; down to 0 nothing changes. The primary weight can fall to 0.6, past which the same
    /// swap happens, and rise without limit. Risk "vulnerable" moves both weights together: no
    /// change anywhere. Nothing depends on the quality bonuses (no application meets one).
    @Test func handMadeRound() throws {
        let round = Fixture.round([
            Fixture.app("A", salary: [100_000]), Fixture.app("B", target: .secondary, salary: [100_000]),
        ])
        let scenario = Fixture.scenario([150_000])
        let sensitivity = try Sensitivity.compute(round: round, scenario: scenario)
        let byKey = Dictionary(uniqueKeysWithValues: sensitivity.intervals.map { ($0.parameter, $0) })
        let swap = [
            Sensitivity.Change(id: "A", from: .full, to: .partial),
            Sensitivity.Change(id: "B", from: .partial, to: .full),
        ]
        let secondary = try #require(byKey[.targetGroup(.secondary)])
        #expect(
            abs(secondary.upper! - 1.0) < 1e-9 && secondary.lower == 0 && secondary.above == swap
                && secondary.below.isEmpty)
        let primary = try #require(byKey[.targetGroup(.primary)])
        #expect(abs(primary.lower - 0.6) < 1e-9 && primary.upper == nil && primary.below == swap)
        let vulnerable = try #require(byKey[.risk(.vulnerable)])
        #expect(vulnerable.lower == 0 && vulnerable.upper == nil && vulnerable.applications == 2)
        #expect(sensitivity.unused.contains(.quality(.clearGoals)) && sensitivity.unused.contains(.risk(.other)))
        for interval in sensitivity.intervals { try Self.check(interval, sensitivity, round) }
    }

    /// A scenario with min_fraction is a MIP: no basis to range, refused.
    @Test func mixedIntegerIsRefused() throws {
        var rules = Rules()
        rules.minFraction = 0.5
        let round = Fixture.round([Fixture.app("A", salary: [100_000])])
        #expect(throws: Sensitivity.Unsupported.mixedInteger) {
            try Sensitivity.compute(round: round, scenario: Fixture.scenario([50_000], rules: rules))
        }
    }

    /// Under `focus_mode = "max"` a step never crosses a kink (another focus area's weight); the
    /// intervals still hold against fresh solves.
    @Test(arguments: [FocusMode.max, .mean])
    func focusModesOnGeneratedRounds(_ mode: FocusMode) throws {
        var round = RoundGenerator.round(applications: 40, seed: 11)
        for i in round.applications.indices { round.applications[i].minFraction = nil }
        var scenario = RoundGenerator.scenario(for: round, coverage: 0.5)
        scenario.weights.focusMode = mode
        scenario.weights.focus[.health] = 1.2
        let sensitivity = try Sensitivity.compute(
            round: round, scenario: scenario, parameters: FocusArea.allCases.map(WeightParameter.focus))
        #expect(!sensitivity.intervals.isEmpty)
        for interval in sensitivity.intervals { try Self.check(interval, sensitivity, round) }
    }

    @Test func shippedRoundEveryWeight() throws {
        let loaded = try FrontierTests.baseline()
        let sensitivity = try Sensitivity.compute(round: loaded.round, scenario: loaded.scenario)
        #expect(sensitivity.intervals.count + sensitivity.unused.count == WeightParameter.all.count)
        #expect(sensitivity.intervals.count >= 15)
        for interval in sensitivity.intervals {
            #expect(interval.lower <= interval.value && interval.value <= (interval.upper ?? .infinity))
            try Self.check(interval, sensitivity, loaded.round)
        }
    }
}

import BoligsocialReports
import Foundation
import LinearProgramming
import Testing

@testable import BoligsocialCore

/// A sweep interpolated inside basis pieces against the same sweep solved at every step: the same
/// steps to the last bit, and so the same JSON, CSV and text, byte for byte, over random rounds,
/// rules, ranges and step counts.
@Suite struct SweepInterpolationTests {
    /// A random LP round (no least shares of its own) under random rules, and a random sweep of it.
    static func randomCase(_ seed: UInt64) -> (round: Round, scenario: Scenario, parameter: SweepParameter) {
        var rng = SeededGenerator(seed: 0x9E37_79B9 &* (seed + 1))
        var round = RoundGenerator.round(applications: Int.random(in: 20...250, using: &rng), seed: seed)
        for i in round.applications.indices { round.applications[i].minFraction = nil }
        var scenario = RoundGenerator.scenario(for: round, coverage: Double.random(in: 0.3...0.9, using: &rng))
        scenario.rules.commitment = Bool.random(using: &rng) ? .perYear : .proportional
        if Bool.random(using: &rng) { scenario.rules.areaShareMax = Double.random(in: 0.1...0.5, using: &rng) }
        if Bool.random(using: &rng) { scenario.rules.primaryShareMin = Double.random(in: 0.2...0.6, using: &rng) }
        if Bool.random(using: &rng) { scenario.rules.carryOver = true }
        if Bool.random(using: &rng) { scenario.rules.returns = [1, 0.6, 0.3] }
        if Int.random(in: 0..<5, using: &rng) == 0 {
            // A floor small envelopes cannot carry: the low steps are infeasible.
            scenario.rules.focusFloor[.health] = 0.05 * (scenario.envelopes.min() ?? 0)
        }
        let steps = Int.random(in: 1...600, using: &rng)
        let from = Double.random(in: 0...1.2, using: &rng)
        let to = from + Double.random(in: 0...1.5, using: &rng)
        if Int.random(in: 0..<10, using: &rng) < 7 {
            return (round, scenario, .scale(Sweep.range(from: from, to: to, steps: steps)))
        }
        let y = Int.random(in: 0..<scenario.years.count, using: &rng)
        let amount = scenario.envelopes[y]
        return (
            round, scenario, .year(scenario.years[y], Sweep.range(from: from * amount, to: to * amount, steps: steps))
        )
    }

    @Test func interpolatedStepsEqualSolvedStepsOnRandomRounds() throws {
        var interpolated = 0
        var total = 0
        for seed in UInt64(1)...40 {
            let c = Self.randomCase(seed)
            guard (try? Allocator.solve(round: c.round, scenario: c.scenario)) != nil else { continue }
            let fast = try Sweep.walked(round: c.round, scenario: c.scenario, parameter: c.parameter, interpolate: true)
            let solved = try Sweep.walked(
                round: c.round, scenario: c.scenario, parameter: c.parameter, interpolate: false)
            #expect(solved.solved == solved.steps.count)
            #expect(fast.steps.count == solved.steps.count)
            for (k, (a, b)) in zip(fast.steps, solved.steps).enumerated() where a != b {
                Issue.record("seed \(seed), step \(k + 1): interpolated \(a) against solved \(b)")
                break
            }
            interpolated += fast.steps.count - fast.solved
            total += fast.steps.count
        }
        // The walk did interpolate: most steps of these sweeps lie inside a piece.
        #expect(interpolated > total / 4, "\(interpolated) of \(total) steps interpolated")
    }

    @Test func theReportsAreTheSameBytes() throws {
        for seed in UInt64(41)...46 {
            let c = Self.randomCase(seed)
            guard (try? Allocator.solve(round: c.round, scenario: c.scenario)) != nil else { continue }
            for language in [Language.en, .da] {
                let reports = try [true, false].map { interpolate in
                    SweepReport(
                        scenario: c.scenario,
                        steps: try Sweep.run(
                            round: c.round, scenario: c.scenario, parameter: c.parameter, interpolate: interpolate),
                        parameter: c.parameter, stamp: nil, language: language)
                }
                #expect(
                    Self.firstDifference(reports[0].json().serialized(), reports[1].json().serialized()) == nil,
                    "seed \(seed) JSON")
                #expect(
                    Self.firstDifference(reports[0].csvTable.csv(), reports[1].csvTable.csv()) == nil,
                    "seed \(seed) CSV")
                #expect(
                    Self.firstDifference(
                        reports[0].tables.map { $0.plain() }.joined(), reports[1].tables.map { $0.plain() }.joined())
                        == nil,
                    "seed \(seed) text")
            }
        }
    }

    /// `nil` when the texts are the same bytes, else their first differing lines.
    static func firstDifference(_ a: String, _ b: String) -> String? {
        guard a != b else { return nil }
        let (x, y) = (
            a.split(separator: "\n", omittingEmptySubsequences: false),
            b.split(separator: "\n", omittingEmptySubsequences: false)
        )
        let line = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        return
            "line \(line + 1): '\(line < x.count ? String(x[line]) : "")' against '\(line < y.count ? String(y[line]) : "")'"
    }

    /// Long sweeps go in chunks walked side by side: the same steps for any number of threads.
    @Test func chunksGiveTheSameStepsForAnyNumberOfThreads() throws {
        let c = Self.randomCase(7)
        let one = try Sweep.walked(
            round: c.round, scenario: c.scenario, parameter: .scale(Sweep.range(from: 0.2, to: 1.6, steps: 700)),
            jobs: 1, chunkSize: 100)
        let many = try Sweep.walked(
            round: c.round, scenario: c.scenario, parameter: .scale(Sweep.range(from: 0.2, to: 1.6, steps: 700)),
            jobs: 3, chunkSize: 100)
        #expect(one.steps == many.steps)
        #expect(one.solved == many.solved)
    }

    /// The piece GLPK's tableau gives along a line of envelopes: inside it, a solve makes no pivot
    /// and every column is where the piece puts it (to 1e-9 of its size).
    @Test func aBasisPieceIsWhereSolvesLand() throws {
        let c = Self.randomCase(3)
        let model = try AllocationModel(round: c.round, scenario: c.scenario)
        let session = try SolverSession(model.program)
        let line = zip(model.envelopeColumns, c.scenario.envelopes).map {
            (column: $0, rate: $1 / AllocationModel.unit)
        }
        func move(to t: Double) throws {
            for (column, rate) in line { try session.setBounds(.equal(rate * t), of: column) }
        }
        try move(to: 0.8)
        let anchor = try session.solve()
        let piece = try #require(try session.basisPiece(along: line, at: 0.8))
        #expect(piece.lower <= 0.8 && piece.upper >= 0.8)
        var checked = 0
        for end in [piece.lower, piece.upper] {
            let t = 0.8 + (min(max(end, 0.5), 1.1) - 0.8) * 0.5
            guard piece.holds(at: t) else { continue }
            try move(to: t)
            let solution = try session.solve()
            #expect(solution.iterations == 0)
            var expected = anchor.columnValues
            for (j, rate) in piece.columnRates { expected[j] += (t - 0.8) * rate }
            for (a, b) in zip(expected, solution.columnValues) { #expect(abs(a - b) <= 1e-9 * max(1, abs(b))) }
            let points = anchor.objective + (t - 0.8) * piece.objectiveRate
            #expect(abs(points - solution.objective) <= 1e-9 * max(1, solution.objective))
            checked += 1
        }
        #expect(checked > 0)
    }
}

import Foundation
import Testing

@testable import BoligsocialCore

/// Parallel sweeps: the same steps, to the last bit, whatever the number of threads; and a stress
/// run showing GLPK's per-thread state holds under load (independent problems on several threads).
@Suite struct ParallelSweepTests {
    static func signature(_ steps: [SweepStep]) -> [String] {
        steps.map {
            "\($0.scale ?? -1) \($0.envelope) \($0.status) \($0.priorityPoints) \($0.allocated) \($0.full) \($0.partial) \($0.unfunded) \(String(describing: $0.marginalPointsPer1000))"
        }
    }

    @Test func anyNumberOfThreadsGivesTheSameSteps() throws {
        let loaded = try FrontierTests.baseline()
        let scales = Sweep.range(from: 0.2, to: 1.8, steps: 400)
        let one = try Sweep.run(round: loaded.round, scenario: loaded.scenario, parameter: .scale(scales), jobs: 1)
        #expect(one.count == 400)
        for jobs in [2, 3, 8] {
            let many = try Sweep.run(
                round: loaded.round, scenario: loaded.scenario, parameter: .scale(scales), jobs: jobs)
            #expect(Self.signature(many) == Self.signature(one), "jobs \(jobs)")
        }
    }

    /// 4 threads × 10 rounds of a 1,000-step sweep over a generated round with area caps and a
    /// primary share, each compared with the one-thread result.
    @Test func stressManyThreadsManyTimes() throws {
        var round = RoundGenerator.round(applications: 150, seed: 21)
        for i in round.applications.indices { round.applications[i].minFraction = nil }
        var scenario = RoundGenerator.scenario(for: round)
        scenario.rules.areaShareMax = 0.2
        scenario.rules.primaryShareMin = 0.4
        let parameter = SweepParameter.scale(Sweep.range(from: 0.3, to: 1.7, steps: 1_000))
        let reference = Self.signature(try Sweep.run(round: round, scenario: scenario, parameter: parameter, jobs: 1))
        for _ in 0..<10 {
            #expect(
                Self.signature(try Sweep.run(round: round, scenario: scenario, parameter: parameter, jobs: 4))
                    == reference)
        }
    }
}

import Benchmark
import BoligsocialCore
import BoligsocialReports
import Foundation

/// Load, build + solve, and report for generated rounds (seeded, illustrative amounts).
/// Each GLPK problem is created, solved and freed inside one synchronous benchmark iteration,
/// so it never crosses threads.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 50)

    for size in [60, 1_000, 10_000, 100_000] {
        var round = RoundGenerator.round(applications: size, seed: 7)
        for i in round.applications.indices { round.applications[i].minFraction = nil }
        let scenario = RoundGenerator.scenario(for: round, coverage: 0.6)
        let configuration = size >= 100_000 ? Benchmark.Configuration(maxDuration: .seconds(60), maxIterations: 3)
                                             : Benchmark.defaultConfiguration

        Benchmark("solve LP \(size) applications (build + GLPK + rounding)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Allocator.solve(round: round, scenario: scenario))
            }
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(size)-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(RoundWriter.areasCSV(round).utf8).write(to: directory.appendingPathComponent("areas.csv"))
        try? Data(RoundWriter.applicationsCSV(round).utf8).write(to: directory.appendingPathComponent("applications.csv"))
        try? Data(RoundWriter.scenarioTOML(scenario).utf8).write(to: directory.appendingPathComponent("scenario.toml"))
        let scenarioPath = directory.appendingPathComponent("scenario.toml").path

        Benchmark("load \(size) applications (TOML + both CSV files)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try LoadedScenario.load(scenarioPath))
            }
        }

        Benchmark("whole solve \(size) applications (load, build, solve, JSON)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let loaded = try LoadedScenario.load(scenarioPath)
                let allocation = try Allocator.solve(round: loaded.round, scenario: loaded.scenario)
                blackHole(SolveReport(AllocationSummary(allocation, stamp: loaded.stamp)).json().serialized())
            }
        }
    }

    // The memo's rules on a per-year model (the structure of Benchmarks/compare.py): 60% to primary
    // areas and an area cap that binds for the larger areas.
    var rulesRound = RoundGenerator.round(applications: 10_000, seed: 3)
    for i in rulesRound.applications.indices { rulesRound.applications[i].minFraction = nil }
    var rulesScenario = RoundGenerator.scenario(for: rulesRound, coverage: 0.6)
    rulesScenario.rules.commitment = .perYear
    rulesScenario.rules.primaryShareMin = 0.6
    rulesScenario.rules.areaShareMax = 0.003
    Benchmark("solve LP 10000 applications, per_year with primary share and area caps") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Allocator.solve(round: rulesRound, scenario: rulesScenario))
        }
    }

    // A 1,000-step sweep on one kept, warm-started problem against 1,000 separate solves that each
    // build the model and solve it from scratch: the ratio of the two is what `sweep` buys.
    for size in [60, 1_000] {
        var sweepRound = RoundGenerator.round(applications: size, seed: 5)
        for i in sweepRound.applications.indices { sweepRound.applications[i].minFraction = nil }
        let sweepScenario = RoundGenerator.scenario(for: sweepRound, coverage: 0.6)
        let scales = Sweep.range(from: 0.5, to: 1.5, steps: 1_000)
        let few = Benchmark.Configuration(maxDuration: .seconds(30), maxIterations: 5)
        Benchmark("sweep 1000 steps, \(size) applications (blocks of kept problems, warm starts, one thread)", configuration: few) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Sweep.run(round: sweepRound, scenario: sweepScenario, parameter: .scale(scales), jobs: 1))
            }
        }
        Benchmark("1000 separate solves, \(size) applications (model rebuilt each time)", configuration: few) { benchmark in
            for _ in benchmark.scaledIterations {
                for t in scales { blackHole(try Allocator.solve(round: sweepRound, scenario: sweepScenario.scaled(by: t))) }
            }
        }
    }

    var frontierRound = RoundGenerator.round(applications: 1_000, seed: 13)
    for i in frontierRound.applications.indices { frontierRound.applications[i].minFraction = nil }
    let frontierScenario = RoundGenerator.scenario(for: frontierRound, coverage: 0.6)
    Benchmark("frontier 1000 applications (exact)", configuration: .init(maxDuration: .seconds(30), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Frontier.compute(round: frontierRound, scenario: frontierScenario))
        }
    }

    // The officer's sensitivity question on the same round: every weight's interval, both ways
    // (compare.py puts it beside one solve; asked: under 20 times).
    Benchmark("sensitivity 1000 applications (every weight, both directions)", configuration: .init(maxDuration: .seconds(30), maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Sensitivity.compute(round: frontierRound, scenario: frontierScenario))
        }
    }

    var mipRound = RoundGenerator.round(applications: 1_000, seed: 11)
    for i in mipRound.applications.indices { mipRound.applications[i].minFraction = nil }
    var mipScenario = RoundGenerator.scenario(for: mipRound, coverage: 0.6)
    mipScenario.rules.minFraction = 0.5
    Benchmark("solve MIP 1000 applications (min_fraction 0.5)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Allocator.solve(round: mipRound, scenario: mipScenario))
        }
    }
}

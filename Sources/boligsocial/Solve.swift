import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `solve`: the optimal allocation of one scenario.
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Optimal allocation by year, application, area, risk class, focus area and cost category.")

        @Argument(help: "The scenario file.")
        var scenario = "Scenarios/baseline.toml"

        @OptionGroup var report: ReportOptions

        func run() throws {
            let loaded: LoadedScenario
            do { loaded = try LoadedScenario.load(scenario) } catch { throw fail(error) }
            let allocation = try solve(loaded)
            let summary = AllocationSummary(allocation, stamp: loaded.stamp)
            try OutputWriter.emit(render(SolveReport(summary, language: report.lang)), to: report.output, inputs: loaded.inputPaths)
        }

        func solve(_ loaded: LoadedScenario) throws -> Allocation {
            let allocation: Allocation
            do {
                allocation = try Allocator.solve(round: loaded.round, scenario: loaded.scenario) { problem in
                    guard let path = report.writeModel else { return }
                    try OutputWriter.write(to: path, inputs: loaded.inputPaths) { temporary in
                        try problem.write(to: temporary, format: path.hasSuffix(".mps") ? .mps : .cplexLP)
                    }
                }
            } catch let failure as OutputWriter.Failure {
                printError(failure.message)
                throw Exit.cannotWrite
            } catch {
                printError("boligsocial: \(error)")
                throw Exit.internalError
            }
            switch allocation.status {
            case .optimal, .feasible:
                return allocation
            case .infeasible:
                printError("\(loaded.scenario.name): the scenario is infeasible: its rules cannot all hold within its envelopes")
                throw Exit.infeasible
            case .unbounded, .undefined:
                printError("\(loaded.scenario.name): \(allocation.status)")
                throw Exit.internalError
            }
        }

        func render(_ r: SolveReport) -> String {
            switch report.format {
            case .table: r.plain()
            case .markdown: r.markdown()
            case .csv: r.csv()
            case .json: r.json().serialized()
            }
        }
    }
}

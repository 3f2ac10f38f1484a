import ArgumentParser
import BoligsocialCore
import BoligsocialReports

/// What the subcommands share: loading with the exit codes of SPEC §6, rendering, and the
/// diagnosis of an infeasible scenario.
enum Common {
    static func load(_ path: String) throws -> LoadedScenario {
        do { return try LoadedScenario.load(path) } catch { throw fail(error) }
    }

    /// Renders the report in the chosen format and writes it to standard output or, atomically, to
    /// `--output`; never over one of `inputs`.
    static func emit(_ report: some Report, _ options: ReportOptions, inputs: [String]) throws {
        let text: String
        switch options.format {
        case .table: text = report.plain()
        case .markdown: text = report.markdown()
        case .csv: text = report.csv()
        case .json:
            try OutputWriter.emit(to: options.output, inputs: inputs) { sink in try report.json().write(chunks: sink) }
            return
        case .html: text = HTML.page(report)
        case .xlsx:
            do {
                try OutputWriter.write(to: options.output!, inputs: inputs) { temporary in try writeWorkbook(report, to: temporary) }
            } catch {
                printError(error.message)
                throw Exit.cannotWrite
            }
            return
        }
        try OutputWriter.emit(text, to: options.output, inputs: inputs)
    }

    /// Solves, or explains an infeasible scenario and exits 2.
    static func solve(_ loaded: LoadedScenario, lang: Language, options: SolveOptions = SolveOptions(),
                      writeModel: ((ModelWriter) throws -> Void)? = nil) throws -> Allocation {
        let allocation: Allocation
        do {
            allocation = try Allocator.solve(round: loaded.round, scenario: loaded.scenario, options: options, writeModel: writeModel)
        } catch let failure as OutputWriter.Failure {
            printError(failure.message)
            throw Exit.cannotWrite
        } catch {
            printError("boligsocial: \(error)")
            throw Exit.internalError
        }
        switch allocation.status {
        case .optimal:
            return allocation
        case .feasible(let gap):
            // Exit 0, but never silently: the allocation is the best found, not a proven optimum.
            let bound = gap.map { "proven within \(NumberFormat(.en).decimal($0 * 100, places: 2)) % of the optimum" }
                ?? "no bound on its distance from the optimum is known yet"
            printError("warning: \(loaded.scenario.name): branch-and-cut stopped early (--time-limit or --mip-gap); "
                + "the allocation is the best found, \(bound)")
            return allocation
        case .infeasible:
            try explainInfeasibility(loaded, lang: lang)
        case .unbounded, .undefined:
            printError("\(loaded.scenario.name): \(allocation.status)")
            throw Exit.internalError
        }
    }

    /// Prints which rules conflict, in which year, and by how much to relax each; exits 2.
    static func explainInfeasibility(_ loaded: LoadedScenario, lang: Language) throws -> Never {
        do {
            if let diagnosis = try Diagnosis.diagnose(round: loaded.round, scenario: loaded.scenario) {
                printError(DiagnosisReport(scenario: loaded.scenario, diagnosis: diagnosis, language: lang).text())
            } else {
                printError("\(loaded.scenario.name): the scenario is infeasible: its rules cannot all hold within its envelopes")
            }
        } catch {
            printError("\(loaded.scenario.name): the scenario is infeasible (no diagnosis: \(error))")
        }
        throw Exit.infeasible
    }
}

import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import Foundation

/// What the subcommands share: loading, rendering, and the one place where what a command's
/// work throws becomes a message and an exit code (docs/commands.md), the diagnosis of an infeasible
/// scenario included.
enum Common {
    /// The scenarios a command loaded, so an infeasible one is diagnosed with its own stamp and
    /// the report is never written over one of its inputs.
    final class Loaded {
        private(set) var scenarios: [LoadedScenario] = []
        /// What-ifs from the command line, applied to every scenario loaded.
        var overrides: ScenarioOverrides?

        func load(_ path: String) throws -> LoadedScenario {
            var loaded = try loadWithOverrides(path)
            if let overrides, !overrides.isEmpty { loaded.stamp.overrides = overrides.given }
            scenarios.append(loaded)
            return loaded
        }

        /// The scenario with the overrides merged over it in memory; with `--save-scenario` they
        /// are also written as a scenario that extends it.
        private func loadWithOverrides(_ path: String) throws -> LoadedScenario {
            guard let overrides, !overrides.isEmpty else { return try LoadedScenario.load(path) }
            let patch = try overrides.patch(for: path)
            if let save = overrides.saveScenario {
                let directory = (URL(fileURLWithPath: save).standardizedFileURL.path as NSString)
                    .deletingLastPathComponent
                let text = patch.file(
                    extending: ScenarioOverrides.relative(path, from: directory),
                    heading: "What-ifs given on the command line, on top of the scenario this file extends.")
                try OutputWriter.emit(text, to: save, inputs: [path])
            }
            return try LoadedScenario.load(path, patch: patch)
        }

        var inputPaths: [String] { scenarios.flatMap(\.inputPaths) }
    }

    /// Runs `work` and turns every error it throws into its message and exit code: input problems
    /// 65/66, an infeasible scenario 2 with its diagnosis (a JSON document with `--format json`),
    /// a failed write 73, anything else 70.
    /// `language`: for a command without report options (`validate`), the language of its messages.
    static func run(
        _ report: ReportOptions?, language: Language = .en, overrides: ScenarioOverrides? = nil,
        _ work: (Loaded) throws -> Void
    ) throws {
        let loaded = Loaded()
        loaded.overrides = overrides
        do {
            try work(loaded)
        } catch let exit as ExitCode {
            throw exit
        } catch let error as InputError {
            throw fail(error, language: report?.lang ?? language)
        } catch let infeasible as InfeasibleScenario {
            try diagnose(infeasible, loaded: loaded, report: report)
        } catch let failure as OutputWriter.Failure {
            printError(failure.message)
            throw Exit.cannotWrite
        } catch let failure as WishProposal.Failure {
            let lang = report?.lang ?? language
            printError("boligsocial wish: " + Labels(lang).wishFailure(failure, number: NumberFormat(lang)))
            // The scenario is fine when the --threshold leaves nothing to fund: a usage error.
            if case .noTargets = failure { throw Exit.usage }
            throw Exit.infeasible
        } catch {
            printError("boligsocial: \(error)")
            throw Exit.internalError
        }
    }

    /// Renders the report in the chosen format and writes it to standard output or, atomically, to
    /// `--output`; never over one of `inputs`.
    static func emit(_ report: some Report, _ options: ReportOptions, inputs: [String]) throws {
        let text: String
        switch options.format {
        // Text for a terminal: control characters from the inputs are shown, never obeyed.
        case .table: text = TerminalText.escaped(report.plain())
        case .markdown: text = TerminalText.escaped(report.markdown())
        case .csv: text = report.csv(options.csv)
        case .json:
            try OutputWriter.emit(to: options.output, inputs: inputs) { sink in try report.json().write(chunks: sink) }
            return
        case .html: text = HTML.page(report)
        case .xlsx:
            try OutputWriter.write(to: options.output!, inputs: inputs) { temporary in
                try writeWorkbook(report, to: temporary)
            }
            return
        }
        try OutputWriter.emit(text, to: options.output, inputs: inputs)
    }

    /// Solves; an allocation found by a MIP stopped early is reported with a warning on standard
    /// error (exit 0, but never silently).
    static func solve(
        _ loaded: LoadedScenario, options: SolveOptions = SolveOptions(), language: Language = .en,
        writeModel: ((ModelWriter) throws -> Void)? = nil, onStage: ((SolveStage) -> Void)? = nil
    ) throws -> Allocation {
        let allocation = try Allocator.solve(
            round: loaded.round, scenario: loaded.scenario, options: options, writeModel: writeModel,
            onStage: onStage)
        if case .feasible(let gap) = allocation.status {
            printError(Labels(language).stoppedEarly(loaded.scenario.name, gap: gap, number: NumberFormat(language)))
        }
        return allocation
    }

    /// Which rules conflict, in which year, and by how much to relax each: on standard error, or
    /// with `--format json` as a document on the output; exits 2.
    static func diagnose(_ infeasible: InfeasibleScenario, loaded: Loaded, report: ReportOptions?) throws -> Never {
        let own = loaded.scenarios.first { $0.scenario.files == infeasible.scenario.files }
        let document = DiagnosisReport(diagnosing: infeasible, stamp: own?.stamp, language: report?.lang ?? .en)
        if let report, report.format == .json {
            do {
                try OutputWriter.emit(to: report.output, inputs: loaded.inputPaths) { sink in
                    try document.json().write(chunks: sink)
                }
            } catch let failure as OutputWriter.Failure {
                printError(failure.message)
                throw Exit.cannotWrite
            }
        } else {
            printError(document.text())
        }
        throw Exit.infeasible
    }
}

import ArgumentParser
import BoligsocialCore
import BoligsocialReports

extension Boligsocial {
    /// `compare`: scenarios side by side, and who gains or loses how much.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scenarios side by side: per year, per class, and the applications that gain or lose, largest change first.")

        @Argument(help: "Two or more scenario files; the first is the reference.")
        var scenarios: [String]

        @OptionGroup var report: ReportOptions
        @OptionGroup var solver: SolverOptions

        func validate() throws {
            guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenarios, got \(scenarios.count)") }
        }

        func run() throws {
            try Common.run(report) { loader in
                let loaded = try scenarios.map(loader.load)
                let allocations = try loaded.map { try Common.solve($0, options: solver.solveOptions, language: report.lang) }
                try Common.emit(CompareReport(Comparison(allocations), stamps: loaded.map(\.stamp), language: report.lang), report,
                                inputs: loader.inputPaths)
            }
        }
    }
}

import ArgumentParser
import BoligsocialCore
import LinearProgramming

/// `boligsocial`: allocate Socialforvaltningen's co-funding of social housing projects, 2009–2012.
@main
struct Boligsocial: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boligsocial",
        abstract: "Optimal allocation of co-funding for social housing projects (Københavns Kommune, 2009-2012).",
        version: toolVersion,
        subcommands: [
            SolveCommand.self, RankCommand.self, CompareCommand.self, SweepCommand.self, FrontierCommand.self,
            WishCommand.self, ExplainCommand.self, SensitivityCommand.self,
            ServeCommand.self, ValidateCommand.self, GenerateCommand.self, TemplateCommand.self,
        ],
        defaultSubcommand: SolveCommand.self)

    /// Huge pages for the heap first (which may start the process again), then signals (a closed
    /// pipe becomes a write error; an interrupt removes a half-written output), then the command line.
    static func main() {
        HugePages.restartWithHugePagesIfOffered()
        Cleanup.install()
        SolverSession.keepFreedMemoryBetweenSolves()
        main(nil)
    }
}

import ArgumentParser
import BoligsocialCore
import ProcessSupport

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

    /// Huge pages for the heap of a large round first (which may start the process again), then
    /// signals (a closed pipe becomes a write error; an interrupt removes a half-written output),
    /// then the command line.
    static func main() {
        HugePages.restartIfWorthIt(roundBytes: largestRound)
        Cleanup.install()
        FreedMemory.keepBetweenSolves()
        main(nil)
    }

    /// How large a round the command line loads: the largest applications file of the scenario
    /// files it names (bytes); 0 for a command that loads none (`generate`, `template`, help).
    static func largestRound() -> Int {
        let arguments = CommandLine.arguments.dropFirst()
        guard let command = arguments.first(where: { !$0.hasPrefix("-") }),
            !["generate", "template", "help"].contains(command)
        else { return 0 }
        return arguments.filter { $0.hasSuffix(".toml") }.map { path in
            guard let scenario = try? ScenarioLoader.read(path) else { return 0 }
            return HugePages.fileSize(LoadedScenario.file(of: scenario.applicationsPath))
        }.max() ?? 0
    }
}

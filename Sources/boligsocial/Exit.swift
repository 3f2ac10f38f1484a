import ArgumentParser
import BoligsocialCore
import BoligsocialReports
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Exit codes (docs/commands.md).
enum Exit {
    static let infeasible = ExitCode(2)
    static let usage = ExitCode(64)
    static let badData = ExitCode(65)
    static let cannotOpen = ExitCode(66)
    static let cannotWrite = ExitCode(73)
    static let internalError = ExitCode(70)
}

/// Standard error, for diagnostics. Control characters from the inputs are shown escaped, never
/// sent to the terminal; a failed write to standard error has nowhere left to be reported.
func printError(_ text: String) {
    let line = TerminalText.escaped(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "\n"
    _ = StandardStream.write(Array(line.utf8), to: STDERR_FILENO)
}

/// Prints an input problem and turns it into its exit code.
func fail(_ error: InputError, language: Language) -> ExitCode {
    printError(InputProblemWords(language).message(error))
    switch error {
    case .badData: return Exit.badData
    case .cannotOpen: return Exit.cannotOpen
    }
}

import Foundation
import LinearProgramming
import Parallel

/// A scenario with its round loaded and its inputs stamped: what every command starts from.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var round: Round
    public var stamp: InputStamp

    /// Reads the scenario with the what-ifs of `patch` on top, then its two CSV files, collecting
    /// every data problem of all three.
    public static func load(_ path: String, patch: ScenarioPatch = ScenarioPatch()) throws(InputError) -> LoadedScenario
    {
        var diagnostics = DiagnosticCollector()
        let scenario = try ScenarioLoader.load(path, patch: patch, diagnostics: &diagnostics)
        guard !scenario.areasPath.isEmpty, !scenario.applicationsPath.isEmpty else {
            try diagnostics.throwIfAny()
            throw .badData([])
        }
        let areasInput = try TableInput.read(scenario.areasPath)
        let applicationsInput = try TableInput.read(scenario.applicationsPath)
        let areaBytes = areasInput.file
        let applicationBytes = applicationsInput.file
        // The files are hashed for the stamp on a second core while they are parsed on this one.
        let found = diagnostics
        let parsed: (areas: [Area], applications: [Application], diagnostics: DiagnosticCollector)
        let hashes: (scenario: String, applications: String, areas: String)
        do {
            (parsed, hashes) = try PerThread.pair(
                {
                    var diagnostics = found
                    var areaProblems = DiagnosticCollector()
                    var applicationProblems = DiagnosticCollector()
                    let areas = RoundLoader.parseAreas(
                        areasInput.table, file: areasInput.label, diagnostics: &areaProblems)
                    let applications = RoundLoader.parseApplications(
                        applicationsInput.table, file: applicationsInput.label, years: scenario.years, areas: areas,
                        diagnostics: &applicationProblems, proportional: scenario.rules.commitment == .proportional)
                    diagnostics.diagnostics +=
                        areasInput.located(areaProblems.diagnostics)
                        + applicationsInput.located(applicationProblems.diagnostics)
                    // A decision names an application of the round (checked once the round is read).
                    if applicationProblems.diagnostics.isEmpty {
                        diagnostics.diagnostics += scenario.decisionProblems(applicationIDs: applications.map(\.id))
                    }
                    return (areas, applications, diagnostics)
                },
                {
                    var scenarioHash = SHA256()
                    for file in scenario.files { scenarioHash.update(try readInputFile(file)) }
                    // The what-ifs are part of the scenario the outputs come from.
                    for line in patch.lines { scenarioHash.update(Array((line + "\n").utf8)) }
                    return (scenarioHash.hexDigest(), SHA256.hex(applicationBytes), SHA256.hex(areaBytes))
                })
        } catch let error as InputError {
            throw error
        } catch {
            throw .cannotOpen(path: scenario.files.first ?? "", reason: .system(EIO))
        }
        try parsed.diagnostics.throwIfAny()
        let (areas, applications) = (parsed.areas, parsed.applications)
        let (scenarioSHA256, applicationsSHA256, areasSHA256) = hashes
        let stamp = InputStamp(
            scenarioSHA256: scenarioSHA256, applicationsSHA256: applicationsSHA256,
            areasSHA256: areasSHA256, toolVersion: toolVersion, glpkVersion: SolverSession.solverVersion)
        return LoadedScenario(
            scenario: scenario, round: Round(years: scenario.years, areas: areas, applications: applications),
            stamp: stamp)
    }

    /// The file a round's table is read from (`runde.xlsx` of `runde.xlsx#Ansøgninger`).
    public static func file(of tablePath: String) -> String { TableInput.split(tablePath).file }

    /// Every input path, to refuse writing a report over one of them.
    public var inputPaths: [String] {
        scenario.files + [scenario.areasPath, scenario.applicationsPath].map { TableInput.split($0).file }
    }
}

/// A table the round is read from: a CSV file, or one sheet of an `.xlsx` workbook
/// (`runde.xlsx` for its first sheet, `runde.xlsx#Ansøgninger` for a named one).
struct TableInput: Sendable {
    /// The file's bytes, as hashed for the stamp.
    let file: [UInt8]
    /// What the CSV reader reads: the file itself, or the sheet's cells as semicolon text.
    let table: [UInt8]
    /// How messages name it: the path, or `path[sheet]`.
    let label: String
    /// A workbook's sheet, kept (without its text) to name cells in messages.
    let sheet: WorkbookSheet?

    /// The path of the file, and the sheet named after `#` in a workbook's path.
    static func split(_ path: String) -> (file: String, sheet: String?) {
        // The last `#` that follows a name ending in `.xlsx`, with no `/` after it (Excel allows
        // none in a sheet name; a `#` may stand in a directory name).
        guard let hash = path.lastIndex(of: "#"), !path[hash...].contains("/"),
            path[..<hash].lowercased().hasSuffix(".xlsx")
        else { return (path, nil) }
        return (String(path[..<hash]), String(path[path.index(after: hash)...]))
    }

    static func read(_ path: String) throws(InputError) -> TableInput {
        let (file, sheetName) = split(path)
        let bytes = try readInputFile(file)
        guard file.lowercased().hasSuffix(".xlsx") else {
            return TableInput(file: bytes, table: bytes, label: file, sheet: nil)
        }
        var sheet = try WorkbookSheet.read(bytes, file: file, sheet: sheetName)
        let table = sheet.csv
        sheet.csv = []
        return TableInput(file: bytes, table: table, label: sheet.label, sheet: sheet)
    }

    /// The reader's problems, named by sheet, row, Excel column and header for a workbook.
    func located(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard let sheet else { return diagnostics }
        return diagnostics.map { $0.location.file == label ? sheet.locate($0) : $0 }
    }
}

extension Scenario {
    /// A decision names an application of the round: a problem for each that does not, located
    /// where it was written (a file's line, or a what-if's origin), in the order written. The loader
    /// and the what-if server both check it here.
    public func decisionProblems(applicationIDs: [String]) -> [Diagnostic] {
        guard !decisions.isEmpty else { return [] }
        let ids = Set(applicationIDs)
        return decisions.sorted { $0.value.location < $1.value.location }.filter { !ids.contains($0.key) }.map {
            Diagnostic(
                $0.value.location,
                .decisionUnknownApplication($0.key, suggestion: closestMatch(to: $0.key, in: applicationIDs)))
        }
    }
}

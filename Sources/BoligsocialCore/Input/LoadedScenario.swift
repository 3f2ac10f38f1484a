import Foundation
import LinearProgramming
import Parallel

/// A scenario with its round loaded and its inputs stamped: what every command starts from.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var round: Round
    public var stamp: InputStamp

    /// Reads the scenario, then its two CSV files, collecting every data problem of all three.
    public static func load(_ path: String) throws(InputError) -> LoadedScenario {
        var diagnostics = DiagnosticCollector()
        let scenario = try ScenarioLoader.load(path, diagnostics: &diagnostics)
        guard !scenario.areasPath.isEmpty, !scenario.applicationsPath.isEmpty else {
            try diagnostics.throwIfAny()
            throw .badData([])
        }
        let areaBytes = try readInputFile(scenario.areasPath)
        let applicationBytes = try readInputFile(scenario.applicationsPath)
        // The files are hashed for the stamp on a second core while they are parsed on this one.
        let found = diagnostics
        let parsed: (areas: [Area], applications: [Application], diagnostics: DiagnosticCollector)
        let hashes: (scenario: String, applications: String, areas: String)
        do {
            (parsed, hashes) = try PerThread.pair({
                var diagnostics = found
                let areas = RoundLoader.parseAreas(areaBytes, file: scenario.areasPath, diagnostics: &diagnostics)
                let applications = RoundLoader.parseApplications(
                    applicationBytes, file: scenario.applicationsPath, years: scenario.years, areas: areas, diagnostics: &diagnostics,
                    proportional: scenario.rules.commitment == .proportional)
                return (areas, applications, diagnostics)
            }, {
                var scenarioHash = SHA256()
                for file in scenario.files { scenarioHash.update(try readInputFile(file)) }
                return (scenarioHash.hexDigest(), SHA256.hex(applicationBytes), SHA256.hex(areaBytes))
            })
        } catch let error as InputError {
            throw error
        } catch {
            throw .cannotOpen(path: scenario.files.first ?? "", reason: "\(error)")
        }
        try parsed.diagnostics.throwIfAny()
        let (areas, applications) = (parsed.areas, parsed.applications)
        let (scenarioSHA256, applicationsSHA256, areasSHA256) = hashes
        let stamp = InputStamp(
            scenarioSHA256: scenarioSHA256, applicationsSHA256: applicationsSHA256,
            areasSHA256: areasSHA256, toolVersion: toolVersion, glpkVersion: SolverSession.solverVersion)
        return LoadedScenario(scenario: scenario, round: Round(years: scenario.years, areas: areas, applications: applications), stamp: stamp)
    }

    /// Every input path, to refuse writing a report over one of them.
    public var inputPaths: [String] { scenario.files + [scenario.areasPath, scenario.applicationsPath] }
}

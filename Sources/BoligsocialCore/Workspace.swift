import LinearProgramming

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
        let areas = RoundLoader.parseAreas(areaBytes, file: scenario.areasPath, diagnostics: &diagnostics)
        let applications = RoundLoader.parseApplications(
            applicationBytes, file: scenario.applicationsPath, years: scenario.years, areas: areas, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        var scenarioHash = SHA256()
        for file in scenario.files { scenarioHash.update((try? readInputFile(file)) ?? []) }
        let stamp = InputStamp(
            scenarioSHA256: scenarioHash.hexDigest(), applicationsSHA256: SHA256.hex(applicationBytes),
            areasSHA256: SHA256.hex(areaBytes), toolVersion: toolVersion, glpkVersion: GLPKProblem.version)
        return LoadedScenario(scenario: scenario, round: Round(years: scenario.years, areas: areas, applications: applications), stamp: stamp)
    }

    /// Every input path, to refuse writing a report over one of them.
    public var inputPaths: [String] { scenario.files + [scenario.areasPath, scenario.applicationsPath] }
}

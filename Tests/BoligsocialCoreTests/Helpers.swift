import Foundation

@testable import BoligsocialCore

/// Small hand-made rounds for the model tests. Every application has one focus area (networks,
/// weight 1.0 by default), no quality bonus, and asks only for salary unless told otherwise, so
/// its weight is `R · T`: vulnerable-primary 1.0, vulnerable-secondary 0.6, other-primary 0.4.
enum Fixture {
    static let areas = [
        Area(id: "V", name: "Vulnerable estate", district: "Nørrebro", risk: .vulnerable),
        Area(id: "V2", name: "Second vulnerable estate", district: "Valby", risk: .vulnerable),
        Area(id: "O", name: "Estate outside the risk group", district: "Vanløse", risk: .other),
    ]

    static func app(
        _ id: String, area: String = "V", target: TargetGroup = .primary, focus: [FocusArea] = [.networks],
        salary: [Double], activities: [Double]? = nil, sof: Bool = true, objectives: [Objective] = [.socialIntegration],
        accounting: Bool = true, minFraction: Double? = nil
    ) -> Application {
        let requests = salary.indices.map { y -> CategoryMap<Double> in
            var r: CategoryMap<Double> = [:]
            if salary[y] > 0 { r[.salary] = salary[y] }
            if let a = activities?[y], a > 0 { r[.activities] = a }
            return r
        }
        return Application(
            id: id, title: "Project \(id)", areaID: area, focus: focus, objectives: objectives, targetGroup: target,
            sofInSteeringGroup: sof, activityAccounting: accounting, minFraction: minFraction, requests: requests)
    }

    static func round(_ applications: [Application], years: [Int] = [2009]) -> Round {
        Round(years: years, areas: areas, applications: applications)
    }

    static func scenario(_ envelope: [Double], years: [Int] = [2009], rules: Rules = Rules()) -> Scenario {
        Scenario(
            name: "test", years: years, envelope: Dictionary(uniqueKeysWithValues: zip(years, envelope)), rules: rules)
    }

    static func solve(_ applications: [Application], envelope: [Double], years: [Int] = [2009], rules: Rules = Rules())
        throws -> Allocation
    {
        try Allocator.solve(
            round: round(applications, years: years), scenario: scenario(envelope, years: years, rules: rules))
    }

    static func fixtureURL(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }
}

extension Allocation {
    func outcome(_ id: String) -> ApplicationOutcome { outcomes.first { $0.application.id == id }! }
    func share(_ id: String) -> Double { outcome(id).share }
}

/// The loaders one file at a time, for the tests (the tool itself loads a scenario and its CSV
/// files together, through `LoadedScenario.load`).
extension RoundLoader {
    /// Reads both files; throws `.cannotOpen` for a missing file and `.badData` with every problem.
    static func load(areasPath: String, applicationsPath: String, years: [Int]) throws(InputError) -> Round {
        let areaBytes = try readInputFile(areasPath)
        let applicationBytes = try readInputFile(applicationsPath)
        var diagnostics = DiagnosticCollector()
        let areas = parseAreas(areaBytes, file: areasPath, diagnostics: &diagnostics)
        let applications = parseApplications(
            applicationBytes, file: applicationsPath, years: years, areas: areas, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        return Round(years: years, areas: areas, applications: applications)
    }
}

extension ScenarioLoader {
    static func load(_ path: String) throws(InputError) -> Scenario {
        var diagnostics = DiagnosticCollector()
        let scenario = try load(path, diagnostics: &diagnostics)
        try diagnostics.throwIfAny()
        return scenario
    }
}

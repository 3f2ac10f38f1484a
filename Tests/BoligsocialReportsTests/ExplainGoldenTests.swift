import Foundation
import Testing

@testable import BoligsocialCore
@testable import BoligsocialReports

/// `explain` on the shipped baseline for a fully funded, a partly funded, an unfunded and an
/// ineligible application: the whole text is pinned (re-record with RECORD_GOLDEN=1).
@Suite struct ExplainGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: [("A04", "full"), ("A10", "partial"), ("A11", "unfunded"), ("A08", "ineligible")])
    func explainBaselineApplication(id: String, status: String) throws {
        let loaded = try LoadedScenario.load(Self.root.appendingPathComponent("Scenarios/baseline.toml").path)
        let explanation = try #require(try Explanation.explain(id: id, round: loaded.round, scenario: loaded.scenario))
        #expect(explanation.outcome.status.rawValue == status)
        let report = ExplainReport(explanation, scenario: loaded.scenario, stamp: nil)
        try GoldenTests.check(report.plain(), against: "explain-\(id)-\(status).txt")
        if status == "partial" {
            try GoldenTests.check(report.json().serialized(), against: "explain-\(id)-\(status).json")
        }
    }
}
